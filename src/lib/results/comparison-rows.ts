// A question's comparison with an earlier campaign as table rows (figure, this campaign, earlier,
// change), as the results page shows it; one branch per kind of figure the comparison holds.
import type { Messages } from '../i18n';
import type { Direction, FigureComparison, QuestionComparison } from './comparison';
import { percentText } from './report-words';

export interface ComparisonRow {
	key: string;
	label: string;
	/** An option's label is the campaign's own words: marked with their language. */
	ownWords: boolean;
	now: string;
	earlier: string;
	delta: number | null;
	direction: Direction | null;
	/** The change without its sign (the arrow gives the direction), with its unit. */
	change: string;
}

export interface ComparisonTable {
	caption: string;
	/** The heading over the first column (options), or none. */
	rowHeading: string;
	rows: ComparisonRow[];
	note?: string;
}

const decimal = (v: number | null) => (v == null ? '—' : v.toFixed(2));
/** Numbers as people wrote them: up to two decimals, no trailing zeros. */
const plain = (v: number | null) => (v == null ? '—' : String(Math.round(v * 100) / 100));
const signed = (v: number | null) => (v == null ? '—' : `${v > 0 ? '+' : ''}${v}`);

function row(
	key: string,
	label: string,
	f: FigureComparison,
	show: (v: number | null) => string,
	change: (d: number) => string,
	ownWords = false
): ComparisonRow {
	return {
		key,
		label,
		ownWords,
		now: show(f.now),
		earlier: show(f.earlier),
		delta: f.delta,
		direction: f.direction,
		change: f.delta === null ? '' : change(Math.abs(f.delta))
	};
}

/**
 * The table of a matched question's comparison, or null when there are no figures to set side by
 * side (texts, dates, scales or places that differ: the caller says why).
 */
export function comparisonTable(
	m: Messages,
	c: QuestionComparison,
	optionLabel: (option: { id: string; label: string }) => string
): ComparisonTable | null {
	const pointsText = (d: number) => `${d.toFixed(1)} ${m.compare.points}`;
	if (c.status !== 'matched' || c.notCompared) return null;
	if (c.rating) {
		return {
			caption: m.compare.heading,
			rowHeading: '',
			rows: [
				row(
					'mean',
					m.results.mean,
					{
						now: c.rating.mean,
						earlier: c.rating.earlierMean,
						delta: c.rating.meanDelta,
						direction: c.rating.meanDirection
					},
					decimal,
					(d) => d.toFixed(2)
				),
				row(
					'top2',
					c.options.length === 5 ? m.results.top2 : m.results.topTwo,
					{
						now: c.rating.top2,
						earlier: c.rating.earlierTop2,
						delta: c.rating.top2DeltaPoints,
						direction: c.rating.top2Direction
					},
					percentText,
					pointsText
				)
			]
		};
	}
	if (c.nps) {
		const { score, promoters, passives, detractors } = c.nps;
		return {
			caption: m.compare.heading,
			rowHeading: '',
			rows: [
				row('score', m.results.nps, score, signed, (d) => `${d} ${m.compare.scorePoints}`),
				row('promoters', m.results.promoters, promoters, percentText, pointsText),
				row('passives', m.results.passives, passives, percentText, pointsText),
				row('detractors', m.results.detractors, detractors, percentText, pointsText)
			]
		};
	}
	if (c.numbers) {
		return {
			caption: m.compare.heading,
			rowHeading: '',
			rows: [
				row('mean', m.results.mean, c.numbers.mean, decimal, (d) => plain(d)),
				row('median', m.results.median, c.numbers.median, plain, (d) => plain(d))
			]
		};
	}
	if (c.ranking) {
		return {
			caption: `${m.compare.heading} · ${m.ranking.meanPlace}`,
			rowHeading: m.compare.option,
			// A dash, not "not offered": nobody ranking an option also leaves no mean place.
			rows: c.ranking.options.map((o) =>
				row(o.id, optionLabel(o), o, decimal, (d) => d.toFixed(2), true)
			),
			note: m.compare.meanPlaceNote
		};
	}
	if (!c.options.length) return null;
	return {
		caption: m.compare.heading,
		rowHeading: m.compare.option,
		rows: c.options.map((o) => ({
			...row(
				o.id,
				optionLabel(o),
				{ now: o.share, earlier: o.earlierShare, delta: o.deltaPoints, direction: o.direction },
				percentText,
				pointsText,
				true
			),
			...notOffered(m, o.share, o.earlierShare, percentText)
		}))
	};
}

/** An option one campaign does not offer reads "not offered" there, not a dash. */
function notOffered(
	m: Messages,
	now: number | null,
	earlier: number | null,
	show: (v: number | null) => string
) {
	return {
		now: now === null && earlier !== null ? m.compare.notOffered : show(now),
		earlier: earlier === null && now !== null ? m.compare.notOffered : show(earlier)
	};
}
