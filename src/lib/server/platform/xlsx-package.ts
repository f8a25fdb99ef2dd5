import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { Invalid, TooLarge } from './errors';
import type { TableLimits } from './tabular-files';

/**
 * What an XLSX upload may hold before any spreadsheet parser sees it. A sheet of 5,000 × 50 short
 * cells is a few MB of XML; a zip bomb is a small file that inflates to hundreds of MB.
 */
export const XLSX_LIMITS = {
	/** Every part of the package together, inflated. */
	uncompressedBytes: 20 * 1024 * 1024,
	/** xl/sharedStrings.xml, inflated: every distinct text of the workbook. */
	sharedStringsBytes: 8 * 1024 * 1024,
	/** Inflated ÷ compressed for a part over 1 MB; spreadsheet XML is 5–30, a bomb ~1,000. */
	compressionRatio: 100,
	parts: 1_000
} as const;

interface ZipEntry {
	name: string;
	method: number;
	compressed: number;
	uncompressed: number;
	dataStart: number;
}

const inflate = promisify(inflateRaw);
const notXlsx = () => new Invalid('import_not_xlsx');

/**
 * Refuses, before parsing, an XLSX whose package is not a zip a spreadsheet program wrote, or
 * whose parts are too big, compress suspiciously well, or whose sheets declare more rows or columns
 * than `limits` allow. Every part is inflated (on libuv's thread pool, off the request thread) with
 * its declared size as a hard cap, so a part that lies about its size is refused too.
 *
 * The central directory is read by hand (~60 lines): jszip, which exceljs uses, is not one of our
 * dependencies and its public API neither reports sizes nor caps inflation.
 */
export async function checkXlsxPackage(bytes: Uint8Array, limits: TableLimits): Promise<void> {
	let entries: ZipEntry[];
	try {
		entries = readCentralDirectory(bytes);
	} catch (e) {
		// A DataView read past the end: offsets in the file point outside it.
		if (e instanceof RangeError) throw notXlsx();
		throw e;
	}
	const total = entries.reduce((sum, e) => sum + e.uncompressed, 0);
	if (total > XLSX_LIMITS.uncompressedBytes) throw new TooLarge('import_too_large');
	for (const entry of entries) {
		const ratio = entry.uncompressed / Math.max(entry.compressed, 1);
		if (entry.uncompressed > 1024 * 1024 && ratio > XLSX_LIMITS.compressionRatio) {
			throw new TooLarge('import_too_large');
		}
		if (/^xl\/sharedStrings\.xml$/i.test(entry.name)) {
			if (entry.uncompressed > XLSX_LIMITS.sharedStringsBytes) {
				throw new TooLarge('import_too_large');
			}
		}
	}
	for (const entry of entries) {
		const data = await inflated(bytes, entry);
		if (/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) checkDimension(data, limits);
	}
}

function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u16 = (at: number) => view.getUint16(at, true);
	const u32 = (at: number) => view.getUint32(at, true);
	// The end-of-central-directory record: 22 bytes and a comment of at most 65,535.
	let end = -1;
	for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
		if (u32(at) === 0x06054b50) {
			end = at;
			break;
		}
	}
	if (end < 0) throw notXlsx();
	const count = u16(end + 10);
	const directoryStart = u32(end + 16);
	// 0xffff / 0xffffffff mean ZIP64, which no spreadsheet within our limits needs.
	if (count === 0xffff || directoryStart === 0xffffffff) throw new TooLarge('import_too_large');
	if (count > XLSX_LIMITS.parts) throw new TooLarge('import_too_large');
	const entries: ZipEntry[] = [];
	let at = directoryStart;
	for (let i = 0; i < count; i++) {
		if (at + 46 > end || u32(at) !== 0x02014b50) throw notXlsx();
		const flags = u16(at + 8);
		const nameLength = u16(at + 28);
		const local = u32(at + 42);
		const entry = {
			name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
			method: u16(at + 10),
			compressed: u32(at + 20),
			uncompressed: u32(at + 24),
			dataStart: 0
		};
		// Encrypted parts, or compression other than stored and deflate: not something Excel writes.
		if (flags & 1 || (entry.method !== 0 && entry.method !== 8)) throw notXlsx();
		if (local + 30 > bytes.length || u32(local) !== 0x04034b50) throw notXlsx();
		entry.dataStart = local + 30 + u16(local + 26) + u16(local + 28);
		if (entry.dataStart + entry.compressed > bytes.length) throw notXlsx();
		entries.push(entry);
		at += 46 + nameLength + u16(at + 30) + u16(at + 32);
	}
	return entries;
}

async function inflated(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
	const raw = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressed);
	if (entry.method === 0) {
		if (entry.compressed !== entry.uncompressed) throw notXlsx();
		return raw;
	}
	let data: Uint8Array;
	try {
		// One byte more than declared: a part that inflates past its declared size is refused.
		data = await inflate(raw, { maxOutputLength: entry.uncompressed + 1 });
	} catch {
		throw notXlsx();
	}
	if (data.length !== entry.uncompressed) throw notXlsx();
	return data;
}

const columnNumber = (letters: string) =>
	[...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/**
 * A sheet's `<dimension ref="A1:XFD201"/>` says which cells it uses. It is optional and may lie:
 * the reader checks every cell it meets as well; this refuses the honest large file early.
 */
function checkDimension(xml: Uint8Array, limits: TableLimits) {
	const head = new TextDecoder('latin1').decode(xml.subarray(0, 64 * 1024));
	const ref = head.match(/<(?:\w+:)?dimension\s+ref="([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?"/);
	if (!ref) return;
	const lastColumn = columnNumber(ref[3] ?? ref[1]);
	const lastRow = Number(ref[4] ?? ref[2]);
	if (lastColumn > limits.columns) throw new TooLarge('import_too_many_columns');
	if (lastRow > limits.rows + 1) throw new TooLarge('import_too_many_rows');
}
