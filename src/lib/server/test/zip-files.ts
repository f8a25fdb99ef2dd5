import { deflateRawSync } from 'node:zlib';

/**
 * Builds zip files and minimal XLSX packages in memory for tests of hostile uploads: a part may
 * declare a size other than its real one, as a zip bomb's does.
 */
export interface ZipPart {
	name: string;
	data: Uint8Array | string;
	/** The uncompressed size written in the headers, when it should lie. */
	declaredSize?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(data: Uint8Array): number {
	let crc = 0xffffffff;
	for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

export function zipOf(parts: ZipPart[]): Uint8Array {
	const locals: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	for (const part of parts) {
		const data = typeof part.data === 'string' ? Buffer.from(part.data) : part.data;
		const compressed = deflateRawSync(data);
		const name = Buffer.from(part.name);
		const size = part.declaredSize ?? data.length;
		const fields = (header: Buffer, at: number) => {
			header.writeUInt16LE(20, at); // version needed
			header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
			header.writeUInt16LE(8, at + 4); // deflate
			header.writeUInt32LE(crc32(data), at + 10);
			header.writeUInt32LE(compressed.length, at + 14);
			header.writeUInt32LE(size, at + 18);
			header.writeUInt16LE(name.length, at + 22);
		};
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		fields(local, 4);
		const entry = Buffer.alloc(46);
		entry.writeUInt32LE(0x02014b50, 0);
		entry.writeUInt16LE(20, 4);
		fields(entry, 6);
		entry.writeUInt32LE(offset, 42);
		locals.push(local, name, compressed);
		central.push(entry, name);
		offset += local.length + name.length + compressed.length;
	}
	const directory = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(parts.length, 8);
	end.writeUInt16LE(parts.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The XML of a sheet from `cells` (address → text, as inline strings) and an optional dimension. */
export function sheetXml(cells: Record<string, string>, dimension?: string): string {
	const rows = new Map<number, string[]>();
	for (const [address, text] of Object.entries(cells)) {
		const row = Number(address.replace(/^[A-Z]+/, ''));
		rows.set(row, [
			...(rows.get(row) ?? []),
			`<c r="${address}" t="inlineStr"><is><t>${text}</t></is></c>`
		]);
	}
	const data = [...rows]
		.sort(([a], [b]) => a - b)
		.map(([r, cs]) => `<row r="${r}">${cs.join('')}</row>`)
		.join('');
	const dim = dimension ? `<dimension ref="${dimension}"/>` : '';
	return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${dim}<sheetData>${data}</sheetData></worksheet>`;
}

/**
 * A one-sheet XLSX package around `sheet` (XML text, or bytes for a very large sheet), with a
 * shared-strings part when `sharedStrings` is given (cells name them as `t="s"`, `<v>index</v>`).
 */
export function xlsxOf(
	sheet: string | Uint8Array,
	sheetPart: Partial<ZipPart> = {},
	sharedStrings?: string[]
): Uint8Array {
	const shared = sharedStrings !== undefined;
	return zipOf([
		{
			name: '[Content_Types].xml',
			data:
				`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
				`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
				`<Default Extension="xml" ContentType="application/xml"/>` +
				`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
				`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
				(shared
					? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
					: '') +
				`</Types>`
		},
		{
			name: '_rels/.rels',
			data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
		},
		{
			name: 'xl/workbook.xml',
			data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${DOC}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`
		},
		{
			name: 'xl/_rels/workbook.xml.rels',
			data:
				`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/worksheet" Target="worksheets/sheet1.xml"/>` +
				(shared
					? `<Relationship Id="rId2" Type="${DOC}/sharedStrings" Target="sharedStrings.xml"/>`
					: '') +
				`</Relationships>`
		},
		...(shared
			? [
					{
						name: 'xl/sharedStrings.xml',
						data:
							`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">` +
							sharedStrings.map((t) => `<si><t>${t}</t></si>`).join('') +
							`</sst>`
					}
				]
			: []),
		{ name: 'xl/worksheets/sheet1.xml', data: sheet, ...sheetPart }
	]);
}
