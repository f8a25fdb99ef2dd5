// Compare campaigns (issue 16 point 2): an earlier campaign's figures beside this one's, for every
// question the two share by id and type. The shape the results page and the API
// (`GET /api/v1/campaigns/<slug>/results?compare=<slug>`, its `compare` object) share, and the pure
// pairing of two campaigns' results. Shared by server and browser.
import type { QuestionType } from '../questionnaire/types';
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
	/** Matched choice, rating and organisation questions: every option of either campaign. */
	options: OptionComparison[];
	/** Matched ratings: mean and top-2 share beside the earlier ones. */
	rating: RatingComparison | null;
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
			rating: q.type === 'rating' ? compareRating(q, e) : null
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
