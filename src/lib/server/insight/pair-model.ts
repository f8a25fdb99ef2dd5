/**
 * The pair model: logistic regression over features of a pair of suggestions, giving the
 * probability that both raise the same concrete issue. Few features, so it is fitted exactly
 * (Newton / IRLS) in milliseconds, deterministic, and stored as a small JSON object. (Boosted
 * trees on its margin were tried and not adopted: scripts/experiments/pair-trees.ts.)
 */

import { runSteps, type Steps } from './steps';

/** Names of the pair features, in the order of {@link PairModel.weights}. */
export const PAIR_FEATURES = [
	'ngramCosine',
	'ngramCosineSqrt',
	'topicCosine',
	'sharedConcepts',
	'sharedLexiconTopic',
	'sameTownship',
	'differentTownship',
	'sameCategory',
	'differentCategory',
	'categoryOverlap',
	'lengthRatio',
	'sharedRareTerm',
	'sharedPlace',
	'sameTownshipXngram',
	'sameTownshipXtopic',
	'sameCategoryXtopic',
	'ngramXtopic',
	'sharedWideConcept',
	'sharedWideXdifferentTownship',
	'ngramContainment',
	'differentTownshipXngramCosine',
	'differentTownshipXngramCosineSqrt',
	'differentTownshipXtopicCosine',
	'differentTownshipXsharedConcepts',
	'differentTownshipXsharedLexiconTopic',
	'differentTownshipXcategoryOverlap',
	'differentTownshipXlengthRatio',
	'differentTownshipXsharedRareTerm',
	'differentTownshipXsharedPlace',
	'differentTownshipXngramXtopic'
] as const;

export type PairFeatureName = (typeof PAIR_FEATURES)[number];

export interface PairModel {
	format: 'xinkan-pair-model';
	version: 1;
	/**
	 * {@link PAIR_FEATURES}, then per category `c` of {@link categories}: `both:c` (both items in
	 * c) and `bothSameTownship:c` (and the same township): how often, and how locally, issues of
	 * that category are raised more than once.
	 */
	features: string[];
	categories: string[];
	weights: number[];
	bias: number;
	/** Pair probability above which two items may be clustered (tuned by cross-validation). */
	threshold: number;
	/** Where the weights came from (for people reading a stored model). */
	source: string;
	/**
	 * Second clustering pass (see `ClusterOptions.mergeFactor`), tuned with the threshold;
	 * absent = 1 (none).
	 */
	mergeFactor?: number;
	/** Average size of the item sets the threshold was tuned on (see `thresholdForSize`). */
	tunedOn?: number;
}

/** Probability that the pair is a duplicate. */
export function predictPair(model: PairModel, x: ArrayLike<number>): number {
	let z = model.bias;
	for (let k = 0; k < model.weights.length; k++) z += model.weights[k] * x[k];
	return 1 / (1 + Math.exp(-z));
}

export interface PairSample {
	x: ArrayLike<number>;
	y: 0 | 1;
}

/**
 * L2-regularised logistic regression by Newton's method (the bias is not regularised), so the
 * output is a probability calibrated on pairs like the training ones.
 */
export function fitPairWeights(
	samples: readonly PairSample[],
	dimension: number,
	l2 = 1,
	iterations = 25
): { weights: number[]; bias: number } {
	return runSteps(fitPairWeightsSteps(samples, dimension, l2, iterations));
}

/**
 * Samples per step of a Newton iteration: each adds to a Hessian of (features + 1)² entries,
 * about 10–20 µs a sample with the 29 features and a dozen categories.
 */
const SAMPLES_PER_STEP = 5_000;

/** `fitPairWeights`, pausing after every SAMPLES_PER_STEP samples of each iteration. */
export function* fitPairWeightsSteps(
	samples: readonly PairSample[],
	dimension: number,
	l2 = 1,
	iterations = 25
): Steps<{ weights: number[]; bias: number }> {
	const d = dimension + 1; // last slot = bias
	const w = new Float64Array(d);
	if (samples.length === 0) return { weights: new Array<number>(dimension).fill(0), bias: -4 };
	const positives = samples.filter((s) => s.y === 1).length;
	const negatives = samples.length - positives;
	if (positives === 0 || negatives === 0) {
		return { weights: new Array<number>(dimension).fill(0), bias: positives === 0 ? -6 : 6 };
	}
	for (let iter = 0; iter < iterations; iter++) {
		const gradient = new Float64Array(d);
		const hessian = Array.from({ length: d }, () => new Float64Array(d));
		for (let i = 0; i < samples.length; i++) {
			if (i > 0 && i % SAMPLES_PER_STEP === 0) yield;
			const { x, y } = samples[i];
			let z = w[dimension];
			for (let k = 0; k < dimension; k++) z += w[k] * x[k];
			const p = 1 / (1 + Math.exp(-z));
			const r = p - y;
			const s = Math.max(p * (1 - p), 1e-9);
			for (let a = 0; a < d; a++) {
				const xa = a === dimension ? 1 : x[a];
				if (xa === 0) continue;
				gradient[a] += r * xa;
				for (let b = 0; b <= a; b++) {
					const xb = b === dimension ? 1 : x[b];
					if (xb !== 0) hessian[a][b] += s * xa * xb;
				}
			}
		}
		for (let a = 0; a < dimension; a++) {
			gradient[a] += l2 * w[a];
			hessian[a][a] += l2;
		}
		hessian[dimension][dimension] += 1e-6;
		for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) hessian[b][a] = hessian[a][b];
		const step = solve(hessian, gradient);
		let change = 0;
		for (let a = 0; a < d; a++) {
			w[a] -= step[a];
			change = Math.max(change, Math.abs(step[a]));
		}
		if (change < 1e-7) break;
	}
	return { weights: Array.from(w.subarray(0, dimension)), bias: w[dimension] };
}

/** Gaussian elimination with partial pivoting (d is tiny). */
function solve(matrix: Float64Array[], vector: Float64Array): Float64Array {
	const n = vector.length;
	const a = matrix.map((row, i) => [...row, vector[i]]);
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let row = col + 1; row < n; row++) {
			if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) pivot = row;
		}
		[a[col], a[pivot]] = [a[pivot], a[col]];
		const p = a[col][col] || 1e-12;
		for (let row = col + 1; row < n; row++) {
			const f = a[row][col] / p;
			if (f === 0) continue;
			for (let k = col; k <= n; k++) a[row][k] -= f * a[col][k];
		}
	}
	const out = new Float64Array(n);
	for (let row = n - 1; row >= 0; row--) {
		let sum = a[row][n];
		for (let k = row + 1; k < n; k++) sum -= a[row][k] * out[k];
		out[row] = sum / (a[row][row] || 1e-12);
	}
	return out;
}

/** Checks a stored pair model (e.g. from the database) and returns a copy. */
export function pairModelFromJSON(json: PairModel | string): PairModel {
	const parsed: PairModel = typeof json === 'string' ? JSON.parse(json) : json;
	if (parsed?.format !== 'xinkan-pair-model' || parsed.version !== 1) {
		throw new TypeError('Not a serialised Xinkan pair model (format/version mismatch)');
	}
	const expected = pairFeatureNames(parsed.categories ?? []);
	if (
		parsed.features.length !== expected.length ||
		parsed.features.some((f, i) => f !== expected[i]) ||
		parsed.weights.length !== expected.length ||
		!parsed.weights.every(Number.isFinite) ||
		!Number.isFinite(parsed.bias) ||
		!Number.isFinite(parsed.threshold) ||
		(parsed.tunedOn !== undefined && !(Number.isFinite(parsed.tunedOn) && parsed.tunedOn > 0)) ||
		(parsed.mergeFactor !== undefined &&
			!(Number.isFinite(parsed.mergeFactor) && parsed.mergeFactor > 0 && parsed.mergeFactor <= 1))
	) {
		throw new TypeError('Pair model features do not match this version of the duplicate finder');
	}
	return {
		...parsed,
		features: [...parsed.features],
		categories: [...parsed.categories],
		weights: [...parsed.weights]
	};
}

/** All feature names of a pair model over these categories. */
export function pairFeatureNames(categories: readonly string[]): string[] {
	return [...PAIR_FEATURES, ...categories.flatMap((c) => [`both:${c}`, `bothSameTownship:${c}`])];
}
