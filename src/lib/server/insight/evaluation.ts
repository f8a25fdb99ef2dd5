/**
 * End-to-end evaluation used by the CLI, the benchmark and the tests: train the categoriser on
 * one labelled set, then measure categorisation and duplicate detection on another. Nothing of
 * the evaluation set's labels reaches training; the duplicate finder sees the evaluation texts
 * (and townships) only as the corpus being searched, as the product would.
 */
import { createCategoriser, type Categoriser, type CategoriserOptions } from './categoriser';
import { clusterItems, type ClusterOptions } from './clustering';
import type { LabelledRecord } from './dataset';
import { buildDuplicateIndex, findSimilar, type InsightItem } from './duplicates';
import {
	buildHintIndexSteps,
	findHints,
	hintItem,
	HINTS_SHOWN,
	withPredictedCategories
} from './hints';
import { runSteps } from './steps';
import { organisationPairModel, outOfFoldCategoriesSteps } from './pair-learning';
import type { PairModel } from './pair-model';
import type { PairTrainingItem, PairTrainingOptions } from './pair-training';
import {
	clusterRootsFromLinks,
	computeMacroF1,
	computePairScores,
	computeRecallAtK,
	computeTopKAccuracy
} from './metrics';

export interface EvaluationResult {
	n: number;
	top1: number;
	top3: number;
	macroF1: number;
	dupRecallAt5: number;
	/**
	 * The queue's path (`hints.ts`): items arrive uncategorised in the eval file's order, each
	 * compared with all before it; the share of items with an earlier duplicate that see one among
	 * the hints shown (at most five).
	 */
	dupRecallAt5Arrival: number;
	dupPrecision: number;
	dupRecall: number;
	trainMs: number;
	msPerItem: number;
	clusterMs: number;
	/** Per arriving item: rebuilding the index of the items before it and finding its hints. */
	arrivalMsPerItem: number;
}

export interface EvaluationOptions {
	categoriser?: CategoriserOptions;
	clusters?: ClusterOptions;
	pairTraining?: PairTrainingOptions;
	/** Pass the categoriser's full distribution to the duplicate finder (default true). */
	distributions?: boolean;
	/** The title a new suggestion gets from its answer (the product's `titleFrom`). */
	titleOf?: (text: string) => string;
}

/** `train` empty → the cold-start lexicon is evaluated. */
export function evaluateInsight(
	train: readonly LabelledRecord[],
	evaluation: readonly LabelledRecord[],
	options: EvaluationOptions = {}
): EvaluationResult {
	const categoriser = createCategoriser(options.categoriser);
	const trainStart = performance.now();
	let clusterOptions: ClusterOptions = { ...options.clusters };
	if (train.length > 0) {
		categoriser.train(train);
		// The organisation's own model, as the product fits it from its merges (pair-learning.ts).
		const pairModel = organisationPairModel(
			withOutOfFoldCategories(train, options),
			'the training file',
			options.pairTraining
		);
		if (pairModel) clusterOptions = { ...clusterOptions, pairModel };
	}
	const trainMs = performance.now() - trainStart;
	const withDistributions = options.distributions ?? true;

	const suggestStart = performance.now();
	const ranked = evaluation.map((r) => categoriser.suggest(r.text).map((s) => s.category));
	const msPerItem = (performance.now() - suggestStart) / Math.max(1, evaluation.length);
	const items = withRankedCategories(evaluation, ranked, withDistributions ? categoriser : null);
	const roots = clusterRootsFromLinks(evaluation);
	const duplicates = measureDuplicates(items, roots, clusterOptions);
	const arrival = measureArrival(evaluation, categoriser, {
		titleOf: options.titleOf,
		pairModel: clusterOptions.pairModel
	});
	return {
		n: evaluation.length,
		...categoryFigures(
			ranked,
			evaluation.map((r) => r.category)
		),
		dupRecallAt5: duplicates.dupRecallAt5,
		dupRecallAt5Arrival: arrival.recall,
		dupPrecision: duplicates.dupPrecision,
		dupRecall: duplicates.dupRecall,
		trainMs: Math.round(trainMs),
		msPerItem: round(msPerItem),
		clusterMs: duplicates.clusterMs,
		arrivalMsPerItem: arrival.msPerItem
	};
}

/** Top-1, top-3 and macro-F1 of the categories ranked for each item, against the gold ones. */
export function categoryFigures(
	ranked: readonly (readonly string[])[],
	gold: readonly string[]
): Pick<EvaluationResult, 'top1' | 'top3' | 'macroF1'> {
	return {
		top1: round(computeTopKAccuracy(ranked, gold, 1)),
		top3: round(computeTopKAccuracy(ranked, gold, 3)),
		macroF1: round(
			computeMacroF1(
				ranked.map((r) => r[0] ?? ''),
				gold
			)
		)
	};
}

/**
 * The records as the duplicate finder sees them: with the categories ranked for them (and the
 * categoriser's distribution, unless `categoriser` is null) — predicted, never gold, so the eval
 * labels cannot help the duplicate finder.
 */
export function withRankedCategories(
	records: readonly LabelledRecord[],
	ranked: readonly (readonly string[])[],
	categoriser: Categoriser | null
): InsightItem[] {
	return records.map((r, i) => ({
		id: r.id,
		text: r.text,
		township: r.township,
		category: ranked[i][0] ?? null,
		categories: categoriser ? categoriser.distribution(r.text) : null
	}));
}

/**
 * What a reviewer sees (issue 19): the items arrive one at a time, uncategorised, in the order
 * given; each gets the queue's hints among all the items before it (an index of exactly those, as
 * the queue rebuilds it after every new answer while it is small), each with the categories the
 * categoriser (trained on the training set, as the organisation's model is on its decisions)
 * predicts, scored by the organisation's pair model (the built-in one without). Recall: of the
 * items that have an earlier duplicate, the share whose hints hold one. With `reviewed`, the first
 * that many items carry the category a reviewer gave them, and only the items from `from` on count.
 */
export function measureArrival(
	evaluation: readonly LabelledRecord[],
	categoriser: Categoriser,
	options: {
		titleOf?: (text: string) => string;
		pairModel?: PairModel;
		reviewed?: number;
		from?: number;
	} = {}
): { recall: number; msPerItem: number } {
	const start = performance.now();
	const titleOf = options.titleOf ?? ((text: string) => text);
	const reviewed = options.reviewed ?? 0;
	const items = evaluation.map((r, i) =>
		withPredictedCategories(
			hintItem({
				id: r.id,
				title: titleOf(r.text),
				texts: [r.text],
				township: r.township,
				category: i < reviewed ? r.category : null
			}),
			categoriser
		)
	);
	const rootOf = (r: LabelledRecord) => r.duplicateOf || r.id;
	const seen = new Set<string>();
	let eligible = 0;
	let found = 0;
	evaluation.forEach((record, i) => {
		const root = rootOf(record);
		if (seen.has(root) && i >= (options.from ?? 0)) {
			eligible++;
			const index = runSteps(
				buildHintIndexSteps(items.slice(0, i), { pairModel: options.pairModel })
			);
			const hints = findHints(index, items[i]);
			const earlier = new Map(evaluation.slice(0, i).map((r) => [r.id, rootOf(r)]));
			if (hints.slice(0, HINTS_SHOWN).some((h) => earlier.get(h.id) === root)) found++;
		}
		seen.add(root);
	});
	const msPerItem = (performance.now() - start) / Math.max(1, eligible);
	return { recall: eligible === 0 ? 0 : round(found / eligible), msPerItem: round(msPerItem) };
}

export function measureDuplicates(
	items: readonly InsightItem[],
	roots: ReadonlyMap<string, string>,
	options: ClusterOptions = {}
): Pick<EvaluationResult, 'dupRecallAt5' | 'dupPrecision' | 'dupRecall' | 'clusterMs'> {
	const index = buildDuplicateIndex(items, options);
	const neighbours = new Map(
		items.map((item) => [item.id, findSimilar(index, item, 5).map((match) => match.id)])
	);
	const clusterStart = performance.now();
	const clusters = clusterItems(items, options);
	const clusterMs = performance.now() - clusterStart;
	const pairs = computePairScores(
		clusters.map((cluster) => cluster.ids),
		roots
	);
	return {
		dupRecallAt5: round(computeRecallAtK(neighbours, roots)),
		dupPrecision: round(pairs.precision),
		dupRecall: round(pairs.recall),
		clusterMs: Math.round(clusterMs)
	};
}

export function round(value: number): number {
	return Math.round(value * 1e4) / 1e4;
}

/**
 * Training items for the pair model, each with the category (and distribution) a categoriser
 * trained on the *other* folds predicts (see {@link outOfFoldCategoriesSteps}).
 */
export function withOutOfFoldCategories(
	records: readonly LabelledRecord[],
	options: EvaluationOptions = {},
	folds = 3
): PairTrainingItem[] {
	return runSteps(
		outOfFoldCategoriesSteps(records, {
			categoriser: options.categoriser,
			distributions: options.distributions,
			folds
		})
	);
}
