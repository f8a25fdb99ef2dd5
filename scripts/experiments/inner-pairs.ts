/**
 * Shared by the experiments that judge a new similarity signal against the pair model on inner
 * splits of the frozen split's training side (never its test side): the side itself, each inner
 * split with its categoriser and pair model trained as the product trains an organisation's, every
 * pair of held-out items scored by that model, and the pooled figures of a pair score.
 */
import { readFileSync } from 'node:fs';
import { createCategoriser, type Categoriser } from '../../src/lib/server/insight/categoriser';
import {
	frozenSplit,
	innerSplit,
	parseJsonLines,
	type LabelledRecord
} from '../../src/lib/server/insight/dataset';
import { buildDuplicateIndex, scorePair } from '../../src/lib/server/insight/duplicates';
import {
	withOutOfFoldCategories,
	withRankedCategories
} from '../../src/lib/server/insight/evaluation';
import { clusterRootsFromLinks } from '../../src/lib/server/insight/metrics';
import { organisationPairModel } from '../../src/lib/server/insight/pair-learning';
import type { PairModel } from '../../src/lib/server/insight/pair-model';
import { parseArgs } from '../cli-args';

/** The frozen split's training side of the shared data set. */
export function trainingSide(): LabelledRecord[] {
	const path = '../shared/data/suggestions.dev.jsonl';
	return frozenSplit(parseJsonLines(readFileSync(path, 'utf8'), path)).train;
}

/** `--seeds 1,2,3` from the command line, or the given default. */
export function seedsArgument(fallback = '1,2,3,4,5'): number[] {
	return (parseArgs(process.argv.slice(2)).seeds ?? fallback).split(',').map(Number);
}

export interface InnerSplit {
	train: LabelledRecord[];
	heldOut: LabelledRecord[];
	categoriser: Categoriser;
	pairModel: PairModel;
}

/** An inner split with a categoriser and a pair model trained on its training part. */
export function trainedInnerSplit(side: readonly LabelledRecord[], seed: number): InnerSplit {
	const { train, heldOut } = innerSplit(side, seed);
	const categoriser = createCategoriser();
	categoriser.train(train);
	const pairModel = organisationPairModel(withOutOfFoldCategories(train), 'experiment');
	if (!pairModel) throw new Error('no pair model');
	return { train, heldOut, categoriser, pairModel };
}

export interface ScoredPair {
	/** Held-out positions of the two items. */
	i: number;
	j: number;
	/** The pair model's probability (held-out items carry their predicted categories). */
	model: number;
	duplicate: boolean;
}

/** Every pair of held-out items, scored by the split's pair model. */
export function scoredPairs({ heldOut, categoriser, pairModel }: InnerSplit): ScoredPair[] {
	const ranked = heldOut.map((r) => categoriser.suggest(r.text).map((s) => s.category));
	const index = buildDuplicateIndex(withRankedCategories(heldOut, ranked, categoriser), {
		pairModel
	});
	const roots = clusterRootsFromLinks(heldOut);
	const pairs: ScoredPair[] = [];
	for (let i = 0; i < heldOut.length; i++) {
		for (let j = i + 1; j < heldOut.length; j++) {
			const duplicate = roots.get(heldOut[i].id) === roots.get(heldOut[j].id);
			pairs.push({ i, j, model: scorePair(index, i, j), duplicate });
		}
	}
	return pairs;
}

/** Average precision, and the most recall at pair precision ≥ 0.8, of a score over `pairs`. */
export function pairFigures<P extends { duplicate: boolean }>(
	pairs: readonly P[],
	score: (pair: P) => number
): string {
	const sorted = pairs.map((p) => [score(p), p.duplicate ? 1 : 0]).sort((a, b) => b[0] - a[0]);
	const positives = sorted.filter(([, y]) => y).length;
	let found = 0;
	let averagePrecision = 0;
	let recallAtPrecision = 0;
	sorted.forEach(([, y], k) => {
		if (y) {
			found++;
			averagePrecision += found / (k + 1);
		}
		if (found / (k + 1) >= 0.8) recallAtPrecision = Math.max(recallAtPrecision, found / positives);
	});
	return `AP ${(averagePrecision / positives).toFixed(3)}  recall at P≥0.8 ${recallAtPrecision.toFixed(3)}`;
}

export const logit = (p: number) => Math.log(Math.max(p, 1e-9) / Math.max(1 - p, 1e-9));
