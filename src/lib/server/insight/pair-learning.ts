/**
 * The organisation's own pair model (issue 19, item 3): fitted on the duplicates its reviewers
 * merged, so the hints and the automatic clusters learn the organisation's way of writing. One
 * function for the product (pair-model-service.ts, a background job) and the CLI's `--feedback`,
 * so what is measured is what runs.
 */
import { trainCategoriserSteps, type CategoriserOptions } from './categoriser';
import type { LabelledRecord } from './dataset';
import { DEFAULT_PAIR_MODEL } from './pair-model-default';
import type { PairModel } from './pair-model';
import {
	trainPairModelSteps,
	type PairTrainingItem,
	type PairTrainingOptions
} from './pair-training';
import { runSteps, type Steps } from './steps';

/**
 * Fewer duplicate clusters than this and the built-in model is kept: the threshold cannot be
 * tuned by cross-validation below 6 clusters (pair-training.ts), and a model fitted on a handful
 * of merges is noise.
 */
export const MIN_PAIR_CLUSTERS = 10;
/** Training items at most (the newest): fitting costs about 10 ms per item, off the request path. */
export const MAX_PAIR_ITEMS = 1_500;

/** Duplicate clusters (roots with at least two items) among these items. */
export function duplicateClusters(items: readonly PairTrainingItem[]): number {
	const sizes = new Map<string, number>();
	for (const item of items) {
		const root = item.duplicateOf || item.id;
		sizes.set(root, (sizes.get(root) ?? 0) + 1);
	}
	return [...sizes.values()].filter((n) => n >= 2).length;
}

/**
 * The pair model fitted on the organisation's reviewed items (each knowing the root of its
 * duplicate cluster, with the categories a categoriser predicts for it), or null when there are
 * too few merged duplicates to learn from (the built-in model is used then).
 */
export function organisationPairModel(
	items: readonly PairTrainingItem[],
	source = 'the organisation’s merges',
	options: PairTrainingOptions = {}
): PairModel | null {
	return runSteps(organisationPairModelSteps(items, source, options));
}

/** `organisationPairModel` in steps, for a server to fit it between requests. */
export function* organisationPairModelSteps(
	items: readonly PairTrainingItem[],
	source = 'the organisation’s merges',
	options: PairTrainingOptions = {}
): Steps<PairModel | null> {
	const newest = items.slice(-MAX_PAIR_ITEMS);
	const clusters = duplicateClusters(newest);
	if (clusters < MIN_PAIR_CLUSTERS) return null;
	return yield* trainPairModelSteps(newest, {
		...options,
		source: `${source}: ${newest.length} items, ${clusters} duplicate clusters`
	});
}

/** The organisation's model when it has one, else the built-in one. */
export function pairModelOrDefault(model: PairModel | null | undefined): PairModel {
	return model ?? DEFAULT_PAIR_MODEL;
}

/**
 * Training items for the pair model, each with the category (and distribution) a categoriser
 * trained on the *other* folds predicts: at run time the duplicate finder sees predicted
 * categories, which are wrong now and then, so the pair model must learn how far to trust them.
 * In steps (each fold's training pauses between passes), so a server can run it between requests.
 */
export function* outOfFoldCategoriesSteps(
	records: readonly LabelledRecord[],
	options: { categoriser?: CategoriserOptions; distributions?: boolean; folds?: number } = {}
): Steps<PairTrainingItem[]> {
	const folds = options.folds ?? 3;
	const predicted: Array<Array<{ category: string; confidence: number }>> = [];
	for (let fold = 0; fold < folds; fold++) {
		const categoriser = yield* trainCategoriserSteps(
			records.filter((_, i) => i % folds !== fold),
			{ ...options.categoriser, calibrate: false }
		);
		records.forEach((r, i) => {
			if (i % folds === fold) predicted[i] = categoriser.distribution(r.text);
		});
		yield;
	}
	const withDistributions = options.distributions ?? true;
	return records.map((r, i) => ({
		id: r.id,
		text: r.text,
		township: r.township,
		category: predicted[i][0]?.category ?? null,
		categories: withDistributions ? predicted[i] : null,
		duplicateOf: r.duplicateOf
	}));
}
