import { Invalid, TooLarge } from './errors';
import { readXlsxInWorker } from './import-workers';
import { checkXlsxPackage } from './xlsx-package';

/** The most a table read from an upload may hold: `rows` below the header, `columns` wide. */
export interface TableLimits {
	rows: number;
	columns: number;
}

/** An upload over this size is refused unread (adapter-node's BODY_SIZE_LIMIT is lower by default). */
export const UPLOAD_BYTES_LIMIT = 10 * 1024 * 1024;

/**
 * A cell the database cannot store (PostgreSQL text refuses NUL), named by its line (1 = header)
 * and spreadsheet column letter.
 */
export class UnstorableCell extends Invalid {
	constructor(
		readonly line: number,
		readonly column: string
	) {
		super('import_nul');
	}
}

/**
 * Reads a spreadsheet upload into rows of cell strings: XLSX by its zip signature, otherwise CSV
 * in UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text") or, when it is not
 * valid UTF-8, GB18030 as Excel on Chinese Windows saves it.
 *
 * Bounded before and while parsing: the upload's size, an XLSX package's inflated size and declared
 * dimensions (`checkXlsxPackage`), `limits` on every row and cell met (TooLarge, 413), and an XLSX
 * is parsed in a worker with a time limit (`readXlsxInWorker`). A file that starts like a zip but
 * is not one is Invalid (400). A cell holding NUL is refused rather than stripped: NUL does not
 * occur in text people type, so it means the file is not the text it seems (a binary file renamed
 * .csv, or an encoding we misread), and silently dropping it would import garbage.
 */
export async function readTable(bytes: Uint8Array, limits: TableLimits): Promise<string[][]> {
	if (bytes.length > UPLOAD_BYTES_LIMIT) throw new TooLarge('import_too_large');
	let table: string[][];
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
		await checkXlsxPackage(bytes, limits);
		table = await readXlsxInWorker(bytes, limits);
	} else {
		table = parseCsv(decodeText(bytes), limits);
	}
	assertStorable(table);
	return table;
}

export function decodeText(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return new TextDecoder('gb18030').decode(bytes);
	}
}

/**
 * RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; also ; or tab when the header uses them.
 * With `limits`, a row past `limits.rows + 1` (the header) or a field past `limits.columns` stops
 * the reading with TooLarge.
 */
export function parseCsv(text: string, limits?: TableLimits): string[][] {
	const maxRows = limits ? limits.rows + 1 : Infinity;
	const maxColumns = limits?.columns ?? Infinity;
	const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
	const delimiter = [',', ';', '\t'].sort(
		(a, b) => firstLine.split(b).length - firstLine.split(a).length
	)[0];
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const endField = () => {
		if (row.length >= maxColumns) throw new TooLarge('import_too_many_columns');
		row.push(field);
		field = '';
	};
	const endRow = () => {
		endField();
		if (rows.length >= maxRows) throw new TooLarge('import_too_many_rows');
		rows.push(row);
		row = [];
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === delimiter) endField();
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			endRow();
		} else field += c;
	}
	if (field !== '' || row.length) endRow();
	return rows;
}

/** Column letters as a spreadsheet shows them: 1 → A, 27 → AA. */
function columnLetters(column: number): string {
	let letters = '';
	for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
		letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	}
	return letters;
}

function assertStorable(table: string[][]) {
	table.forEach((cells, r) =>
		cells.forEach((cell, c) => {
			if (cell.includes('\0')) throw new UnstorableCell(r + 1, columnLetters(c + 1));
		})
	);
}

/**
 * A text cell a spreadsheet could run as a formula gets a leading apostrophe (CSV injection): one
 * starting with = + - @, a tab or a carriage return, or with the full-width ＝ ＋ － ＠ that a
 * Chinese input method types and spreadsheets in East Asian locales read as the same operators.
 * Only the start of a cell can begin a formula; a separator later in the text would start a new
 * cell, which is why `toCsv` also quotes every field holding one.
 */
export function neutraliseFormula(value: string): string {
	return /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(value) ? `'${value}` : value;
}
