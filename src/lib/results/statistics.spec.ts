import { describe, expect, it } from 'vitest';
import {
	chiSquareSurvival,
	chiSquareTest,
	kruskalWallisTest,
	logGamma,
	meanOfCounts,
	regularizedGammaQ,
	share,
	npsOfCounts,
	summariseCounts
} from './statistics';

/** Relative closeness, for p-values that run down to 1e-22. */
const close = (actual: number, expected: number, relative = 1e-9) =>
	expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative + 1e-300);

describe('shares and means', () => {
	it('are null, never NaN, when there is nothing to divide by', () => {
		expect(share(3, 4)).toBe(0.75);
		expect(share(0, 0)).toBeNull();
		expect(meanOfCounts([1, 2, 3, 4, 5], [0, 0, 0, 0, 0])).toBeNull();
		// (1·1 + 3·2 + 5·1) ÷ 4
		expect(meanOfCounts([1, 2, 3, 4, 5], [1, 0, 2, 0, 1])).toBe(3);
	});
});

describe('the gamma function and the chi-square distribution', () => {
	it('has ln Γ of whole and half numbers', () => {
		expect(Math.abs(logGamma(1))).toBeLessThan(1e-14);
		close(logGamma(5), Math.log(24));
		close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)));
		close(logGamma(171), 706.5730622457874, 1e-12);
	});

	it('is exp(−x) for a = 1 and exp(−x/2) for 2 degrees of freedom', () => {
		for (const x of [0.001, 0.5, 1, 2, 7.5, 30, 300]) {
			close(regularizedGammaQ(1, x), Math.exp(-x));
			close(chiSquareSurvival(x, 2), Math.exp(-x / 2));
		}
		expect(regularizedGammaQ(3, 0)).toBe(1);
		expect(() => regularizedGammaQ(0, 1)).toThrow(RangeError);
	});

	it('gives the textbook critical values', () => {
		// The chi-square table: 3.841 (df 1) and 18.307 (df 10) at 5 %, 6.635 (df 1) and 15.086 (df 5) at 1 %.
		close(chiSquareSurvival(3.841458820694124, 1), 0.05);
		close(chiSquareSurvival(6.634896601021214, 1), 0.01);
		close(chiSquareSurvival(18.307038053275146, 10), 0.05);
		close(chiSquareSurvival(15.08627246938899, 5), 0.01);
	});

	it('stays accurate far in both tails and with many degrees of freedom', () => {
		// Reference values from SciPy's chi2.sf.
		close(chiSquareSurvival(0.5, 7), 0.9994464813904249);
		close(chiSquareSurvival(1e-9, 1), 0.999974768674784);
		close(chiSquareSurvival(100, 3), 1.5541594313896026e-21, 1e-8);
		close(chiSquareSurvival(250, 200), 0.009379131668826098, 1e-8);
		close(chiSquareSurvival(1500, 1000), 1.0454640385980825e-22, 1e-7);
		expect(chiSquareSurvival(1e6, 4)).toBe(0);
		expect(chiSquareSurvival(0, 4)).toBe(1);
	});
});

describe('the chi-square test of independence', () => {
	it('computes a 2×2 table by hand', () => {
		// Rows 30 and 30, columns 30 and 30 of 60: every expected count is 15, and each of the four
		// cells is 5 away from it: χ² = 4 · 5² / 15 = 20/3 on (2−1)(2−1) = 1 degree of freedom.
		const test = chiSquareTest([
			[10, 20],
			[20, 10]
		]);
		expect(test?.kind).toBe('chi_square');
		close(test!.statistic, 20 / 3);
		expect(test!.df).toBe(1);
		// For one degree of freedom P(χ² ≥ x) = erfc(√(x/2)); SciPy: 0.009823274507519235.
		close(test!.p, 0.009823274507519235, 1e-9);
	});

	it('computes a 2×3 table by hand', () => {
		// Rows 20 and 30, columns 19, 14, 17 of 50; expected = row × column ÷ 50.
		const table = [
			[12, 5, 3],
			[7, 9, 14]
		];
		const expected = [
			[7.6, 5.6, 6.8],
			[11.4, 8.4, 10.2]
		];
		let byHand = 0;
		for (let i = 0; i < 2; i++) {
			for (let j = 0; j < 3; j++) {
				byHand += (table[i][j] - expected[i][j]) ** 2 / expected[i][j];
			}
		}
		const test = chiSquareTest(table)!;
		close(test.statistic, byHand);
		close(test.statistic, 7.8919725785050865);
		expect(test.df).toBe(2);
		// Two degrees of freedom: p = exp(−χ²/2).
		close(test.p, Math.exp(-byHand / 2));
	});

	it('leaves out empty rows and columns, and gives no test without two of each', () => {
		const padded = chiSquareTest([
			[10, 0, 20],
			[0, 0, 0],
			[20, 0, 10]
		])!;
		close(padded.statistic, 20 / 3);
		expect(padded.df).toBe(1);
		expect(chiSquareTest([[5, 7]])).toBeNull();
		expect(chiSquareTest([[5], [7]])).toBeNull();
		expect(chiSquareTest([])).toBeNull();
		expect(
			chiSquareTest([
				[0, 0],
				[0, 0]
			])
		).toBeNull();
	});
});

describe('the Kruskal–Wallis test', () => {
	it('computes three tied groups by hand', () => {
		// Ratings 1,1,1 | 2,2,2 | 2,2,2. The three 1s share ranks 1–3 (mean 2), the six 2s ranks 4–9
		// (mean 6.5): rank sums 6, 19.5, 19.5. H = 12/(9·10) · (6²/3 + 2 · 19.5²/3) − 3 · 10 = 5.4;
		// ties: 1 − ((3³−3) + (6³−6)) / (9³−9) = 0.675; H = 5.4 / 0.675 = 8 on 2 degrees of freedom,
		// p = exp(−8/2).
		const test = kruskalWallisTest([
			[3, 0],
			[0, 3],
			[0, 3]
		])!;
		expect(test.kind).toBe('kruskal_wallis');
		close(test.statistic, 8);
		expect(test.df).toBe(2);
		close(test.p, Math.exp(-4));
	});

	it('agrees with SciPy on untied and tied samples', () => {
		// 1,3,5,7,9 against 2,4,6,8,10: ten levels seen once each. SciPy: H 0.2727, p 0.6015.
		const untied = kruskalWallisTest([
			[1, 0, 1, 0, 1, 0, 1, 0, 1, 0],
			[0, 1, 0, 1, 0, 1, 0, 1, 0, 1]
		])!;
		close(untied.statistic, 3 / 11);
		close(untied.p, 0.6015081344405895, 1e-9);
		// 1,2,2,3 | 3,4,4,5,5 | 2,3,5 as counts of ratings 1–5. SciPy: H 5.9298, p 0.051566.
		const tied = kruskalWallisTest([
			[1, 2, 1, 0, 0],
			[0, 0, 1, 2, 2],
			[0, 1, 1, 0, 1]
		])!;
		close(tied.statistic, 5.929792429792435, 1e-9);
		close(tied.p, 0.05156582073146333, 1e-9);
	});

	it('gives no test with fewer than two groups or one level for everyone', () => {
		expect(kruskalWallisTest([[1, 2, 3, 0, 0]])).toBeNull();
		expect(
			kruskalWallisTest([
				[1, 2, 3, 0, 0],
				[0, 0, 0, 0, 0]
			])
		).toBeNull();
		expect(
			kruskalWallisTest([
				[0, 0, 4, 0, 0],
				[0, 0, 7, 0, 0]
			])
		).toBeNull();
		// Identical groups: H is 0 (never a rounding error below it) and p is 1.
		const same = kruskalWallisTest([
			[1, 2, 3, 4, 5],
			[1, 2, 3, 4, 5]
		])!;
		expect(same.statistic).toBeGreaterThanOrEqual(0);
		expect(same.statistic).toBeLessThan(1e-12);
		close(same.p, 1, 1e-9);
	});
});

describe('summariseCounts and npsOfCounts (issue 17)', () => {
	it('gives mean, median, lowest and highest of counted values', () => {
		expect(summariseCounts([1, 2, 10], [1, 1, 1])).toEqual({
			mean: 13 / 3,
			median: 2,
			min: 1,
			max: 10
		});
		// An even count: the mean of the two middle values.
		expect(summariseCounts([1, 2, 10], [2, 0, 2])).toEqual({
			mean: 5.5,
			median: 5.5,
			min: 1,
			max: 10
		});
		expect(summariseCounts([0.5, 3], [3, 1])?.median).toBe(0.5);
		expect(summariseCounts([1, 2], [0, 0])).toBeNull();
	});

	it('scores recommendations as promoters minus detractors, in percent of those who answered', () => {
		// 0–10: two detractors (0 and 6), one passive (8), three promoters (9, 10, 10).
		const counts = [1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 2];
		expect(npsOfCounts(counts)).toEqual({ promoters: 3, passives: 1, detractors: 2, score: 17 });
		expect(npsOfCounts(new Array(11).fill(0)).score).toBeNull();
		expect(npsOfCounts([5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).score).toBe(-100);
	});
});
