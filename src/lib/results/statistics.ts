// The statistics of the results page (issue 16), computed in the app on the counts the database
// returns: shares and means that are null rather than NaN, the chi-square test of independence, the
// Kruskal–Wallis test on ordered levels (ratings 1–5) with its correction for ties, and the
// chi-square distribution's survival function they both need. Pure: no database, no I/O.
import type { NpsResult, NumberSummary, TestResult } from './types';

/** count ÷ total, or null when there is nothing to divide by. */
export function share(count: number, total: number): number | null {
	return total > 0 ? count / total : null;
}

/** The mean of ordered levels given their counts (`values[j]` seen `counts[j]` times); null when empty. */
export function meanOfCounts(values: number[], counts: number[]): number | null {
	let n = 0;
	let sum = 0;
	for (let j = 0; j < counts.length; j++) {
		n += counts[j];
		sum += values[j] * counts[j];
	}
	return n > 0 ? sum / n : null;
}

/**
 * Mean, median (the middle value, or the mean of the two middle ones), lowest and highest of
 * values seen `counts[j]` times each; `values` in ascending order. null when there are none.
 */
export function summariseCounts(values: number[], counts: number[]): NumberSummary | null {
	const seen = values.map((v, j) => [v, counts[j]] as const).filter(([, c]) => c > 0);
	const n = seen.reduce((sum, [, c]) => sum + c, 0);
	if (n === 0) return null;
	const at = (rank: number) => {
		let passed = 0;
		for (const [v, c] of seen) {
			passed += c;
			if (rank < passed) return v;
		}
		return seen[seen.length - 1][0];
	};
	const median = n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
	return {
		mean: meanOfCounts(
			seen.map(([v]) => v),
			seen.map(([, c]) => c)
		)!,
		median,
		min: seen[0][0],
		max: seen[seen.length - 1][0]
	};
}

/**
 * The net promoter score of counts of 0…10 (`counts[j]` gave j): promoters gave 9–10, passives
 * 7–8, detractors 0–6; the score is the promoters' share minus the detractors', × 100, rounded.
 */
export function npsOfCounts(counts: number[]): NpsResult {
	const sum = (from: number, to: number) =>
		counts.slice(from, to + 1).reduce((total, c) => total + c, 0);
	const promoters = sum(9, 10);
	const passives = sum(7, 8);
	const detractors = sum(0, 6);
	const n = promoters + passives + detractors;
	return {
		promoters,
		passives,
		detractors,
		score: n > 0 ? Math.round(((promoters - detractors) / n) * 100) : null
	};
}

// Lanczos approximation (g = 7, n = 9), good to about 15 significant digits for x > 0.
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
	-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
	1.5056327351493116e-7
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
	if (x < 0.5) {
		// Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
		return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	}
	const z = x - 1;
	let sum = LANCZOS[0];
	for (let i = 1; i < LANCZOS.length; i++) {
		sum += LANCZOS[i] / (z + i);
	}
	const t = z + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPSILON = 1e-15;
const MAX_STEPS = 1000;

/**
 * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a), for a > 0, x ≥ 0:
 * by its power series below x = a + 1 (where the series converges fast; Q = 1 − P) and by its
 * continued fraction (modified Lentz) above, as in Numerical Recipes §6.2.
 */
export function regularizedGammaQ(a: number, x: number): number {
	if (!(a > 0) || !(x >= 0)) {
		throw new RangeError('regularizedGammaQ needs a > 0 and x ≥ 0');
	}
	if (x === 0) {
		return 1;
	}
	const logPrefix = a * Math.log(x) - x - logGamma(a);
	if (x < a + 1) {
		let term = 1 / a;
		let sum = term;
		for (let k = 1; k < MAX_STEPS; k++) {
			term *= x / (a + k);
			sum += term;
			if (Math.abs(term) < Math.abs(sum) * EPSILON) {
				break;
			}
		}
		return clamp01(1 - sum * Math.exp(logPrefix));
	}
	const tiny = 1e-300;
	let b = x + 1 - a;
	let c = 1 / tiny;
	let d = 1 / b;
	let h = d;
	for (let k = 1; k < MAX_STEPS; k++) {
		const an = -k * (k - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < tiny) {
			d = tiny;
		}
		c = b + an / c;
		if (Math.abs(c) < tiny) {
			c = tiny;
		}
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < EPSILON) {
			break;
		}
	}
	return clamp01(Math.exp(logPrefix) * h);
}

const clamp01 = (p: number) => Math.min(1, Math.max(0, p));

/** P(X ≥ x) for X chi-square distributed with df degrees of freedom. */
export function chiSquareSurvival(x: number, df: number): number {
	return regularizedGammaQ(df / 2, Math.max(0, x) / 2);
}

/** Drops the rows and columns of a table whose totals are 0: they carry no information. */
function withData(table: number[][]): number[][] {
	const columns = table[0]?.map((_, j) => table.some((row) => row[j] > 0)) ?? [];
	return table
		.filter((row) => row.some((v) => v > 0))
		.map((row) => row.filter((_, j) => columns[j]));
}

/**
 * Pearson's chi-square test of independence (no continuity correction) on a table of counts,
 * rows × columns. Rows and columns without data are left out first; null when fewer than two of
 * either remain, as there is then nothing to compare.
 */
export function chiSquareTest(table: number[][]): TestResult | null {
	const t = withData(table);
	if (t.length < 2 || t[0].length < 2) {
		return null;
	}
	const rowTotals = t.map((row) => row.reduce((s, v) => s + v, 0));
	const columnTotals = t[0].map((_, j) => t.reduce((s, row) => s + row[j], 0));
	const total = rowTotals.reduce((s, v) => s + v, 0);
	let statistic = 0;
	for (let i = 0; i < t.length; i++) {
		for (let j = 0; j < t[0].length; j++) {
			const expected = (rowTotals[i] * columnTotals[j]) / total;
			statistic += (t[i][j] - expected) ** 2 / expected;
		}
	}
	const df = (t.length - 1) * (t[0].length - 1);
	return { kind: 'chi_square', statistic, df, p: chiSquareSurvival(statistic, df) };
}

/**
 * The Kruskal–Wallis H test with the correction for ties, on observations of ordered levels:
 * `counts[g][j]` is how many observations of group g have the j-th level (ratings: 1…5). Each
 * level's observations share the mean of the ranks they occupy. Groups without observations are
 * left out; null when fewer than two groups remain, or when every observation has the same level
 * (all ranks tied: H is undefined).
 */
export function kruskalWallisTest(counts: number[][]): TestResult | null {
	const groups = counts.filter((row) => row.some((v) => v > 0));
	if (groups.length < 2) {
		return null;
	}
	const levels = groups[0].length;
	const levelTotals = Array.from({ length: levels }, (_, j) =>
		groups.reduce((s, row) => s + row[j], 0)
	);
	const n = levelTotals.reduce((s, v) => s + v, 0);
	const ties = levelTotals.reduce((s, t) => s + (t ** 3 - t), 0);
	const correction = 1 - ties / (n ** 3 - n);
	if (!(correction > 0)) {
		return null;
	}
	// The mean rank of each level: the ranks below it, plus the middle of its own run.
	const meanRank: number[] = [];
	let below = 0;
	for (const t of levelTotals) {
		meanRank.push(below + (t + 1) / 2);
		below += t;
	}
	let sum = 0;
	for (const row of groups) {
		const size = row.reduce((s, v) => s + v, 0);
		const rankSum = row.reduce((s, v, j) => s + v * meanRank[j], 0);
		sum += rankSum ** 2 / size;
	}
	const h = ((12 / (n * (n + 1))) * sum - 3 * (n + 1)) / correction;
	// Rounding can leave a tiny negative H when the groups are identical.
	const statistic = Math.max(0, h);
	const df = groups.length - 1;
	return { kind: 'kruskal_wallis', statistic, df, p: chiSquareSurvival(statistic, df) };
}
