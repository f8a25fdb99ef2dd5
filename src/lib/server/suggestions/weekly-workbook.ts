import ExcelJS from 'exceljs';
import { messages, type Locale } from '../../i18n';
import { XLSX_DAY_FORMAT, workbookBytes, xlsxDay } from '../platform/spreadsheet-cells';
import type { onTimeFigures } from './deadline-figures';
import type { SatisfactionFigures } from './satisfaction';
import { WEEK_METRICS, type weeklyReport } from './weekly';

type WeeklyReport = Awaited<ReturnType<typeof weeklyReport>>;
type OnTimeFigures = Awaited<ReturnType<typeof onTimeFigures>>;

/** The figures beside the week's counts, each on its own sheet when given. */
export interface WeeklyExtras {
	satisfaction?: SatisfactionFigures;
	onTime?: OnTimeFigures;
}
type Cell = string | number | Date;

/**
 * The weekly report as one sheet: every table with its title and a header row, counts and days as
 * numbers, deadlines as date cells. Text from the database goes in as string cells, which a
 * spreadsheet never runs as a formula, so it needs no escaping.
 */
export async function weeklyWorkbook(
	r: WeeklyReport,
	campaignTitle: string,
	locale: Locale,
	extras: WeeklyExtras = {}
) {
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
	if (extras.satisfaction) satisfactionSheet(workbook, extras.satisfaction, locale);
	if (extras.onTime) onTimeSheet(workbook, extras.onTime, locale);
	return workbookBytes(workbook);
}

const PERCENT = '0.0%';

/** 回访: the levels, answers, rate, 待回访 and 未回访, in all and by department — as on the page. */
function satisfactionSheet(workbook: ExcelJS.Workbook, f: SatisfactionFigures, locale: Locale) {
	const m = messages(locale);
	const sheet = workbook.addWorksheet(m.followUp.figures.slice(0, 31));
	sheet.columns = [{ width: 28 }, ...Array.from({ length: 7 }, () => ({ width: 12 }))];
	sheet.addRow([m.followUp.byDepartment]).font = { bold: true };
	sheet.addRow([
		m.suggestions.department,
		m.followUp.levels.satisfied,
		m.followUp.levels.basic,
		m.followUp.levels.dissatisfied,
		m.followUp.answered,
		m.followUp.rate,
		m.followUp.pending,
		m.followUp.notFollowedUp
	]).font = { bold: true };
	const rows = [...f.byDepartment, { ...f.total, label: m.reports.totals }];
	for (const d of rows) {
		const row = sheet.addRow([
			d.label ?? m.stats.notGiven,
			d.satisfied,
			d.basic,
			d.dissatisfied,
			d.answered,
			d.rate ?? '—',
			d.pending,
			d.notFollowedUp
		]);
		row.getCell(6).numFmt = PERCENT;
	}
	sheet.addRow([]);
	sheet.addRow([m.followUp.rateNote]);
}

/** 按期办结: due, on time, rate and approved extensions, in all and by department. */
function onTimeSheet(workbook: ExcelJS.Workbook, f: OnTimeFigures, locale: Locale) {
	const m = messages(locale);
	const t = m.leaderFigures;
	const sheet = workbook.addWorksheet(m.reports.onTime.slice(0, 31));
	sheet.columns = [{ width: 28 }, ...Array.from({ length: 4 }, () => ({ width: 14 }))];
	sheet.addRow([`${m.reports.onTime} · ${m.reports.byDepartment}`]).font = { bold: true };
	sheet.addRow([m.suggestions.department, t.due, t.onTimeOf, m.reports.onTime, t.extended]).font = {
		bold: true
	};
	for (const d of [...f.byDepartment, { ...f.total, department: m.reports.totals }]) {
		const row = sheet.addRow([d.department, d.due, d.onTime, d.rate ?? '—', d.extended]);
		row.getCell(4).numFmt = PERCENT;
	}
	sheet.addRow([]);
	sheet.addRow([m.reports.onTimeHint]);
}
