import ExcelJS from 'exceljs';

/**
 * Reads a spreadsheet upload into rows of cell strings: XLSX by its zip signature, otherwise CSV
 * in UTF-8 (with or without BOM) or, when that is not valid UTF-8, GB18030 as Excel on Chinese
 * Windows saves it.
 */
export async function readTable(bytes: Uint8Array): Promise<string[][]> {
	if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
	return parseCsv(decodeText(bytes));
}

export function decodeText(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return new TextDecoder('gb18030').decode(bytes);
	}
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; also ; or tab when the header uses them. */
export function parseCsv(text: string): string[][] {
	const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
	const delimiter = [',', ';', '\t'].sort(
		(a, b) => firstLine.split(b).length - firstLine.split(a).length
	)[0];
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"' && field === '') quoted = true;
		else if (c === delimiter) {
			row.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	const sheet = workbook.worksheets[0];
	if (!sheet) return [];
	const rows: string[][] = [];
	for (let r = 1; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		const cells: string[] = [];
		for (let c = 1; c <= Math.max(sheet.columnCount, row.cellCount); c++) {
			cells.push(cellText(row.getCell(c).value));
		}
		rows.push(cells);
	}
	return rows;
}

function cellText(value: ExcelJS.CellValue): string {
	if (value == null) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((t) => t.text).join('');
		if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
		if ('text' in value) return String(value.text);
	}
	return String(value);
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
