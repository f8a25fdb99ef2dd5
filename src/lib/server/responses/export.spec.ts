import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { toCsv, toXlsx, type ExportCell } from './export';

/** The one data line of a CSV written from a single row (after the BOM and the header line). */
function lineOf(cells: ExportCell[]): string {
	const csv = toCsv({ header: cells.map((_, i) => `h${i}`), rows: [cells] });
	return csv.split('\r\n')[1];
}

/** Reads a line back the way a spreadsheet does, with the given separator and RFC 4180 quotes. */
function cellsOf(line: string, separator: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted && c === '"' && line[i + 1] === '"') {
			cell += '"';
			i++;
		} else if (c === '"') quoted = !quoted;
		else if (!quoted && c === separator) {
			cells.push(cell);
			cell = '';
		} else cell += c;
	}
	return [...cells, cell];
}

/** What a spreadsheet would run as a formula: a cell that starts with an operator. */
const runsAsFormula = (cell: string) => /^[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(cell);

describe('toCsv', () => {
	it.each([
		['a semicolon before a formula', `x;=1+cmd|' /C calc'!A0`],
		['a tab before a formula', 'x\t=1+1'],
		['a comma before a formula', 'x,=1+1'],
		['a line feed before a formula', 'x\n=1+1'],
		['a carriage return before a formula', 'x\r=1+1'],
		['a quote and a semicolon', 'say "hi";=1+1']
	])('keeps %s in one inert cell whatever separator the reader uses', (_name, text) => {
		const line = lineOf(['first', text, 'last']);
		for (const separator of [',', ';', '\t']) {
			const cells = cellsOf(line, separator).filter((c) => c !== 'first' && c !== 'last');
			expect(cells.some(runsAsFormula)).toBe(false);
		}
		expect(cellsOf(line, ',')).toEqual(['first', text, 'last']);
	});

	it.each([
		['=', '=HYPERLINK("http://evil")'],
		['+', '+1+1'],
		['-', '-1+1'],
		['@', '@SUM(A1)'],
		['a tab', '\t=1+1'],
		['a carriage return', '\r=1+1'],
		['a full-width ＝', '＝1+1'],
		['a full-width ＋', '＋1+1'],
		['a full-width －', '－1+1'],
		['a full-width ＠', '＠SUM(A1)']
	])('puts an apostrophe before text starting with %s', (_name, text) => {
		const [cell] = cellsOf(lineOf([text]), ',');
		expect(cell).toBe(`'${text}`);
	});

	it('doubles quotes inside a quoted field (RFC 4180)', () => {
		expect(lineOf(['a "b" c'])).toBe('"a ""b"" c"');
	});

	it('writes numbers of the app as numbers, negative ones too, and plain text unquoted', () => {
		expect(lineOf([3, -2, 0.5, '道路 维修', 'ok'])).toBe('3,-2,0.5,道路 维修,ok');
	});

	it('writes times in China time with their offset', () => {
		expect(lineOf([new Date('2024-03-01T02:03:04Z')])).toBe('2024-03-01T10:03:04+08:00');
	});
});

describe('toXlsx', () => {
	it('writes a workbook a spreadsheet can open whatever the answers hold', async () => {
		// A public form takes U+FFFE and U+FFFF; XML 1.0, which an XLSX is made of, has no place for
		// them, and a file holding them is refused as damaged (exceljs's own reader included).
		const bytes = await toXlsx(
			{ header: ['答案\uffff'], rows: [['甲\ufffe乙', 'a\ud800b', 'tab\tkept', 3]] },
			'responses'
		);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		expect(sheet.getCell('A1').value).toBe('答案\ufffd');
		expect(sheet.getCell('A2').value).toBe('甲\ufffd乙');
		expect(sheet.getCell('B2').value).toBe('a\ufffdb');
		expect(sheet.getCell('C2').value).toBe('tab\tkept');
		expect(sheet.getCell('D2').value).toBe(3);
	});
});
