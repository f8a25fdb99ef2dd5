import ExcelJS from 'exceljs';
import { messages, type Locale } from '../../i18n';
import { XLSX_DAY_FORMAT, workbookBytes, xlsxDay } from '../platform/spreadsheet-cells';
import { WEEK_METRICS, type weeklyReport } from './weekly';

type WeeklyReport = Awaited<ReturnType<typeof weeklyReport>>;
type Cell = string | number | Date;

/**
 * The weekly report as one sheet: every table with its title and a header row, counts and days as
 * numbers, deadlines as date cells. Text from the database goes in as string cells, which a
 * spreadsheet never runs as a formula, so it needs no escaping.
 */
export async function weeklyWorkbook(r: WeeklyReport, campaignTitle: string, locale: Locale) {
	const m = messages(locale);
	const en = locale === 'en';
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(m.reports.weekly.slice(0, 31));
	sheet.columns = [
		{ width: 40 },
		{ width: 18 },
		{ width: 14 },
		...WEEK_METRICS.map(() => ({ width: 14 }))
	];
	sheet.addRow([`${campaignTitle} · ${m.reports.period(r.monday, r.sunday)}`]).font = {
		bold: true
	};
	sheet.addRow([m.reports.asOf(r.asOf)]);
	const table = (
		title: string,
		header: string[],
		rows: Cell[][],
		format?: (row: ExcelJS.Row) => void
	) => {
		sheet.addRow([]);
		sheet.addRow([title]).font = { bold: true };
		sheet.addRow(header).font = { bold: true };
		if (rows.length === 0) sheet.addRow([m.reports.none]);
		for (const cells of rows) {
			const row = sheet.addRow(cells);
			format?.(row);
		}
	};
	const counts = (
		title: string,
		first: string,
		rows: ({ label: string | null; labelEn?: string | null } & Record<string, unknown>)[]
	) =>
		table(
			title,
			[first, ...WEEK_METRICS.map((k) => m.reports.metrics[k])],
			rows.map((row) => [
				(en && row.labelEn) || row.label || m.stats.notGiven,
				...WEEK_METRICS.map((k) => Number(row[k]))
			])
		);
	counts(m.reports.totals, '', [{ label: m.reports.totals, ...r.totals }]);
	counts(m.reports.byDepartment, m.suggestions.department, r.byDepartment);
	counts(m.reports.byCategory, m.suggestions.category, r.byCategory);
	table(
		m.reports.overdueList,
		[m.reports.item, m.suggestions.department, m.suggestions.deadline, m.reports.daysOverdue],
		r.overdueItems.map((i) => [i.title, i.department ?? '', xlsxDay(i.deadline), i.days]),
		(row) => {
			row.getCell(3).numFmt = XLSX_DAY_FORMAT;
		}
	);
	table(
		m.reports.planExpiredList,
		[
			m.reports.item,
			m.suggestions.department,
			m.suggestions.targetDate,
			m.reports.daysPastTargetHeader
		],
		r.planExpiredItems.map((i) => [i.title, i.department ?? '', xlsxDay(i.targetDate), i.days]),
		(row) => {
			row.getCell(3).numFmt = XLSX_DAY_FORMAT;
		}
	);
	table(
		m.reports.closedList,
		[m.reports.item, m.suggestions.department, m.suggestions.status],
		r.closedItems.map((i) => [i.title, i.department ?? '', m.statuses[i.status as 'resolved']])
	);
	return workbookBytes(workbook);
}
