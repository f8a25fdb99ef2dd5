import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { DISTRIBUTION_IMPORT_LIMITS } from '../returns/distribution-import';
import { sheetXml, xlsxOf, zipOf } from '../test/zip-files';
import { Invalid, TooLarge, Unavailable } from './errors';
import {
	IMPORT_WORKER_LIMITS,
	importWorkersRunning,
	readXlsxInWorker,
	terminateImportWorkers
} from './import-workers';
import { readTable, UnstorableCell } from './tabular-files';

const limits = DISTRIBUTION_IMPORT_LIMITS;
const csv = (text: string) => new TextEncoder().encode(text);
// Each hostile file must be refused well within this; the reader before the fix took 15–65 s.
const QUICKLY = 8_000;

/** XFD1 as the only header cell and 200 rows below it, as in issue 14. */
function farRightHeader(dimension?: string) {
	const cells: Record<string, string> = { XFD1: '渠道' };
	for (let r = 2; r <= 201; r++) cells[`A${r}`] = 'paper';
	return xlsxOf(sheetXml(cells, dimension));
}

/** A sheet whose one cell holds `size` bytes of "a": tiny once deflated. */
function bigCell(size: number) {
	const xml = sheetXml({ A1: '@' }).split('@');
	return Buffer.concat([Buffer.from(xml[0]), Buffer.alloc(size, 'a'), Buffer.from(xml[1])]);
}

describe('readTable', () => {
	// Built once, outside the tests' time limit: deflating 100 MB is the test's work, not the reader's.
	let bombs: Record<'hundredMb' | 'lying' | 'fifteenMb', Uint8Array>;
	beforeAll(() => {
		const hundredMb = bigCell(100 * 1024 * 1024);
		bombs = {
			hundredMb: xlsxOf(hundredMb),
			lying: xlsxOf(hundredMb, { declaredSize: 1000 }),
			fifteenMb: xlsxOf(bigCell(15 * 1024 * 1024))
		};
	}, 60_000);

	it('reads XLSX, CSV and UTF-16 CSV as before', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('发放');
		sheet.addRow(['渠道', '发放数']);
		sheet.addRow(['paper', 8]);
		sheet.getCell('D3').value = '远';
		const written = new Uint8Array(await workbook.xlsx.writeBuffer());
		expect(await readTable(written, limits)).toEqual([
			['渠道', '发放数'],
			['paper', '8'],
			['', '', '', '远']
		]);
		const handMade = xlsxOf(sheetXml({ A1: '渠道', B1: '发放数', B2: '3' }, 'A1:B2'));
		expect(await readTable(handMade, limits)).toEqual([
			['渠道', '发放数'],
			['', '3']
		]);
		expect(await readTable(csv('渠道,发放数\npaper,3\n'), limits)).toEqual([
			['渠道', '发放数'],
			['paper', '3']
		]);
		const utf16 = Buffer.concat([
			Buffer.from([0xff, 0xfe]),
			Buffer.from('渠道\t发放数\r\n', 'utf16le')
		]);
		expect(await readTable(new Uint8Array(utf16), limits)).toEqual([['渠道', '发放数']]);
	});

	it(
		'refuses a header cell at XFD1 by its declared dimension, and without one while reading',
		async () => {
			const declared = readTable(farRightHeader('A1:XFD201'), limits);
			await expect(declared).rejects.toThrow(TooLarge);
			await expect(declared).rejects.toThrow('import_too_many_columns');
			const undeclared = readTable(farRightHeader(), limits);
			await expect(undeclared).rejects.toThrow(TooLarge);
			await expect(undeclared).rejects.toThrow('import_too_many_columns');
			expect(importWorkersRunning()).toBe(0);
		},
		QUICKLY
	);

	it(
		'refuses zip bombs before parsing: too large, lying about its size, or compressed too well',
		async () => {
			await expect(readTable(bombs.hundredMb, limits)).rejects.toThrow(
				new TooLarge('import_too_large')
			);
			await expect(readTable(bombs.lying, limits)).rejects.toThrow(new Invalid('import_not_xlsx'));
			await expect(readTable(bombs.fifteenMb, limits)).rejects.toThrow(
				new TooLarge('import_too_large')
			);
			expect(importWorkersRunning()).toBe(0);
		},
		QUICKLY
	);

	it('refuses a file that starts like a zip but is not an XLSX with 400, never a 500', async () => {
		const junk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...csv('junk'.repeat(50))]);
		await expect(readTable(junk, limits)).rejects.toThrow(new Invalid('import_not_xlsx'));
		const truncated = farRightHeader().subarray(0, 300);
		await expect(readTable(truncated, limits)).rejects.toThrow(new Invalid('import_not_xlsx'));
		const badXml = zipOf([
			{ name: '[Content_Types].xml', data: '<Types' },
			{ name: 'xl/workbook.xml', data: '<workbook><sheets><sheet' }
		]);
		await expect(readTable(badXml, limits)).rejects.toThrow(Invalid);
	});

	it('names the row and column of a cell holding NUL', async () => {
		const refusal = readTable(csv('渠道,发放数\npaper,3\u0000\n'), limits);
		await expect(refusal).rejects.toThrow(UnstorableCell);
		await expect(refusal).rejects.toMatchObject({ status: 400, line: 2, column: 'B' });
	});

	it('refuses more rows or columns than the limits, in CSV and XLSX', async () => {
		const rows = (n: number) => `渠道,发放数\n${'paper,1\n'.repeat(n)}`;
		expect(await readTable(csv(rows(limits.rows)), limits)).toHaveLength(limits.rows + 1);
		await expect(readTable(csv(rows(limits.rows + 1)), limits)).rejects.toThrow(
			new TooLarge('import_too_many_rows')
		);
		const wide = Array.from({ length: limits.columns + 1 }, (_, i) => `c${i}`).join(',');
		await expect(readTable(csv(`${wide}\n`), limits)).rejects.toThrow(
			new TooLarge('import_too_many_columns')
		);
		const small = { rows: 2, columns: 3 };
		const fourRows = xlsxOf(sheetXml({ A1: 'h', A2: '1', A3: '2', A4: '3' }));
		await expect(readTable(fourRows, small)).rejects.toThrow(new TooLarge('import_too_many_rows'));
		const declaredTall = xlsxOf(sheetXml({ A1: 'h' }, 'A1:A4'));
		await expect(readTable(declaredTall, small)).rejects.toThrow(
			new TooLarge('import_too_many_rows')
		);
	});

	it('states the limits in both languages', () => {
		for (const m of [zhCN, en]) {
			expect(m.errors.import_too_many_rows).toContain(String(limits.rows));
			expect(m.errors.import_too_many_columns).toContain(String(limits.columns));
			expect(m.errors.import_too_slow).toContain(String(IMPORT_WORKER_LIMITS.milliseconds / 1000));
		}
	});
});

describe('spreadsheet workers', () => {
	const file = xlsxOf(sheetXml({ A1: '渠道', A2: 'paper' }));

	it('ends a parse that outlasts its time limit with 413', async () => {
		await expect(readXlsxInWorker(file, limits, 1)).rejects.toThrow(
			new TooLarge('import_too_slow')
		);
		expect(importWorkersRunning()).toBe(0);
	});

	it('ends every running parse on shutdown, each refused with 503', async () => {
		const reads = [readXlsxInWorker(file, limits), readXlsxInWorker(file, limits)];
		const refused = reads.map((read) =>
			expect(read).rejects.toThrow(new Unavailable('server_stopping'))
		);
		expect(importWorkersRunning()).toBe(2);
		await terminateImportWorkers();
		expect(importWorkersRunning()).toBe(0);
		await Promise.all(refused);
	});
});
