import { describe, expect, it } from 'vitest';
import { fitPairTrees, isValidTree, predictTree, type PairTree } from './pair-trees';

/**
 * XOR on two binary features, with unequal cell sizes (so that the first split already gains):
 * no linear margin separates it, two levels of splits do.
 */
function xorSet(): { xs: number[][]; ys: number[] } {
	const xs: number[][] = [];
	const ys: number[] = [];
	const cells: Array<[number, number, number]> = [
		[0, 0, 10],
		[1, 1, 30],
		[0, 1, 20],
		[1, 0, 20]
	];
	for (const [a, b, count] of cells) {
		for (let i = 0; i < count; i++) {
			xs.push([a, b, (i % 5) / 5]);
			ys.push(a === b ? 1 : 0);
		}
	}
	return { xs, ys };
}

const logLoss = (margins: number[], ys: number[]) =>
	margins.reduce((sum, z, i) => sum + Math.log1p(Math.exp(ys[i] ? -z : z)), 0) / ys.length;

describe('boosted pair trees', () => {
	it('route a sample by x[f] <= t and return the leaf value', () => {
		const tree: PairTree = { f: 1, t: 0.5, lo: -1, hi: { f: 0, t: 0, lo: 2, hi: 3 } };
		expect(predictTree(tree, [0, 0.5])).toBe(-1);
		expect(predictTree(tree, [0, 0.6])).toBe(2);
		expect(predictTree(tree, [1, 0.6])).toBe(3);
		expect(predictTree(0.25, [])).toBe(0.25);
	});

	it('learn an interaction the linear margin cannot, from a zero start', () => {
		const { xs, ys } = xorSet();
		const trees = fitPairTrees(xs, ys, new Array(xs.length).fill(0), 3, {
			rounds: 40,
			depth: 2,
			learningRate: 0.3,
			lambda: 1,
			minHessian: 1
		});
		expect(trees).toHaveLength(40);
		const margins = xs.map((x) => trees.reduce((z: number, t) => z + predictTree(t, x), 0));
		expect(logLoss(margins, ys)).toBeLessThan(0.2);
		expect(margins[0]).toBeGreaterThan(1); // a = b = 0
		expect(margins[xs.length - 1]).toBeLessThan(-1); // a = 1, b = 0
	});

	it('stumps (depth 1) cannot fit XOR, and fewer rounds fit less', () => {
		const { xs, ys } = xorSet();
		const zero = new Array(xs.length).fill(0);
		const stumps = fitPairTrees(xs, ys, zero, 3, { rounds: 40, depth: 1, learningRate: 0.3 });
		const margins = xs.map((x) => stumps.reduce((z: number, t) => z + predictTree(t, x), 0));
		const deep = fitPairTrees(xs, ys, zero, 3, { rounds: 40, learningRate: 0.3, minHessian: 1 });
		const loss = (k: number) =>
			logLoss(
				xs.map((x) => deep.slice(0, k).reduce((z: number, t) => z + predictTree(t, x), 0)),
				ys
			);
		expect(loss(40)).toBeLessThan(logLoss(margins, ys) - 0.2);
		expect(loss(40)).toBeLessThan(loss(10));
		expect(loss(10)).toBeLessThan(loss(0));
	});

	it('are deterministic and stay put when the start margins already fit', () => {
		const { xs, ys } = xorSet();
		const zero = new Array(xs.length).fill(0);
		expect(fitPairTrees(xs, ys, zero, 3)).toEqual(fitPairTrees(xs, ys, zero, 3));
		const fitted = ys.map((y) => (y ? 12 : -12));
		for (const tree of fitPairTrees(xs, ys, fitted, 3, { rounds: 5 })) {
			expect(Math.abs(predictTree(tree, xs[0]))).toBeLessThan(1e-4);
		}
		expect(fitPairTrees([], [], [], 3)).toEqual([]);
	});

	it('reject a tree that names a feature the model does not have', () => {
		expect(isValidTree({ f: 0, t: 0.5, lo: 1, hi: -1 }, 1)).toBe(true);
		expect(isValidTree({ f: 1, t: 0, lo: 0, hi: 0 }, 1)).toBe(false);
	});
});
