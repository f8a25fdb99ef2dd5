// Cells of the exports as people read them: times in China time, whatever the server's zone.

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
