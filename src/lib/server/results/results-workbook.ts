import ExcelJS from 'exceljs';
import { messages, type Locale } from '../../i18n';
import type { CampaignResults, OptionResult, QuestionResult } from '../../results/types';

const PERCENT = '0.0%';
const MEAN = '0.00';

/**
 * The results page as a workbook (issue 16 point 3): a sheet of per-question results and, with a
 * comparison, a sheet of its cross-tables — counts as numbers, shares as percentages, means to two
 * places; an empty share or mean is an empty cell, never NaN. Text from the campaign goes in as
 * string cells, which a spreadsheet never runs as a formula.
 */
export async function resultsWorkbook(r: CampaignResults, locale: Locale): Promise<Buffer> {
	const m = messages(locale);
	const optionLabel = (q: QuestionResult, o: OptionResult) =>
		q.type === 'rating' ? m.results.rating(o.id) : o.label;
	const workbook = new ExcelJS.Workbook();

	const sheet = workbook.addWorksheet(m.results.title.slice(0, 31));
	sheet.columns = [{ width: 44 }, { width: 12 }, { width: 12 }];
	sheet.addRow([r.campaign.title]).font = { bold: true };
	sheet.addRow([m.results.intro(r.n)]);
	r.questions.forEach((q, i) => {
		sheet.addRow([]);
		sheet.addRow([`${i + 1}. ${q.title}`]).font = { bold: true };
		sheet.addRow([m.results.answered(q.answered, q.asked)]);
		if (q.options.length === 0) {
			sheet.addRow([m.results.textAnswers(q.answered)]);
			return;
		}
		sheet.addRow([m.results.option, m.results.count, m.results.share]).font = { bold: true };
		for (const o of q.options) {
			const row = sheet.addRow([optionLabel(q, o), o.count, o.share ?? null]);
			row.getCell(3).numFmt = PERCENT;
		}
		if (q.type === 'rating') {
			sheet.addRow([m.results.mean, q.mean ?? null]).getCell(2).numFmt = MEAN;
			sheet.addRow([m.results.top2, q.top2 ?? null]).getCell(2).numFmt = PERCENT;
		}
	});

	if (r.by) {
		const cross = workbook.addWorksheet(m.results.by.slice(0, 31));
		cross.columns = [{ width: 24 }, { width: 10 }];
		r.questions.forEach((q, i) => {
			if (!q.byBreakdown || q.options.length === 0) return;
			cross.addRow([]);
			cross.addRow([`${i + 1}. ${q.title}`]).font = { bold: true };
			const header = [m.results.cell, m.results.n, ...q.options.map((o) => optionLabel(q, o))];
			if (q.type === 'rating') header.push(m.results.mean);
			cross.addRow(header).font = { bold: true };
			for (const cell of q.byBreakdown) {
				const label =
					cell.key == null ? m.results.notGiven : (locale === 'en' && cell.labelEn) || cell.label;
				const row = cross.addRow([
					label,
					cell.n,
					...cell.options.map((o) => o.count),
					...(q.type === 'rating' ? [cell.mean ?? null] : [])
				]);
				if (q.type === 'rating') row.getCell(header.length).numFmt = MEAN;
			}
			if (q.test) {
				cross.addRow([
					m.results.testLine(m.results.test[q.test.kind], q.test.statistic, q.test.df, q.test.p)
				]);
			}
		});
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
