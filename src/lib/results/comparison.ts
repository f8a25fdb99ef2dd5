// Compare campaigns (issue 16 point 2): an earlier campaign's figures beside this one's, for every
// question the two share by id and type. The shape the results page and the API
// (`GET /api/v1/campaigns/<slug>/results?compare=<slug>`, its `compare` object) share, and the pure
// pairing of two campaigns' results. Shared by server and browser.
import type { QuestionType } from '../questionnaire/types';
import { share } from './statistics';
import type { CampaignResults, QuestionResult, ResultsFilter } from './types';

/** Which way this campaign's figure moved from the earlier one's, at the precision it is shown. */
export type Direction = 'up' | 'down' | 'same';

export interface OptionComparison {
	id: string;
	label: string;
	/** This campaign's share (null: nobody answered, or the option is only in the earlier one). */
	share: number | null;
	earlierShare: number | null;
	/** (share − earlierShare) × 100: percentage points; null when either side has none. */
	deltaPoints: number | null;
	direction: Direction | null;
}

export interface RatingComparison {
	mean: number | null;
	earlierMean: number | null;
	/** mean − earlierMean, in points of the 1–5 scale. */
	meanDelta: number | null;
	meanDirection: Direction | null;
	top2: number | null;
	earlierTop2: number | null;
	/** (top2 − earlierTop2) × 100: percentage points. */
	top2DeltaPoints: number | null;
	top2Direction: Direction | null;
}

/** One figure beside the earlier campaign's, with the change and its direction. */
export interface FigureComparison {
	now: number | null;
	earlier: number | null;
	/** now − earlier (shares: in percentage points); null when either side has none. */
	delta: number | null;
	direction: Direction | null;
}

/** Recommendation (0–10) questions: the score, and the three groups' shares of those who answered. */
export interface NpsComparison {
	/** The net promoter score (−100…100); the change is in its own points. */
	score: FigureComparison;
	/** Shares (0–1) of those who answered; the changes in percentage points. */
	promoters: FigureComparison;
	passives: FigureComparison;
	detractors: FigureComparison;
}

/** Number questions: mean and median of the values given. */
export interface NumberComparison {
	mean: FigureComparison;
	median: FigureComparison;
}

/** Ranking questions: each option's mean place (1 = first) among those who ranked it. */
export interface RankingComparison {
	options: (FigureComparison & { id: string; label: string })[];
}

/**
 * Why a matched question's figures are not set side by side: dates are not compared; a rating
 * whose scales have different sizes (a mean of 5 points is not one of 7), or a ranking with a
 * different number of places (a mean place among 3 is not one among 5).
 */
export type NotCompared =
	| { reason: 'date' }
	| { reason: 'scales_differ'; points: number; earlierPoints: number }
	| { reason: 'places_differ'; places: number; earlierPlaces: number };

export interface QuestionComparison {
	id: string;
	type: QuestionType;
	/**
	 * 'matched': the earlier campaign asks a question with this id and type; 'not_in_earlier': it
	 * has no question with this id; 'type_differs': it has one of another type (no figures then).
	 */
	status: 'matched' | 'not_in_earlier' | 'type_differs';
	/** The earlier question's type when it differs. */
	earlierType?: QuestionType;
	answered: number;
	earlierAnswered: number | null;
	/**
	 * Matched choice, organisation, rating (same scale), recommendation and ranking (how often
	 * ranked) questions: every option of either campaign. Empty for numbers, dates and texts.
	 */
	options: OptionComparison[];
	/** Matched ratings on scales of the same size: mean and top-2 share beside the earlier ones. */
	rating: RatingComparison | null;
	/** Matched recommendation questions. */
	nps?: NpsComparison;
	/** Matched number questions. */
	numbers?: NumberComparison;
	/** Matched ranking questions with the same number of places. */
	ranking?: RankingComparison;
	/** Matched questions whose figures are not compared, and why. */
	notCompared?: NotCompared;
}

/** Filters of a results query that mean nothing for another campaign: its own days and versions. */
export const NOT_APPLIED_TO_EARLIER = ['from', 'to', 'version'] as const;
export type NotAppliedFilter = (typeof NOT_APPLIED_TO_EARLIER)[number];

export interface CampaignComparison {
	/** The earlier campaign. */
	campaign: { slug: string; title: string };
	/** Whether it is the campaign this one was copied from (the default comparison). */
	copiedFrom: boolean;
	/** The earlier campaign's responses in `filter`. */
	n: number;
	/** The filter applied to the earlier campaign: group, area, unit and channel, as for this one. */
	filter: ResultsFilter;
	/** This query's filters that were not applied to the earlier campaign. */
	notApplied: NotAppliedFilter[];
	/** One per question of this campaign's results, in their order. */
	questions: QuestionComparison[];
	/** Questions only the earlier campaign asks (by id): no comparison. */
	onlyEarlier: { id: string; type: QuestionType; title: string }[];
}

/** The part of a filter that also applies to another campaign of the same organisation. */
export function filterForEarlier(filter: ResultsFilter): {
	filter: ResultsFilter;
	notApplied: NotAppliedFilter[];
} {
	const { from, to, version, ...shared } = filter;
	const given = { from: !!from, to: !!to, version: !!version?.length };
	return { filter: shared, notApplied: NOT_APPLIED_TO_EARLIER.filter((k) => given[k]) };
}

/** The direction of a difference as it reads once rounded to `decimals` places. */
export function directionOf(delta: number | null, decimals: number): Direction | null {
	if (delta === null) {
		return null;
	}
	const rounded = Math.round(delta * 10 ** decimals);
	return rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'same';
}

const difference = (a: number | null, b: number | null, scale = 1) =>
	a === null || b === null ? null : (a - b) * scale;

function compareOptions(now: QuestionResult, earlier: QuestionResult): OptionComparison[] {
	const earlierById = new Map(earlier.options.map((o) => [o.id, o]));
	const nowIds = new Set(now.options.map((o) => o.id));
	const rows = now.options.map((o) => {
		const e = earlierById.get(o.id);
		return { id: o.id, label: o.label, share: o.share, earlierShare: e?.share ?? null };
	});
	for (const o of earlier.options) {
		if (!nowIds.has(o.id)) {
			rows.push({ id: o.id, label: o.label, share: null, earlierShare: o.share });
		}
	}
	return rows.map((row) => {
		// An option one campaign does not offer has no share there, not a share of 0.
		const deltaPoints = difference(row.share, row.earlierShare, 100);
		return { ...row, deltaPoints, direction: directionOf(deltaPoints, 1) };
	});
}

function compareRating(now: QuestionResult, earlier: QuestionResult): RatingComparison {
	const meanDelta = difference(now.mean, earlier.mean);
	const top2DeltaPoints = difference(now.top2, earlier.top2, 100);
	return {
		mean: now.mean,
		earlierMean: earlier.mean,
		meanDelta,
		meanDirection: directionOf(meanDelta, 2),
		top2: now.top2,
		earlierTop2: earlier.top2,
		top2DeltaPoints,
		top2Direction: directionOf(top2DeltaPoints, 1)
	};
}

/** A figure beside the earlier one; `scale` 100 turns shares into percentage points. */
function figure(
	now: number | null | undefined,
	earlier: number | null | undefined,
	decimals: number,
	scale = 1
): FigureComparison {
	const delta = difference(now ?? null, earlier ?? null, scale);
	return {
		now: now ?? null,
		earlier: earlier ?? null,
		delta,
		direction: directionOf(delta, decimals)
	};
}

/** The figures of a matched question beyond its options, by type (one entry per type that has some). */
type Comparer = (
	now: QuestionResult,
	earlier: QuestionResult
) => Partial<
	Pick<QuestionComparison, 'options' | 'rating' | 'nps' | 'numbers' | 'ranking' | 'notCompared'>
>;

const COMPARERS: Partial<Record<QuestionType, Comparer>> = {
	// A rating's options are its points, 1…n: only scales of one size are compared.
	rating: (now, earlier) =>
		now.options.length === earlier.options.length
			? { rating: compareRating(now, earlier) }
			: {
					options: [],
					notCompared: {
						reason: 'scales_differ',
						points: now.options.length,
						earlierPoints: earlier.options.length
					}
				},
	nps: (now, earlier) => {
		const groupShare = (q: QuestionResult, group: 'promoters' | 'passives' | 'detractors') =>
			q.nps ? share(q.nps[group], q.nps.promoters + q.nps.passives + q.nps.detractors) : null;
		const group = (g: 'promoters' | 'passives' | 'detractors') =>
			figure(groupShare(now, g), groupShare(earlier, g), 1, 100);
		return {
			nps: {
				// The score is a whole number already.
				score: figure(now.nps?.score, earlier.nps?.score, 0),
				promoters: group('promoters'),
				passives: group('passives'),
				detractors: group('detractors')
			}
		};
	},
	number: (now, earlier) => ({
		// The options are the values given, which mean nothing as shares from one year to another.
		options: [],
		numbers: {
			mean: figure(now.numbers?.mean, earlier.numbers?.mean, 2),
			median: figure(now.numbers?.median, earlier.numbers?.median, 2)
		}
	}),
	ranking: (now, earlier) => {
		const places = now.ranking?.places ?? 0;
		const earlierPlaces = earlier.ranking?.places ?? 0;
		if (places !== earlierPlaces) {
			return { notCompared: { reason: 'places_differ', places, earlierPlaces } };
		}
		const earlierById = new Map((earlier.ranking?.options ?? []).map((o) => [o.id, o]));
		const nowIds = new Set((now.ranking?.options ?? []).map((o) => o.id));
		const rows = [
			...(now.ranking?.options ?? []).map((o) => ({
				id: o.id,
				label: o.label,
				...figure(o.meanPlace, earlierById.get(o.id)?.meanPlace, 2)
			})),
			...(earlier.ranking?.options ?? [])
				.filter((o) => !nowIds.has(o.id))
				.map((o) => ({ id: o.id, label: o.label, ...figure(null, o.meanPlace, 2) }))
		];
		return { ranking: { options: rows } };
	},
	// Days of one year are not days of another; the months would need a seasonal reading.
	date: () => ({ options: [], notCompared: { reason: 'date' } })
};

/** Pairs this campaign's results with an earlier campaign's, question by question (by id and type). */
export function compareQuestions(
	now: CampaignResults,
	earlier: CampaignResults
): Pick<CampaignComparison, 'questions' | 'onlyEarlier'> {
	const earlierById = new Map(earlier.questions.map((q) => [q.id, q]));
	const questions = now.questions.map((q): QuestionComparison => {
		const e = earlierById.get(q.id);
		const base = { id: q.id, type: q.type, answered: q.answered };
		if (!e) {
			return {
				...base,
				status: 'not_in_earlier',
				earlierAnswered: null,
				options: [],
				rating: null
			};
		}
		if (e.type !== q.type) {
			return {
				...base,
				status: 'type_differs',
				earlierType: e.type,
				earlierAnswered: null,
				options: [],
				rating: null
			};
		}
		return {
			...base,
			status: 'matched',
			earlierAnswered: e.answered,
			options: compareOptions(q, e),
			rating: null,
			...COMPARERS[q.type]?.(q, e)
		};
	});
	const nowIds = new Set(now.questions.map((q) => q.id));
	return {
		questions,
		onlyEarlier: earlier.questions
			.filter((q) => !nowIds.has(q.id))
			.map(({ id, type, title }) => ({ id, type, title }))
	};
}
