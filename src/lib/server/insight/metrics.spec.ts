import { describe, expect, it } from 'vitest';
import {
	clusterRootsFromLinks,
	computeMacroF1,
	computePairScores,
	computeRecallAtK,
	computeTopKAccuracy
} from './metrics';

// Gold: {a,b,c} (3 pairs: ab ac bc), {d,e} (1 pair: de), f alone → 4 true pairs.
const roots = clusterRootsFromLinks([
	{ id: 'a', duplicateOf: '' },
	{ id: 'b', duplicateOf: 'a' },
	{ id: 'c', duplicateOf: 'a' },
	{ id: 'd', duplicateOf: '' },
	{ id: 'e', duplicateOf: 'd' },
	{ id: 'f', duplicateOf: '' }
]);

describe('pair metrics', () => {
	it('counts pairs inside predicted clusters against gold clusters', () => {
		// Predicted {a,b,f}: pairs ab ✓, af ✗, bf ✗; {d,e}: de ✓ → 2 of 4 predicted are right.
		const scores = computePairScores(
			[
				['a', 'b', 'f'],
				['d', 'e']
			],
			roots
		);
		expect(scores.predictedPairs).toBe(4);
		expect(scores.truePairs).toBe(4);
		expect(scores.correctPairs).toBe(2);
		expect(scores.precision).toBe(0.5);
		expect(scores.recall).toBe(0.5);
	});

	it('gives precision 0 and recall 0 when nothing is clustered', () => {
		expect(computePairScores([], roots)).toMatchObject({ precision: 0, recall: 0 });
	});

	it('measures recall@k only over items that have a cluster-mate', () => {
		const neighbours = new Map([
			['a', ['f', 'c']], // found
			['b', ['d', 'e']], // missed
			['c', ['a']], // found
			['d', ['e']], // found
			['e', ['a']], // missed
			['f', ['a']] // not eligible: f has no mate
		]);
		expect(computeRecallAtK(neighbours, roots)).toBe(3 / 5);
	});
});

describe('category metrics', () => {
	it('computes top-k accuracy', () => {
		const ranked = [
			['x', 'y', 'z'],
			['y', 'x', 'z'],
			['z', 'y', 'x']
		];
		expect(computeTopKAccuracy(ranked, ['x', 'x', 'x'], 1)).toBe(1 / 3);
		expect(computeTopKAccuracy(ranked, ['x', 'x', 'x'], 2)).toBe(2 / 3);
	});

	it('computes macro-F1 by hand', () => {
		// x: tp 1, fp 1, fn 1 → F1 0.5; y: tp 1, fp 0, fn 1 → 2/3; z: tp 0 → 0.
		const f1 = computeMacroF1(['x', 'y', 'x', 'z'], ['x', 'y', 'y', 'x']);
		expect(f1).toBeCloseTo((0.5 + 2 / 3 + 0) / 3, 10);
	});
});
