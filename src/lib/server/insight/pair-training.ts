/**
 * Fitting the pair model from reviewed items whose duplicates have been merged (each item knows
 * the root of its duplicate cluster). Training pairs are exactly the pairs the finder would score
 * at run time: each item with its first-stage candidates inside the training set. The cluster
 * threshold is tuned by cross-validation over whole duplicate clusters: the pair model is fitted
 * on the other folds and the held-out fold is clustered as if it were a new campaign.
 */
import { clusterAtThresholds } from './clustering';
import {
	buildDuplicateIndex,
	candidatePositions,
	computePairFeatures,
	type DuplicateOptions,
	type InsightItem
} from './duplicates';
import { computePairScores } from './metrics';
import { fitPairWeights, pairFeatureNames, type PairModel, type PairSample } from './pair-model';
import { fitPairTrees, predictTree, type PairTree, type TreeBoostingOptions } from './pair-trees';

export interface PairTrainingItem extends InsightItem {
	/** Id of the first item of its duplicate cluster; empty/absent when it has none. */
	duplicateOf?: string | null;
}

export interface PairTrainingOptions extends DuplicateOptions {
	/** L2 penalty of the logistic regression. */
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
	 * precision reviewers need); F-beta when none does. Default 0.8 (none when only `beta` is given).
	 */
	minPrecision?: number;
	/** Used when there are too few duplicate clusters to tune. */
	fallbackThreshold?: number;
	source?: string;
	/**
	 * Boosted trees on top of the linear model; how many to keep (0 … `rounds`, in steps of
	 * `roundStep`) is chosen by out-of-fold log loss of the candidate pairs. `false`: linear only.
	 */
	trees?: (TreeBoostingOptions & { roundStep?: number }) | false;
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
	const index = buildDuplicateIndex(items, {
		...options,
		pairModel: options.pairModel ?? templateModel(categoriesOf(items))
	});
	const n = items.length;
	const seen = new Set<number>();
	const samples: PairSample[] = [];
	items.forEach((item, i) => {
		for (const j of candidatePositions(index, item, index.profiles[i], i)) {
			const key = i < j ? i * n + j : j * n + i;
			if (seen.has(key)) continue;
			seen.add(key);
			const x = computePairFeatures(index, item, index.profiles[i], items[j], index.profiles[j]);
			samples.push({ x, y: rootOf(item) === rootOf(items[j]) ? 1 : 0 });
		}
	});
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

interface FittedModel {
	model: PairModel;
	/** All trees fitted (the model keeps a prefix). */
	trees: PairTree[];
}

function fitModel(
	items: readonly PairTrainingItem[],
	options: PairTrainingOptions,
	threshold: number,
	rounds = 0
): FittedModel {
	const template = templateModel(categoriesOf(items));
	const samples = collectPairSamples(items, { ...options, pairModel: template });
	const { weights, bias } = fitPairWeights(samples, template.features.length, options.l2 ?? 1);
	const model: PairModel = {
		...template,
		weights: weights.map((w) => Math.round(w * 1e4) / 1e4),
		bias: Math.round(bias * 1e4) / 1e4,
		threshold,
		source: options.source ?? `fitted on ${items.length} items`
	};
	if (rounds === 0 || samples.length === 0) return { model, trees: [] };
	const trees = fitPairTrees(
		samples.map((s) => s.x),
		samples.map((s) => s.y),
		samples.map((s) => linearMargin(model, s.x)),
		template.features.length,
		{ ...(options.trees || {}), rounds }
	);
	return { model: { ...model, trees }, trees };
}

function linearMargin(model: PairModel, x: ArrayLike<number>): number {
	let z = model.bias;
	for (let k = 0; k < model.weights.length; k++) z += model.weights[k] * x[k];
	return z;
}

function withTrees(model: PairModel, trees: readonly PairTree[], rounds: number): PairModel {
	const { trees: _all, ...linear } = model;
	return rounds > 0 ? { ...linear, trees: trees.slice(0, rounds) } : linear;
}

/** Fits the pair model and tunes its cluster threshold. Deterministic. */
export function trainPairModel(
	items: readonly PairTrainingItem[],
	options: PairTrainingOptions = {}
): PairModel {
	const tuned = tuneThreshold(items, options);
	const { model } = fitModel(
		items,
		options,
		tuned?.threshold ?? options.fallbackThreshold ?? 0.5,
		tuned?.rounds ?? 0
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
}

/** Pooled out-of-fold pair precision/recall of clustering at each threshold. */
export function crossValidateThresholds(
	items: readonly PairTrainingItem[],
	options: PairTrainingOptions = {}
): ThresholdPoint[] {
	return crossValidate(items, options).points;
}

/**
 * Out-of-fold over whole duplicate clusters: the number of boosted trees (by pooled log loss of
 * each held-out fold's candidate pairs), then cluster precision/recall at each threshold and
 * merge factor with that many trees.
 */
function crossValidate(
	items: readonly PairTrainingItem[],
	options: PairTrainingOptions
): { points: ThresholdPoint[]; rounds: number } {
	const folds = options.folds ?? 3;
	const maxRounds = options.trees ? (options.trees.rounds ?? DEFAULT_ROUNDS) : 0;
	const step = options.trees ? Math.max(1, options.trees.roundStep ?? 10) : 1;
	const roots = new Map<string, number>();
	for (const item of items) if (!roots.has(rootOf(item))) roots.set(rootOf(item), roots.size);
	const fitted: Array<{ fit: FittedModel; test: PairTrainingItem[] }> = [];
	const losses = new Float64Array(Math.floor(maxRounds / step) + 1);
	const foldOf = (item: PairTrainingItem) => (roots.get(rootOf(item)) ?? 0) % folds;
	for (let fold = 0; fold < folds; fold++) {
		const train = items.filter((item) => foldOf(item) !== fold);
		const test = items.filter((item) => foldOf(item) === fold);
		const fit = fitModel(train, options, 0.5, maxRounds);
		fitted.push({ fit, test });
		if (maxRounds === 0) continue;
		for (const { x, y } of collectPairSamples(test, { ...options, pairModel: fit.model })) {
			let z = linearMargin(fit.model, x);
			for (let r = 0; r <= maxRounds; r++) {
				if (r > 0) z += predictTree(fit.trees[r - 1], x);
				if (r % step === 0) losses[r / step] += logLoss(z, y);
			}
		}
	}
	let best = 0;
	for (let k = 1; k < losses.length; k++) if (losses[k] < losses[best] - 1e-9) best = k;
	const rounds = best * step;
	return { points: clusterFolds(fitted, rounds, options), rounds };
}

/** Pooled cluster precision/recall of the held-out folds with `rounds` trees. */
function clusterFolds(
	fitted: ReadonlyArray<{ fit: FittedModel; test: PairTrainingItem[] }>,
	rounds: number,
	options: PairTrainingOptions
): ThresholdPoint[] {
	const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
	const factors = options.mergeFactors ?? DEFAULT_MERGE_FACTORS;
	const totals = factors.map(() => thresholds.map(() => ({ predicted: 0, correct: 0, truth: 0 })));
	for (const { fit, test } of fitted) {
		const model = withTrees(fit.model, fit.trees, rounds);
		const index = buildDuplicateIndex(test, { ...options, pairModel: model });
		const gold = new Map(test.map((item) => [item.id, rootOf(item)]));
		factors.forEach((mergeFactor, m) => {
			clusterAtThresholds(index, thresholds, { mergeFactor }).forEach((clusters, t) => {
				const scores = computePairScores(
					clusters.map((c) => c.ids),
					gold
				);
				totals[m][t].predicted += scores.predictedPairs;
				totals[m][t].correct += scores.correctPairs;
				totals[m][t].truth += scores.truePairs;
			});
		});
	}
	const points = factors.flatMap((mergeFactor, m) =>
		thresholds.map((threshold, t) => {
			const total = totals[m][t];
			return {
				threshold,
				mergeFactor,
				precision: total.predicted === 0 ? 1 : total.correct / total.predicted,
				recall: total.truth === 0 ? 0 : total.correct / total.truth
			};
		})
	);
	return points;
}

const DEFAULT_ROUNDS = 150;

/** Logistic loss of margin z for label y. */
function logLoss(z: number, y: number): number {
	const signed = y === 1 ? z : -z;
	return signed > 0 ? Math.log1p(Math.exp(-signed)) : -signed + Math.log1p(Math.exp(signed));
}

/**
 * With a precision target: the threshold and merge factor with the most out-of-fold recall among
 * those reaching it (ties: the higher threshold, then no second pass); otherwise the best F-beta.
 */
function tuneThreshold(
	items: readonly PairTrainingItem[],
	options: PairTrainingOptions
): (ThresholdPoint & { rounds: number }) | null {
	const clustered = new Set(items.filter((i) => i.duplicateOf).map(rootOf));
	if (clustered.size < 6) return null;
	const { points, rounds } = crossValidate(items, options);
	const point = choosePoint(points, options);
	return point ? { ...point, rounds } : null;
}

function choosePoint(
	points: readonly ThresholdPoint[],
	options: PairTrainingOptions
): ThresholdPoint | null {
	const minPrecision = options.minPrecision ?? (options.beta === undefined ? 0.8 : undefined);
	const precise = points.filter(
		(p) => minPrecision !== undefined && p.recall > 0 && p.precision >= minPrecision
	);
	if (precise.length > 0) {
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
