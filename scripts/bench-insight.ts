/**
 * Benchmark: npm run bench:insight [-- <suggestions.jsonl>]
 * The frozen test split of the dev set (`frozenSplit` in src/lib/server/insight/dataset.ts: by
 * duplicate cluster, seed 20261202, ~70/30; never used for tuning): trained and cold-start
 * figures, cluster precision/recall at several thresholds, clustering time for 2,000 and 20,000
 * synthetic items, suggest latency. Every result is one JSON line on stdout.
 *
 * npm run bench:insight -- --fit-default-pair-model [<suggestions.jsonl>] instead prints the pair
 * model fitted on the frozen split's training side (how the built-in DEFAULT_PAIR_MODEL was made).
 *
 * npm run bench:insight -- --seeds 1,2,3,4,5 [<suggestions.jsonl>] instead prints the trained
 * figures of inner splits of the frozen split's *training side* (one per seed) and their mean: the
 * figures to tune on. The test side is never read by it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
	FROZEN_TEST_SEED,
	frozenSplit,
	innerSplit,
	parseJsonLines,
	type LabelledRecord
} from '../src/lib/server/insight/dataset';
import { titleFrom } from '../src/lib/server/suggestions/items';
import { evaluateInsight, withOutOfFoldCategories } from '../src/lib/server/insight/evaluation';
import { trainPairModel } from '../src/lib/server/insight/pair-training';
import { createCategoriser } from '../src/lib/server/insight/categoriser';
import {
	clusterAtThresholds,
	clusterItems,
	thresholdForSize
} from '../src/lib/server/insight/clustering';
import { buildDuplicateIndex, type InsightItem } from '../src/lib/server/insight/duplicates';
import { clusterRootsFromLinks, computePairScores } from '../src/lib/server/insight/metrics';
import { createPrng } from '../src/lib/server/insight/prng';

function print(value: object): void {
	process.stdout.write(`${JSON.stringify(value)}\n`);
}

/**
 * Deterministic synthetic campaign: each item joins clauses of two dev texts and sometimes drops
 * or swaps a character, so the corpus keeps realistic n-gram statistics without being copies.
 */
function synthesiseItems(
	records: readonly LabelledRecord[],
	count: number,
	seed: number
): InsightItem[] {
	const random = createPrng(seed);
	const pick = () => records[Math.floor(random() * records.length)];
	const clauses = (text: string) => text.split(/[，。！？,.!?；;]/u).filter((c) => c.length > 0);
	return Array.from({ length: count }, (_, i) => {
		const first = pick();
		const second = pick();
		const head = clauses(first.text);
		const tail = clauses(second.text);
		let text = [...head.slice(0, Math.max(1, head.length - 1)), tail[tail.length - 1] ?? ''].join(
			'，'
		);
		if (random() < 0.3 && text.length > 4) {
			const at = 1 + Math.floor(random() * (text.length - 2));
			text = text.slice(0, at) + text.slice(at + 1);
		}
		return { id: `S${i + 1}`, text, township: first.township, category: first.category };
	});
}

function measureSuggestLatency(train: readonly LabelledRecord[], texts: readonly string[]): object {
	const categoriser = createCategoriser();
	categoriser.train(train);
	for (const text of texts.slice(0, 50)) categoriser.suggest(text); // warm-up
	const start = performance.now();
	const rounds = 5;
	for (let r = 0; r < rounds; r++) for (const text of texts) categoriser.suggest(text);
	const msPerItem = (performance.now() - start) / (rounds * texts.length);
	const modelBytes = Buffer.byteLength(JSON.stringify(categoriser.toJSON()));
	return {
		suggestMsPerItem: Math.round(msPerItem * 1e4) / 1e4,
		items: texts.length * rounds,
		modelBytes
	};
}

const OPERATING_THRESHOLDS = [
	0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8
];

/**
 * Cluster pair precision/recall on the held-out split at several pair-probability thresholds
 * (pair model and categoriser trained on the training split only), so the trade-off is visible.
 * Every point uses the tuned second-pass merge factor.
 */
function operatingPoints(train: readonly LabelledRecord[], heldOut: readonly LabelledRecord[]) {
	const categoriser = createCategoriser();
	categoriser.train(train);
	const pairModel = trainPairModel(withOutOfFoldCategories(train));
	const items: InsightItem[] = heldOut.map((r) => {
		const distribution = categoriser.distribution(r.text);
		return {
			id: r.id,
			text: r.text,
			township: r.township,
			category: distribution[0]?.category ?? null,
			categories: distribution
		};
	});
	const roots = clusterRootsFromLinks(heldOut);
	const index = buildDuplicateIndex(items, { pairModel });
	return clusterAtThresholds(index, OPERATING_THRESHOLDS).map((clusters, t) => {
		const scores = computePairScores(
			clusters.map((c) => c.ids),
			roots
		);
		return {
			threshold: OPERATING_THRESHOLDS[t],
			precision: Math.round(scores.precision * 1e4) / 1e4,
			recall: Math.round(scores.recall * 1e4) / 1e4,
			clusters: clusters.length,
			tuned: OPERATING_THRESHOLDS[t] === pairModel.threshold,
			mergeFactor: pairModel.mergeFactor ?? 1,
			// what clusterItems uses for a campaign of this size (see thresholdForSize)
			thresholdForSize: thresholdForSize(pairModel, heldOut.length)
		};
	});
}

function parseSeeds(list: string | undefined): number[] {
	const seeds = (list ?? '').split(',').map(Number);
	if (seeds.length === 0 || !seeds.every(Number.isInteger)) {
		process.stderr.write('bench-insight: --seeds wants a comma-separated list of integers\n');
		process.exit(2);
	}
	return seeds;
}

/** Trained figures on the inner split of each seed, one line each, then their means. */
function printSeedAverages(
	trainingSide: readonly LabelledRecord[],
	seeds: readonly number[]
): void {
	const keys = [
		'top1',
		'top3',
		'macroF1',
		'dupRecallAt5',
		'dupRecallAt5Arrival',
		'dupPrecision',
		'dupRecall'
	] as const;
	const sums = new Map<string, number>(keys.map((k) => [k, 0]));
	for (const seed of seeds) {
		const { train, heldOut } = innerSplit(trainingSide, seed);
		const result = evaluateInsight(train, heldOut, { titleOf: titleFrom });
		print({ seed, ...result });
		for (const k of keys) sums.set(k, (sums.get(k) ?? 0) + result[k]);
	}
	print({
		seeds,
		mean: Object.fromEntries(
			keys.map((k) => [k, Math.round(((sums.get(k) ?? 0) / seeds.length) * 1e4) / 1e4])
		)
	});
}

function main(): void {
	const args = process.argv.slice(2);
	const fitDefault = args[0] === '--fit-default-pair-model';
	if (fitDefault) args.shift();
	const seeds = args[0] === '--seeds' ? parseSeeds(args[1]) : null;
	if (seeds) args.splice(0, 2);
	const path = resolve(args[0] ?? '../shared/data/suggestions.dev.jsonl');
	let records: LabelledRecord[];
	try {
		records = parseJsonLines(readFileSync(path, 'utf8'), path);
	} catch (error) {
		process.stderr.write(`bench-insight: ${(error as Error).message}\n`);
		process.exit(2);
	}
	const { train, test: heldOut } = frozenSplit(records);
	if (fitDefault) {
		const model = trainPairModel(withOutOfFoldCategories(train), {
			source: `trainPairModel on the ${train.length} training-side items of the frozen split of ${path.split('/').pop()} (seed ${FROZEN_TEST_SEED})`
		});
		print(model);
		return;
	}
	if (seeds) {
		printSeedAverages(train, seeds);
		return;
	}
	print({
		split: 'frozen test',
		seed: FROZEN_TEST_SEED,
		train: train.length,
		eval: heldOut.length
	});
	print({ model: 'cold-start', ...evaluateInsight([], heldOut, { titleOf: titleFrom }) });
	print({ model: 'trained', ...evaluateInsight(train, heldOut, { titleOf: titleFrom }) });
	print({ clusterOperatingPoints: operatingPoints(train, heldOut) });
	print(
		measureSuggestLatency(
			train,
			heldOut.map((r) => r.text)
		)
	);
	for (const count of [2000, 20000]) {
		const items = synthesiseItems(records, count, count);
		const start = performance.now();
		const clusters = clusterItems(items);
		print({
			clusterItems: count,
			ms: Math.round(performance.now() - start),
			clusters: clusters.length
		});
	}
	// The contract line last: the trained model on the frozen test split.
	print(evaluateInsight(train, heldOut, { titleOf: titleFrom }));
}

main();
