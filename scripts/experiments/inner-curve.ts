/**
 * Experiment (not run by the product): pooled cluster precision/recall on inner splits of the
 * frozen split's training side at several thresholds, and at the threshold the model chose.
 *   npx tsx scripts/experiments/inner-curve.ts [--seeds 1,2,3,4,5]
 * Environment: SHARE (training share of each inner split, default 0.7), L2, FOLDS and MINP (the
 * pair training's l2, folds and an explicit minPrecision). Never reads the frozen test side.
 */
import { innerSplit, splitByCluster } from '../../src/lib/server/insight/dataset';
import { createCategoriser } from '../../src/lib/server/insight/categoriser';
import {
	withOutOfFoldCategories,
	withRankedCategories
} from '../../src/lib/server/insight/evaluation';
import { organisationPairModel } from '../../src/lib/server/insight/pair-learning';
import { clusterAtThresholds, thresholdForSize } from '../../src/lib/server/insight/clustering';
import { buildDuplicateIndex } from '../../src/lib/server/insight/duplicates';
import { clusterRootsFromLinks, computePairScores } from '../../src/lib/server/insight/metrics';
import { seedsArgument, trainingSide } from './inner-pairs';

const seeds = seedsArgument();
const T = Array.from({ length: 35 }, (_, k) => Math.round((0.1 + 0.025 * k) * 1000) / 1000);
const side = trainingSide();
const tot = T.map(() => ({ p: 0, c: 0, t: 0 }));
const chosen = { p: 0, c: 0, t: 0 };
for (const seed of seeds) {
	const { train, heldOut } = process.env.SHARE
		? splitByCluster(side, Number(process.env.SHARE), seed)
		: innerSplit(side, seed);
	const categoriser = createCategoriser();
	categoriser.train(train);
	const model = organisationPairModel(withOutOfFoldCategories(train), 'exp', {
		...(process.env.L2 ? { l2: Number(process.env.L2) } : {}),
		...(process.env.FOLDS ? { folds: Number(process.env.FOLDS) } : {}),
		...(process.env.MINP ? { minPrecision: Number(process.env.MINP) } : {})
	});
	if (!model) throw new Error('no model');
	const ranked = heldOut.map((r) => categoriser.suggest(r.text).map((s) => s.category));
	const items = withRankedCategories(heldOut, ranked, categoriser);
	const roots = clusterRootsFromLinks(heldOut);
	const index = buildDuplicateIndex(items, { pairModel: model });
	const th = thresholdForSize(model, items.length);
	const all = clusterAtThresholds(index, [...T, th]);
	all.forEach((clusters, k) => {
		const s = computePairScores(
			clusters.map((c) => c.ids),
			roots
		);
		const bucket = k < T.length ? tot[k] : chosen;
		bucket.p += s.predictedPairs;
		bucket.c += s.correctPairs;
		bucket.t += s.truePairs;
	});
	console.log(
		JSON.stringify({
			seed,
			threshold: model.threshold,
			th,
			mergeFactor: model.mergeFactor,
			tunedOn: model.tunedOn
		})
	);
}
const f = (b: { p: number; c: number; t: number }) =>
	`P ${(b.p ? b.c / b.p : 1).toFixed(3)} R ${(b.c / b.t).toFixed(3)}`;
if (!process.env.QUIET) T.forEach((t, k) => console.log(t, f(tot[k])));
for (const target of [0.75, 0.8, 0.85]) {
	let best = 0;
	let at = 0;
	T.forEach((t, k) => {
		const b = tot[k];
		if (b.p && b.c / b.p >= target && b.c / b.t > best) {
			best = b.c / b.t;
			at = t;
		}
	});
	console.log(`maxR@P>=${target} ${best.toFixed(3)} (t ${at})`);
}
console.log('chosen', f(chosen));
