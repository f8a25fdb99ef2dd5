/*
 * The department assessment (考核) score, stated once: the page prints these weights in words, the
 * XLSX writes them under the table, and the ranking uses them — so what a leader reads is what
 * ranked the departments.
 *
 *   score = 100 × (0.4 × on-time rate + 0.4 × satisfaction rate + 0.2 × (1 − reopened rate))
 *
 * Each rate rests on its own count: the on-time rate on the closed items with a deadline, the
 * satisfaction rate on the 回访 answers, the reopened rate on the answered items. A department is
 * ranked only when each of the three counts is at least MIN_RANKED; below that one item more or
 * less moves the score by many points, so it is listed as not ranked rather than ranked on noise.
 * Scores are compared as shown (one decimal): equal scores share a rank (1, 2, 2, 4) and are
 * marked tied, so the table never orders two departments the figures do not tell apart.
 */

export const SCORE_WEIGHTS = { onTime: 0.4, satisfaction: 0.4, notReopened: 0.2 } as const;

/** The least count each part of the score must rest on for a department to be ranked. */
export const MIN_RANKED = 5;

export interface ScoreParts {
	/** Closed items with a deadline (the on-time rate's base) and the rate. */
	due: number;
	onTimeRate: number | null;
	/** 回访 answers and the satisfaction rate. */
	satisfactionAnswers: number;
	satisfactionRate: number | null;
	/** Answered items and the share reopened by 不满意. */
	answered: number;
	reopenedRate: number | null;
}

export interface Ranked {
	/** The composite score, one decimal; null when not ranked. */
	score: number | null;
	/** 1-based; shared by tied departments; null when not ranked. */
	rank: number | null;
	tied: boolean;
	/** Why a department is not ranked: a part rests on fewer than MIN_RANKED. */
	notRanked: boolean;
}

/** The score of a department whose every part rests on MIN_RANKED or more, else null. */
export function compositeScore(p: ScoreParts): number | null {
	if (p.due < MIN_RANKED || p.satisfactionAnswers < MIN_RANKED || p.answered < MIN_RANKED) {
		return null;
	}
	if (p.onTimeRate == null || p.satisfactionRate == null || p.reopenedRate == null) return null;
	const raw =
		100 *
		(SCORE_WEIGHTS.onTime * p.onTimeRate +
			SCORE_WEIGHTS.satisfaction * p.satisfactionRate +
			SCORE_WEIGHTS.notReopened * (1 - p.reopenedRate));
	return Math.round(raw * 10) / 10;
}

/**
 * The rows with their score and rank, best first; the not-ranked ones after, in their order.
 * Standard competition ranking on the shown score.
 */
export function rankDepartments<T extends ScoreParts>(rows: readonly T[]): (T & Ranked)[] {
	const scored = rows.map((r) => ({ row: r, score: compositeScore(r) }));
	const ranked = scored
		.filter((x) => x.score != null)
		.sort((a, b) => b.score! - a.score!)
		.map((x, i, all) => {
			const first = all.findIndex((y) => y.score === x.score);
			const ties = all.filter((y) => y.score === x.score).length;
			return { ...x.row, score: x.score, rank: first + 1, tied: ties > 1, notRanked: false };
		});
	const rest = scored
		.filter((x) => x.score == null)
		.map((x) => ({ ...x.row, score: null, rank: null, tied: false, notRanked: true }));
	return [...ranked, ...rest];
}
