/**
 * Fitting the pair model from reviewed items whose duplicates have been merged (each item knows
 * the root of its duplicate cluster). Training pairs are exactly the pairs the finder would score
 * at run time: each item with its first-stage candidates inside the training set. The cluster
 * threshold is tuned by cross-validation over whole duplicate clusters: the pair model is fitted
 * on the other folds and the held-out fold is clustered as if it were a new campaign.
 */
import { clusterAtThresholdsSteps } from './clustering';
import {
	buildDuplicateIndexSteps,
	candidatePositions,
	computePairFeatures,
	type DuplicateOptions,
	type InsightItem
} from './duplicates';
import { computePairScores } from './metrics';
import {
	fitPairWeightsSteps,
	pairFeatureNames,
	type PairModel,
	type PairSample
} from './pair-model';
import { runSteps, type Steps } from './steps';

export interface PairTrainingItem extends InsightItem {
	/** Id of the first item of its duplicate cluster; empty/absent when it has none. */
	duplicateOf?: string | null;
}

export interface PairTrainingOptions extends DuplicateOptions {
	/** L2 penalty of the logistic regression (default 0.3). */
	l2?: number;
	/** Cross-validation folds for the threshold (whole clusters per fold). */
	folds?: number;
	/** Thresholds tried. */
	thresholds?: readonly number[];
	/** Second-pass merge factors tried with each threshold (see `ClusterOptions.mergeFactor`). */
	mergeFactors?: readonly number[];
	/** Without `minPrecision`: the threshold maximises F-beta of pair precision/recall. */
	beta?: number;
	/**
	 * The lowest threshold whose out-of-fold pair precision reaches this (most recall at the
	 * precision reviewers need); F-beta when none does. Default 0.8, asked of the lower confidence
	 * bound of the out-of-fold precision (see PRECISION_CONFIDENCE_Z); none when only `beta` is
	 * given. Given explicitly, it is asked of the out-of-fold precision itself.
	 */
	minPrecision?: number;
	/** Used when there are too few duplicate clusters to tune. */
	fallbackThreshold?: number;
	source?: string;
}

/**
 * L2 penalty of the pair model: 0.3 rather than 1 let the curve reach more recall at precision
 * 0.8 on inner splits of the frozen training side (max recall at P ≥ 0.8, pooled seeds 1–5:
 * 0.497 → 0.535; seeds 1–10: 0.473 → 0.529); 0.1 and 0.03 were no better, 3 and 10 worse.
 */
const DEFAULT_L2 = 0.3;

/** Pair precision reviewers need of the automatic clusters. */
const DEFAULT_MIN_PRECISION = 0.8;

/**
 * The default target is asked of a one-sided 95 % lower bound (Wilson) of each point's out-of-fold
 * precision, not of the precision itself: picking the most recall among 56 noisy (threshold, merge
 * factor) points is optimistic, the more so the fewer pairs a point rests on, and the bound shrinks
 * as the organisation's merges grow. On inner splits of the frozen training side (seeds 1–10,
 * pooled pair precision / recall of the chosen points on the held-out parts): 0.8 asked of the
 * precision itself 0.753 / 0.613 (below the target); of precision + a fixed margin 0.05 0.801 /
 * 0.517; of this bound 0.795 / 0.534. With more training items (85 % of the side) the three land at
 * 0.853 / 0.560, 0.905 / 0.474 and 0.893 / 0.490. When no point's bound reaches the target, the
 * precision itself is asked, then F-beta.
 */
const PRECISION_CONFIDENCE_Z = 1.645;

/** Wilson lower bound of a precision measured on `pairs` pairs. */
export function precisionLowerBound(precision: number, pairs: number, z = PRECISION_CONFIDENCE_Z) {
	if (pairs <= 0) return 0;
	const z2 = z * z;
	const centre = precision + z2 / (2 * pairs);
	const spread = z * Math.sqrt((precision * (1 - precision)) / pairs + z2 / (4 * pairs * pairs));
	return (centre - spread) / (1 + z2 / pairs);
}

const DEFAULT_MERGE_FACTORS = [1, 0.8, 0.7, 0.6];

const DEFAULT_THRESHOLDS = [
	0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8
];

function rootOf(item: PairTrainingItem): string {
	return item.duplicateOf || item.id;
}

/** Feature vectors and labels of the candidate pairs within `items`. */
export function collectPairSamples(
	items: readonly PairTrainingItem[],
	options: DuplicateOptions = {}
): PairSample[] {
	return runSteps(collectPairSamplesSteps(items, options));
}

/** Items whose candidate pairs are collected per step (each pair costs a feature vector). */
const ITEMS_PER_STEP = 10;

function* collectPairSamplesSteps(
	items: readonly PairTrainingItem[],
	options: DuplicateOptions = {}
): Steps<PairSample[]> {
	const index = yield* buildDuplicateIndexSteps(items, {
		...options,
		pairModel: options.pairModel ?? templateModel(categoriesOf(items))
	});
	const n = items.length;
	const seen = new Set<number>();
	const samples: PairSample[] = [];
	for (let i = 0; i < n; i++) {
		if (i > 0 && i % ITEMS_PER_STEP === 0) yield;
		const item = items[i];
		for (const j of candidatePositions(index, item, index.profiles[i], i)) {
			const key = i < j ? i * n + j : j * n + i;
			if (seen.has(key)) continue;
			seen.add(key);
			const x = computePairFeatures(index, item, index.profiles[i], items[j], index.profiles[j]);
			samples.push({ x, y: rootOf(item) === rootOf(items[j]) ? 1 : 0 });
		}
	}
	return samples;
}

function categoriesOf(items: readonly InsightItem[]): string[] {
	return [...new Set(items.map((item) => item.category ?? '').filter((c) => c !== ''))].sort();
}

/** A model with all weights zero: only its feature layout matters (for collecting samples). */
function templateModel(categories: readonly string[]): PairModel {
	const features = pairFeatureNames(categories);
	return {
		format: 'xinkan-pair-model',
		version: 1,
		features,
		categories: [...categories],
		weights: features.map(() => 0),
		bias: 0,
		threshold: 0.5,
		source: 'template'
	};
}

function* fitModelSteps(
	items: readonly PairTrainingItem[],
	options: PairTrainingOptions,
	threshold: number
): Steps<PairModel> {
	const template = templateModel(categoriesOf(items));
	const samples = yield* collectPairSamplesSteps(items, { ...options, pairModel: template });
	const { weights, bias } = yield* fitPairWeightsSteps(
		samples,
		template.features.length,
		options.l2 ?? DEFAULT_L2
	);
	return {
		...template,
		weights: weights.map((w) => Math.round(w * 1e4) / 1e4),
		bias: Math.round(bias * 1e4) / 1e4,
		threshold,
		source: options.source ?? `fitted on ${items.length} items`
	};
}

/** Fits the pair model and tunes its cluster threshold. Deterministic. */
export function trainPairModel(
	items: readonly PairTrainingItem[],
	options: PairTrainingOptions = {}
): PairModel {
	return runSteps(trainPairModelSteps(items, options));
}

/**
 * `trainPairModel` in steps of a few tens of milliseconds (collecting pairs, Newton passes,
 * clustering the held-out folds), so a server can fit it between requests: all of it takes
 * seconds at MAX_PAIR_ITEMS.
 */
export function* trainPairModelSteps(
	items: readonly PairTrainingItem[],
	options: PairTrainingOptions = {}
): Steps<PairModel> {
	const tuned = yield* tuneThresholdSteps(items, options);
	const model = yield* fitModelSteps(
		items,
		options,
		tuned?.threshold ?? options.fallbackThreshold ?? 0.5
	);
	if (!tuned) return model;
	return {
		...model,
		...(tuned.mergeFactor < 1 ? { mergeFactor: tuned.mergeFactor } : {}),
		tunedOn: Math.round(items.length / (options.folds ?? 3))
	};
}

export interface ThresholdPoint {
	threshold: number;
	mergeFactor: number;
	precision: number;
	recall: number;
	/** Pairs the clusters put together, pooled over the held-out folds (what precision rests on). */
	predictedPairs: number;
}

/** Pooled out-of-fold pair precision/recall of clustering at each threshold. */
export function crossValidateThresholds(
	items: readonly PairTrainingItem[],
	options: PairTrainingOptions = {}
): ThresholdPoint[] {
	return runSteps(crossValidateSteps(items, options));
}

/**
 * Out-of-fold over whole duplicate clusters: the pair model fitted on the other folds, each
 * held-out fold clustered at each threshold and merge factor, precision/recall pooled.
 */
function* crossValidateSteps(
	items: readonly PairTrainingItem[],
	options: PairTrainingOptions
): Steps<ThresholdPoint[]> {
	const folds = options.folds ?? 3;
	const roots = new Map<string, number>();
	for (const item of items) if (!roots.has(rootOf(item))) roots.set(rootOf(item), roots.size);
	const fitted: Array<{ model: PairModel; test: PairTrainingItem[] }> = [];
	const foldOf = (item: PairTrainingItem) => (roots.get(rootOf(item)) ?? 0) % folds;
	for (let fold = 0; fold < folds; fold++) {
		const train = items.filter((item) => foldOf(item) !== fold);
		const test = items.filter((item) => foldOf(item) === fold);
		fitted.push({ model: yield* fitModelSteps(train, options, 0.5), test });
	}
	return yield* clusterFoldsSteps(fitted, options);
}

/** Pooled cluster precision/recall of the held-out folds. */
function* clusterFoldsSteps(
	fitted: ReadonlyArray<{ model: PairModel; test: PairTrainingItem[] }>,
	options: PairTrainingOptions
): Steps<ThresholdPoint[]> {
	const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
	const factors = options.mergeFactors ?? DEFAULT_MERGE_FACTORS;
	const totals = factors.map(() => thresholds.map(() => ({ predicted: 0, correct: 0, truth: 0 })));
	for (const { model, test } of fitted) {
		const index = yield* buildDuplicateIndexSteps(test, { ...options, pairModel: model });
		const gold = new Map(test.map((item) => [item.id, rootOf(item)]));
		for (const [m, mergeFactor] of factors.entries()) {
			const clustered = yield* clusterAtThresholdsSteps(index, thresholds, { mergeFactor });
			clustered.forEach((clusters, t) => {
				const scores = computePairScores(
					clusters.map((c) => c.ids),
					gold
				);
				totals[m][t].predicted += scores.predictedPairs;
				totals[m][t].correct += scores.correctPairs;
				totals[m][t].truth += scores.truePairs;
			});
		}
	}
	const points = factors.flatMap((mergeFactor, m) =>
		thresholds.map((threshold, t) => {
			const total = totals[m][t];
			return {
				threshold,
				mergeFactor,
				precision: total.predicted === 0 ? 1 : total.correct / total.predicted,
				recall: total.truth === 0 ? 0 : total.correct / total.truth,
				predictedPairs: total.predicted
			};
		})
	);
	return points;
}

/**
 * With a precision target: the threshold and merge factor with the most out-of-fold recall among
 * those reaching it (ties: the higher threshold, then no second pass); otherwise the best F-beta.
 */
function* tuneThresholdSteps(
	items: readonly PairTrainingItem[],
	options: PairTrainingOptions
): Steps<ThresholdPoint | null> {
	const clustered = new Set(items.filter((i) => i.duplicateOf).map(rootOf));
	if (clustered.size < 6) return null;
	return choosePoint(yield* crossValidateSteps(items, options), options);
}

function choosePoint(
	points: readonly ThresholdPoint[],
	options: PairTrainingOptions
): ThresholdPoint | null {
	const precision = (p: ThresholdPoint) => p.precision;
	const bound = (p: ThresholdPoint) => precisionLowerBound(p.precision, p.predictedPairs);
	const targets: Array<[number, (p: ThresholdPoint) => number]> =
		options.minPrecision !== undefined
			? [[options.minPrecision, precision]]
			: options.beta === undefined
				? [
						[DEFAULT_MIN_PRECISION, bound],
						[DEFAULT_MIN_PRECISION, precision]
					]
				: [];
	for (const [minPrecision, measure] of targets) {
		const precise = points.filter((p) => p.recall > 0 && measure(p) >= minPrecision);
		if (precise.length === 0) continue;
		return precise.reduce((best, p) =>
			p.recall > best.recall + 1e-9 ||
			(Math.abs(p.recall - best.recall) <= 1e-9 &&
				(p.threshold > best.threshold ||
					(p.threshold === best.threshold && p.mergeFactor > best.mergeFactor)))
				? p
				: best
		);
	}
	const beta2 = (options.beta ?? 1) ** 2;
	let best: ThresholdPoint | null = null;
	let bestF = -1;
	for (const point of points) {
		const { precision: p, recall: r } = point;
		const f = p + r === 0 ? 0 : ((1 + beta2) * p * r) / (beta2 * p + r);
		if (f > bestF + 1e-9) {
			bestF = f;
			best = point;
		}
	}
	return best;
}
