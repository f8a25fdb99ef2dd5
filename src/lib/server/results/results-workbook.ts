import ExcelJS from 'exceljs';
import { messages, type Locale } from '../../i18n';
import { breakdownName, filterInWords, type FilterNames } from '../../results/filter-words';
import { cellLabel, optionLabel, testWords } from '../../results/report-words';
import type { CampaignResults, SatisfactionCell, SatisfactionIndex } from '../../results/types';
import type { WorkbookResults } from './report';
import { workbookBytes } from '../platform/spreadsheet-cells';

const COUNT = '0';
const PERCENT = '0.0%';
const MEAN = '0.00';
const GREY = { argb: 'FF8A8A8A' };

/**
 * The results as a workbook (issue 16 point 3): a sheet of per-question results for the whole
 * filter, then one sheet per breakdown (group, area, unit, channel, and the page's question if it
 * splits by one) holding a cross-table per question — n, counts, row shares, the mean of a rating
 * and the test. Counts, shares and means are number cells (shares as percentages); an empty share
 * or mean is an empty cell, never NaN. Text from the campaign goes in as string cells, which a
 * spreadsheet never runs as a formula. No contact question is ever read (campaignResults leaves
 * them out), so the file holds no personal data.
 */
export async function resultsWorkbook(
	data: WorkbookResults,
	names: FilterNames,
	locale: Locale
): Promise<Buffer> {
	const m = messages(locale);
	const workbook = new ExcelJS.Workbook();
	const taken = new Set<string>();
	overallSheet(workbook.addWorksheet(sheetName(m.resultsReport.sheets.all, taken)), data.overall);

	for (const results of data.breakdowns) {
		if (!results.by) {
			continue;
		}
		const label = results.by.startsWith('question:')
			? m.resultsReport.sheets.question(breakdownName(results.by, names, m))
			: m.resultsReport.sheets[results.by as 'group' | 'area' | 'unit' | 'channel'];
		breakdownSheet(workbook.addWorksheet(sheetName(label, taken)), results);
	}
	const satisfaction = data.overall.satisfaction;
	if (satisfaction?.questions.length) {
		const name = sheetName(m.resultsIndex.sheet, taken);
		addSatisfactionSheet(workbook, data.overall, satisfaction, locale, name);
	}
	return workbookBytes(workbook);

	function heading(sheet: ExcelJS.Worksheet, r: CampaignResults) {
		sheet.addRow([r.campaign.title]).font = { bold: true, size: 13 };
		const words = filterInWords(r.filter, r.by, names, m, locale);
		sheet.addRow([words.length ? words.join('；') : m.resultsReport.noFilter]);
		sheet.addRow([m.results.intro(r.n)]);
		if (r.n === 0) {
			sheet.addRow([m.results.empty]);
		}
	}

	function overallSheet(sheet: ExcelJS.Worksheet, r: CampaignResults) {
		const widths = new ColumnWidths();
		heading(sheet, r);
		r.questions.forEach((q, i) => {
			sheet.addRow([]);
			sheet.addRow([`${i + 1}. ${q.title}`]).font = { bold: true };
			sheet.addRow([
				(q.conditional ? m.results.answeredShown : m.results.answered)(q.answered, q.asked)
			]);
			if (q.matrix) {
				matrixRows(sheet, q.matrix, widths);
				return;
			}
			if (q.options.length === 0) {
				sheet.addRow([m.results.textAnswers(q.answered)]);
				return;
			}
			const header = [m.results.option, m.results.count, m.results.share];
			sheet.addRow(header).font = { bold: true };
			widths.measure(header);
			for (const o of q.options) {
				const values = [optionLabel(m, locale, names.groups, q, o), o.count, o.share];
				const row = sheet.addRow(values);
				row.getCell(2).numFmt = COUNT;
				row.getCell(3).numFmt = PERCENT;
				widths.measure(values);
			}
			if (q.type === 'multiple') {
				sheet.addRow([m.results.multipleNote]);
			}
			if (q.type === 'rating') {
				sheet.addRow([m.results.mean, q.mean]).getCell(2).numFmt = MEAN;
				const top = q.options.length === 5 ? m.results.top2 : m.results.topTwo;
				sheet.addRow([top, q.top2]).getCell(2).numFmt = PERCENT;
			}
			typeFigures(sheet, q);
		});
		widths.apply(sheet);
	}

	/** A matrix: a row per statement with its counts and shares of each point, and its mean. */
	function matrixRows(
		sheet: ExcelJS.Worksheet,
		statements: NonNullable<CampaignResults['questions'][number]['matrix']>,
		widths: ColumnWidths
	) {
		const points = statements[0]?.options.map((o) => o.label) ?? [];
		const header = [
			m.matrix.statement,
			m.matrix.answered,
			...points.map((p) => m.matrix.pointN(Number(p))),
			...points.map((p) => m.resultsReport.shareOf(m.matrix.pointN(Number(p)))),
			m.matrix.mean
		];
		sheet.addRow(header).font = { bold: true };
		widths.measure(header);
		const k = points.length;
		for (const s of statements) {
			const values = [
				s.label,
				s.answered,
				...s.options.map((o) => o.count),
				...s.options.map((o) => o.share),
				s.mean
			];
			const row = sheet.addRow(values);
			for (let c = 2; c <= 2 + k; c++) row.getCell(c).numFmt = COUNT;
			for (let c = 3 + k; c <= 2 + 2 * k; c++) row.getCell(c).numFmt = PERCENT;
			row.getCell(3 + 2 * k).numFmt = MEAN;
			widths.measure(values);
		}
	}

	/** A recommendation's score and groups, a number's summary, a date's months, "other" texts. */
	function typeFigures(sheet: ExcelJS.Worksheet, q: CampaignResults['questions'][number]) {
		const share = (count: number) => (q.answered > 0 ? count / q.answered : null);
		if (q.nps) {
			sheet.addRow([m.results.nps, q.nps.score]);
			for (const [label, count] of [
				[m.results.promoters, q.nps.promoters],
				[m.results.passives, q.nps.passives],
				[m.results.detractors, q.nps.detractors]
			] as const) {
				const row = sheet.addRow([label, count, share(count)]);
				row.getCell(2).numFmt = COUNT;
				row.getCell(3).numFmt = PERCENT;
			}
			sheet.addRow([m.results.mean, q.mean]).getCell(2).numFmt = MEAN;
		}
		if (q.numbers) {
			sheet.addRow([m.results.mean, q.numbers.mean]).getCell(2).numFmt = MEAN;
			sheet.addRow([m.results.median, q.numbers.median]);
			sheet.addRow([m.results.lowest, q.numbers.min]);
			sheet.addRow([m.results.highest, q.numbers.max]);
		}
		if (q.months?.length) {
			sheet.addRow([m.results.byMonth]).font = { bold: true };
			for (const month of q.months) {
				const row = sheet.addRow([month.label, month.count, month.share]);
				row.getCell(2).numFmt = COUNT;
				row.getCell(3).numFmt = PERCENT;
			}
		}
		if (q.ranking) {
			const header = [
				m.results.option,
				m.ranking.meanPlace,
				m.ranking.first,
				m.results.share,
				m.ranking.ranked
			];
			sheet.addRow(header).font = { bold: true };
			for (const o of q.ranking.options) {
				const row = sheet.addRow([o.label, o.meanPlace, o.first, o.firstShare, o.ranked]);
				row.getCell(2).numFmt = MEAN;
				row.getCell(3).numFmt = COUNT;
				row.getCell(4).numFmt = PERCENT;
				row.getCell(5).numFmt = COUNT;
			}
			sheet.addRow([m.ranking.note]);
		}
		if (q.otherTexts?.length) {
			sheet.addRow([m.results.otherTexts(q.otherTexts.length)]).font = { bold: true };
			for (const text of q.otherTexts) {
				sheet.addRow([text]);
			}
			sheet.addRow([m.results.otherTextsNote]);
		}
	}

	function breakdownSheet(sheet: ExcelJS.Worksheet, r: CampaignResults) {
		const widths = new ColumnWidths();
		heading(sheet, r);
		r.questions.forEach((q, i) => {
			if (!q.byBreakdown || q.options.length === 0) {
				return;
			}
			const rating = ['rating', 'nps', 'number'].includes(q.type);
			sheet.addRow([]);
			sheet.addRow([`${i + 1}. ${q.title}`]).font = { bold: true };
			const labels = q.options.map((o) => optionLabel(m, locale, names.groups, q, o));
			const header = [
				m.results.cell,
				m.results.n,
				...labels,
				...labels.map((l) => m.resultsReport.shareOf(l)),
				...(rating ? [m.results.mean] : [])
			];
			sheet.addRow(header).font = { bold: true };
			widths.measure(header);
			const k = q.options.length;
			for (const cell of q.byBreakdown) {
				const values = [
					cellLabel(m, locale, r.by, cell),
					cell.n,
					...cell.options.map((o) => o.count),
					...cell.options.map((o) => o.share),
					...(rating ? [cell.mean] : [])
				];
				const row = sheet.addRow(values);
				for (let c = 2; c <= 2 + k; c++) {
					row.getCell(c).numFmt = COUNT;
				}
				for (let c = 3 + k; c <= 2 + 2 * k; c++) {
					row.getCell(c).numFmt = PERCENT;
				}
				if (rating) {
					row.getCell(3 + 2 * k).numFmt = MEAN;
				}
				if (cell.small) {
					row.font = { color: GREY };
				}
				widths.measure(values);
			}
			if (q.byBreakdown.some((c) => c.small)) {
				sheet.addRow([m.results.small(r.minN)]);
			}
			if (q.type === 'multiple') {
				sheet.addRow([m.results.multipleNote]);
			}
			sheet.addRow([testWords(m, q)]);
		});
		widths.apply(sheet);
	}
}

/** A sheet name Excel accepts: none of : \ / ? * [ ], at most 31 characters, not used yet. */
function sheetName(wanted: string, taken: Set<string>): string {
	const base =
		wanted
			.replace(/[:\\/?*[\]]/g, ' ')
			.trim()
			.slice(0, 31) || 'Sheet';
	let name = base;
	for (let i = 2; taken.has(name.toLowerCase()); i++) {
		name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
	}
	taken.add(name.toLowerCase());
	return name;
}

/**
 * Column widths from the tables' cells (not the long question titles above them, which may run
 * over the empty cells to their right): Chinese characters count as two.
 */
class ColumnWidths {
	private widths: number[] = [];

	measure(values: unknown[]) {
		values.forEach((v, i) => {
			const text = typeof v === 'number' ? v.toFixed(2) : String(v ?? '');
			const width = [...text].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
			this.widths[i] = Math.max(this.widths[i] ?? 0, width);
		});
	}

	apply(sheet: ExcelJS.Worksheet) {
		this.widths.forEach((w, i) => {
			sheet.getColumn(i + 1).width = Math.min(i === 0 ? 40 : 24, Math.max(i === 0 ? 16 : 9, w + 2));
		});
	}
}

const INDEX = '0.0';

/**
 * The satisfaction index as one sheet: the counted questions, the overall index, then the ranked
 * tables per area and per unit (rank, name, n, index, and "too small" for the greyed cells).
 */
function addSatisfactionSheet(
	workbook: ExcelJS.Workbook,
	r: CampaignResults,
	s: SatisfactionIndex,
	locale: Locale,
	name: string
) {
	const m = messages(locale);
	const t = m.resultsIndex;
	const sheet = workbook.addWorksheet(name);
	sheet.columns = [{ width: 8 }, { width: 24 }, { width: 12 }, { width: 12 }, { width: 14 }];
	sheet.addRow([t.title]).font = { bold: true };
	sheet.addRow([t.explain]);
	const titles = s.questions.map((id) => r.questions.find((q) => q.id === id)?.title ?? id);
	sheet.addRow([t.counted + titles.join('；')]);
	const overall = sheet.addRow([null, t.whole, s.overall.n, s.overall.index]);
	overall.getCell(4).numFmt = INDEX;
	if (s.overall.n === 0) {
		sheet.addRow([t.empty]);
	}
	const table = (title: string, cells: SatisfactionCell[]) => {
		sheet.addRow([]);
		sheet.addRow([title]).font = { bold: true };
		sheet.addRow([t.rank, t.name, t.n, t.index]).font = { bold: true };
		for (const cell of cells) {
			const label = cell.key === null ? m.results.notGiven : cell.label;
			const row = sheet.addRow([
				cell.rank,
				label,
				cell.n,
				cell.index,
				cell.small ? t.tooSmall : null
			]);
			row.getCell(4).numFmt = INDEX;
		}
		if (cells.some((c) => c.small)) {
			sheet.addRow([t.small(r.minN)]);
		}
	};
	table(t.byArea, s.byArea);
	table(t.byUnit, s.byUnit);
}
