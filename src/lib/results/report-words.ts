// Words and colours the results page, its printed report and its workbook share (issue 16).
import type { Channel } from '../domain';
import { localName, type Locale, type Messages } from '../i18n';
import type { BreakdownCell, BreakdownKey, OptionResult, QuestionResult } from './types';

/** The test of a question's cross-table in plain words ("差异明显…"), or why there is none. */
export function testWords(m: Messages, q: QuestionResult): string {
	if (q.type === 'multiple') {
		return m.resultsReport.noTest;
	}
	if (!q.test) {
		return m.resultsReport.untestable;
	}
	const line = m.results.testLine(
		m.results.test[q.test.kind],
		q.test.statistic,
		q.test.df,
		q.test.p
	);
	return m.resultsReport.testWords(
		line,
		q.test.p < 0.05 ? m.results.different : m.results.notDifferent
	);
}

/**
 * Colours of the ratings 1 to 5, from red (very dissatisfied) through grey to blue (very
 * satisfied): ColorBrewer's RdBu, which stays apart for red-green colour blindness, with a grey
 * middle that still shows on white paper.
 */
export const RATING_COLOURS = ['#ca0020', '#f4a582', '#bdbdbd', '#92c5de', '#0571b0'];

/** Colours of a scale of n points, from the same five: the nearest one to each point's place. */
export const scaleColours = (n: number) =>
	Array.from({ length: n }, (_, j) => RATING_COLOURS[Math.round((j * 4) / Math.max(1, n - 1))]);

/** Types whose options are numbers or days, not the campaign's words. */
export const SCALE_TYPES = new Set(['rating', 'nps', 'number', 'date']);

/** A share as the tables write it: one decimal, a dash when there is none (nobody answered). */
export const percentText = (share: number | null) =>
	share == null ? '—' : `${(share * 100).toFixed(1)}%`;

/** A question's option as the reader reads it: ratings as points, group names in their language. */
export function optionLabel(
	m: Messages,
	locale: Locale,
	groups: { nameZh: string; nameEn: string | null }[],
	q: QuestionResult,
	o: OptionResult
): string {
	if (q.type === 'rating' || q.type === 'nps') {
		return m.results.rating(o.id);
	}
	if (q.type === 'group') {
		const group = groups.find((g) => g.nameZh === o.label);
		if (group) {
			return localName(locale, group);
		}
	}
	return o.label;
}

/** A breakdown cell's name: groups and channels in the reader's language, "not given" for none. */
export function cellLabel(
	m: Messages,
	locale: Locale,
	by: BreakdownKey | null,
	cell: BreakdownCell
): string {
	if (cell.key == null) {
		return m.results.notGiven;
	}
	if (by === 'group' && locale === 'en' && cell.labelEn) {
		return cell.labelEn;
	}
	if (by === 'channel') {
		return m.channels[cell.key as Channel] ?? cell.label;
	}
	return cell.label;
}
