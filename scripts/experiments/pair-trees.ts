/**
 * An experiment the product does not run (moved here from src/lib/server/insight by issue 19).
 * Issue 6 tried boosted trees on the pair model's margin as an opt-in of `trainPairModel` (commit
 * 9ece044: trees chosen by out-of-fold log loss) and kept the linear model — out-of-fold log loss
 * only 0–5 % lower and cluster precision/recall no better on the dev splits. To try again, fit
 * trees with `fitPairTrees` over `collectPairSamples` (pair-training.ts), starting from the linear
 * margins, and judge them on inner splits of the frozen split's training side only.
 *
 * Gradient-boosted shallow regression trees on top of the linear pair model: the linear margin is
 * the starting score and each tree adds a small, shrunken correction (Newton leaf values, L2 on
 * the leaves, a minimum hessian per leaf), so with zero trees the model *is* the linear one and
 * how many trees to keep is chosen out-of-fold (see `pair-training.ts`). Deterministic: split
 * candidates are feature quantiles, ties go to the lower feature index and cut.
 */

/** `x[f] <= t` → `lo`, else `hi`; a number is a leaf (added to the margin). */
export interface PairTreeNode {
	f: number;
	t: number;
	lo: PairTreeNode | number;
	hi: PairTreeNode | number;
}

export type PairTree = PairTreeNode | number;

export function predictTree(tree: PairTree, x: ArrayLike<number>): number {
	let node = tree;
	while (typeof node !== 'number') node = x[node.f] <= node.t ? node.lo : node.hi;
	return node;
}

export interface TreeBoostingOptions {
	/** Trees fitted (the caller keeps a prefix). */
	rounds?: number;
	/** Levels of splits per tree (1 = stumps). */
	depth?: number;
	/** Shrinkage applied to every leaf value. */
	learningRate?: number;
	/** L2 penalty on leaf values. */
	lambda?: number;
	/** Minimum sum of hessians (≈ p(1−p) per pair) on each side of a split. */
	minHessian?: number;
	/** Most cut points tried per feature. */
	maxCuts?: number;
}

export const DEFAULT_TREE_BOOSTING: Required<TreeBoostingOptions> = {
	rounds: 150,
	depth: 2,
	learningRate: 0.1,
	lambda: 5,
	minHessian: 3,
	maxCuts: 16
};

interface Binned {
	/** cuts[f]: ascending cut values; a value goes to the first bin whose cut it does not exceed. */
	cuts: number[][];
	/** bins[f][i]: bin of sample i on feature f (cuts[f].length = above every cut). */
	bins: Uint8Array[];
}

function binFeatures(xs: readonly ArrayLike<number>[], dimension: number, maxCuts: number): Binned {
	const cuts: number[][] = [];
	const bins: Uint8Array[] = [];
	for (let f = 0; f < dimension; f++) {
		const values = Float64Array.from(xs, (x) => x[f]).sort();
		const unique: number[] = [];
		for (const v of values) {
			if (unique.length === 0 || v !== unique[unique.length - 1]) unique.push(v);
		}
		let featureCuts: number[];
		if (unique.length <= 1) featureCuts = [];
		else if (unique.length - 1 <= maxCuts) featureCuts = unique.slice(0, -1);
		else {
			const chosen = new Set<number>();
			for (let q = 1; q <= maxCuts; q++) {
				const v =
					values[Math.min(values.length - 1, Math.floor((q * values.length) / (maxCuts + 1)))];
				if (v < unique[unique.length - 1]) chosen.add(v);
			}
			featureCuts = [...chosen].sort((a, b) => a - b);
		}
		cuts.push(featureCuts);
		const featureBins = new Uint8Array(xs.length);
		xs.forEach((x, i) => {
			let b = 0;
			while (b < featureCuts.length && x[f] > featureCuts[b]) b++;
			featureBins[i] = b;
		});
		bins.push(featureBins);
	}
	return { cuts, bins };
}

/**
 * Trees fitted by boosting the logistic loss from `baseMargins` (one per sample). Returns
 * `rounds` trees; any prefix is a valid (less fitted) model.
 */
export function fitPairTrees(
	xs: readonly ArrayLike<number>[],
	ys: ArrayLike<number>,
	baseMargins: ArrayLike<number>,
	dimension: number,
	options: TreeBoostingOptions = {}
): PairTree[] {
	const settings = { ...DEFAULT_TREE_BOOSTING, ...definedOnly(options) };
	const n = xs.length;
	const trees: PairTree[] = [];
	if (n === 0) return trees;
	const binned = binFeatures(xs, dimension, settings.maxCuts);
	const margins = Float64Array.from(baseMargins);
	const g = new Float64Array(n);
	const h = new Float64Array(n);
	const all = Array.from({ length: n }, (_, i) => i);
	for (let round = 0; round < settings.rounds; round++) {
		for (let i = 0; i < n; i++) {
			const p = 1 / (1 + Math.exp(-margins[i]));
			g[i] = p - ys[i];
			h[i] = Math.max(p * (1 - p), 1e-9);
		}
		const tree = growNode(all, settings.depth, binned, g, h, settings);
		trees.push(tree);
		for (let i = 0; i < n; i++) margins[i] += predictTree(tree, xs[i]);
	}
	return trees;
}

function growNode(
	samples: readonly number[],
	depth: number,
	binned: Binned,
	g: Float64Array,
	h: Float64Array,
	settings: Required<TreeBoostingOptions>
): PairTree {
	let gSum = 0;
	let hSum = 0;
	for (const i of samples) {
		gSum += g[i];
		hSum += h[i];
	}
	const leaf = round6((-gSum / (hSum + settings.lambda)) * settings.learningRate);
	if (depth === 0) return leaf;
	const parentScore = (gSum * gSum) / (hSum + settings.lambda);
	let bestGain = 1e-9;
	let bestFeature = -1;
	let bestCut = -1;
	for (let f = 0; f < binned.cuts.length; f++) {
		const cuts = binned.cuts[f];
		if (cuts.length === 0) continue;
		const gBins = new Float64Array(cuts.length + 1);
		const hBins = new Float64Array(cuts.length + 1);
		const bins = binned.bins[f];
		for (const i of samples) {
			gBins[bins[i]] += g[i];
			hBins[bins[i]] += h[i];
		}
		let gLeft = 0;
		let hLeft = 0;
		for (let c = 0; c < cuts.length; c++) {
			gLeft += gBins[c];
			hLeft += hBins[c];
			const hRight = hSum - hLeft;
			if (hLeft < settings.minHessian || hRight < settings.minHessian) continue;
			const gRight = gSum - gLeft;
			const gain =
				(gLeft * gLeft) / (hLeft + settings.lambda) +
				(gRight * gRight) / (hRight + settings.lambda) -
				parentScore;
			if (gain > bestGain) {
				bestGain = gain;
				bestFeature = f;
				bestCut = c;
			}
		}
	}
	if (bestFeature < 0) return leaf;
	const bins = binned.bins[bestFeature];
	const lo = samples.filter((i) => bins[i] <= bestCut);
	const hi = samples.filter((i) => bins[i] > bestCut);
	return {
		f: bestFeature,
		t: binned.cuts[bestFeature][bestCut],
		lo: growNode(lo, depth - 1, binned, g, h, settings),
		hi: growNode(hi, depth - 1, binned, g, h, settings)
	};
}

function round6(value: number): number {
	return Math.round(value * 1e6) / 1e6;
}

function definedOnly(options: TreeBoostingOptions): Partial<Required<TreeBoostingOptions>> {
	return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

/** Checks a stored tree (feature index in range, finite numbers). */
export function isValidTree(tree: unknown, dimension: number): tree is PairTree {
	if (typeof tree === 'number') return Number.isFinite(tree);
	if (typeof tree !== 'object' || tree === null) return false;
	const node = tree as PairTreeNode;
	return (
		Number.isInteger(node.f) &&
		node.f >= 0 &&
		node.f < dimension &&
		Number.isFinite(node.t) &&
		isValidTree(node.lo, dimension) &&
		isValidTree(node.hi, dimension)
	);
}
