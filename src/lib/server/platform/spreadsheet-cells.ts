// Cells of the exports as people read them: times in China time, whatever the server's zone.
import type ExcelJS from 'exceljs';

const CHINA_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai has kept +08:00 all year since 1991

export const XLSX_DAY_FORMAT = 'yyyy-mm-dd';
export const XLSX_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/**
 * A spreadsheet date has no time zone: it shows the fields it was given, which exceljs takes from
 * the Date in UTC. So a day is that day at UTC midnight, and an instant is shifted to China's
 * wall clock.
 */
export function xlsxDay(date: string): Date {
	return new Date(`${date}T00:00:00Z`);
}

export function xlsxChinaTime(at: Date): Date {
	return new Date(at.getTime() + CHINA_OFFSET_MS);
}

/** An instant as text in China time with its offset, e.g. 2014-04-16T10:23:45+08:00. */
export function chinaTimeText(at: Date): string {
	return `${xlsxChinaTime(at).toISOString().slice(0, 19)}+08:00`;
}

/** A workbook sent as a download: never kept by a cache (exports may hold personal data). */
export function xlsxDownload(body: Buffer, filename: string): Response {
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
}

/**
 * Characters an XLSX cannot hold: the part files are XML 1.0, which has no C0 controls but tab and
 * line breaks, no U+FFFE or U+FFFF and no lone surrogates. exceljs drops the controls and lone
 * surrogates itself but writes U+FFFE and U+FFFF as they are, and then Excel reports the file as
 * damaged and exceljs cannot read it back — a public form accepts them, so one respondent could
 * spoil every export of a campaign.
 */
const NOT_IN_XML =
	// eslint-disable-next-line no-control-regex -- control characters are what it looks for
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text a workbook can hold: what XML cannot carry becomes U+FFFD, so the reader sees where. */
export function xmlSafeText(text: string): string {
	return text.replace(NOT_IN_XML, '\ufffd');
}

/**
 * A workbook's file, every text cell first made XML-safe (xmlSafeText): the one way the exports
 * write a workbook, whatever its cells hold.
 */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
	for (const sheet of workbook.worksheets) {
		sheet.eachRow((row) =>
			row.eachCell((cell) => {
				const value = cell.value;
				if (typeof value === 'string') cell.value = xmlSafeText(value);
				else if (value && typeof value === 'object' && 'richText' in value) {
					cell.value = {
						richText: value.richText.map((part) => ({ ...part, text: xmlSafeText(part.text) }))
					};
				}
			})
		);
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
