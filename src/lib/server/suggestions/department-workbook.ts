import ExcelJS from 'exceljs';
import { MIN_RANKED, SCORE_WEIGHTS } from '../../department-ranking';
import { messages, type Locale } from '../../i18n';
import { workbookBytes } from '../platform/spreadsheet-cells';
import type { RankedDepartment } from './department-figures';

const PERCENT = '0.0%';

/**
 * The department figures as two sheets, the same rows as the page: the figures, and the
 * assessment ranking with the formula under it. Rates are number cells shown as percentages (so a
 * spreadsheet can go on computing with them); a rate with no base is "—".
 */
export async function departmentWorkbook(
	rows: RankedDepartment[],
	scopeTitle: string,
	locale: Locale
): Promise<Buffer> {
	const m = messages(locale);
	const t = m.leaderFigures;
	const workbook = new ExcelJS.Workbook();
	const rate = (v: number | null) => v ?? '—';
	const percentCells = (row: ExcelJS.Row, columns: number[]) => {
		for (const c of columns) row.getCell(c).numFmt = PERCENT;
	};

	const figures = workbook.addWorksheet(t.figures.slice(0, 31));
	figures.columns = [{ width: 24 }, ...Array.from({ length: 11 }, () => ({ width: 14 }))];
	figures.addRow([`${scopeTitle} · ${t.figures}`]).font = { bold: true };
	figures.addRow([
		m.suggestions.department,
		t.assigned,
		t.answered,
		t.overdueOpen,
		t.onTimeRate,
		t.onTimeOf,
		t.due,
		t.extended,
		t.medianReplyDays,
		t.reopenedRate,
		t.satisfactionRate,
		t.satisfactionAnswers
	]).font = { bold: true };
	for (const r of rows) {
		const row = figures.addRow([
			r.department,
			r.assigned,
			r.answered,
			r.overdueOpen,
			rate(r.onTimeRate),
			r.onTime,
			r.due,
			r.extended,
			r.medianReplyDays ?? '—',
			rate(r.reopenedRate),
			rate(r.satisfactionRate),
			r.satisfactionAnswers
		]);
		percentCells(row, [5, 10, 11]);
	}
	figures.addRow([]);
	figures.addRow([t.definitions]);

	const ranking = workbook.addWorksheet(t.ranking.slice(0, 31));
	ranking.columns = [
		{ width: 8 },
		{ width: 24 },
		{ width: 12 },
		{ width: 14 },
		{ width: 14 },
		{ width: 14 },
		{ width: 22 }
	];
	ranking.addRow([`${scopeTitle} · ${t.ranking}`]).font = { bold: true };
	ranking.addRow([
		t.rank,
		m.suggestions.department,
		t.score,
		t.onTimeRate,
		t.satisfactionRate,
		t.reopenedRate,
		t.remark
	]).font = { bold: true };
	for (const r of rows) {
		const row = ranking.addRow([
			r.rank ?? '—',
			r.department,
			r.score ?? '—',
			rate(r.onTimeRate),
			rate(r.satisfactionRate),
			rate(r.reopenedRate),
			r.notRanked ? t.notRanked : r.tied ? t.tied : null
		]);
		percentCells(row, [4, 5, 6]);
	}
	ranking.addRow([]);
	ranking.addRow([t.formula(SCORE_WEIGHTS, MIN_RANKED)]);
	return workbookBytes(workbook);
}
