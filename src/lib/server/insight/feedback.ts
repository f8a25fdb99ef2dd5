/**
 * The learning curve (issue 19, item 3): how the figures move as reviewers work through a new
 * campaign. `npm run categorize -- --train F --eval F --feedback 0,25,50,100` replays the first N
 * decisions of the eval file in arrival order as a reviewer makes them — for each item, its
 * category (one decision) and, when an earlier item raised the same issue, the merge (another) —
 * lets the models learn them as the product does, and measures the rest of the file.
 *
 * As the product: each category choice teaches the categoriser at once (`learn`, as
 * `learnDecision`), and a full retrain on every decision follows once 50 have been made since
 * (categoriser-service.ts); the organisation's pair model is fitted again once 10 duplicate
 * decisions have been made (pair-model-service.ts), on the training file's merges and the
 * replayed ones, with categories predicted out of fold.
 */
import { createCategoriser, type Categoriser, type CategoriserOptions } from './categoriser';
import { clusterItems } from './clustering';
import type { InsightItem } from './duplicates';
import type { LabelledRecord } from './dataset';
import {
	categoryFigures,
	measureArrival,
	round,
	withOutOfFoldCategories,
	withRankedCategories
} from './evaluation';
import { organisationPairModel } from './pair-learning';
import type { PairModel } from './pair-model';
// The product's own retrain intervals: the replay retrains exactly when the product would.
import { RETRAIN_EVERY as CATEGORISER_RETRAIN_EVERY } from './categoriser-service';
import { PAIR_RETRAIN_EVERY } from './pair-model-service';

export interface FeedbackPoint {
	/** Decisions asked for, and made (a whole item's decisions at a time). */
	feedback: number;
	decisions: number;
	/** Items reviewed (categorised, merged); the figures are on the items after them. */
	reviewed: number;
	n: number;
	top1: number;
	top3: number;
	macroF1: number;
	dupRecallAt5Arrival: number;
	dupPrecision: number;
	dupRecall: number;
	/** Where the pair model came from: the training file, or it plus the replayed merges. */
	pairModel: string;
}

/** The items the first `decisions` decisions review, and the merges among them. */
export function replayedDecisions(
	evaluation: readonly LabelledRecord[],
	decisions: number
): { reviewed: number; made: number; merges: number } {
	const rootOf = (r: LabelledRecord) => r.duplicateOf || r.id;
	const seen = new Set<string>();
	let made = 0;
	let merges = 0;
	let reviewed = 0;
	for (const record of evaluation) {
		if (made >= decisions) break;
		made++;
		if (seen.has(rootOf(record))) {
			made++;
			merges++;
		}
		seen.add(rootOf(record));
		reviewed++;
	}
	return { reviewed, made, merges };
}

export function evaluateFeedback(
	train: readonly LabelledRecord[],
	evaluation: readonly LabelledRecord[],
	feedback: number,
	options: { titleOf?: (text: string) => string; categoriser?: CategoriserOptions } = {}
): FeedbackPoint {
	const { reviewed, made, merges } = replayedDecisions(evaluation, feedback);
	const done = evaluation.slice(0, reviewed);
	const rest = evaluation.slice(reviewed);

	// The reviewer's merges: each reviewed item joins the first reviewed item of its issue.
	const firstOf = new Map<string, string>();
	const merged = done.map((r) => {
		const root = r.duplicateOf || r.id;
		const first = firstOf.get(root);
		if (!first) firstOf.set(root, r.id);
		return { ...r, duplicateOf: first ?? '' };
	});

	const categoriser = createCategoriser(options.categoriser);
	if (done.length >= CATEGORISER_RETRAIN_EVERY) {
		// A full retrain has run on every decision so far; those since the last one are learned.
		const retrainedAt = done.length - (done.length % CATEGORISER_RETRAIN_EVERY);
		categoriser.train([...train, ...done.slice(0, retrainedAt)]);
		for (const r of done.slice(retrainedAt)) categoriser.learn(r);
	} else {
		if (train.length > 0) categoriser.train(train);
		for (const r of done) categoriser.learn(r);
	}

	const fitted = merges >= PAIR_RETRAIN_EVERY;
	const pairItems = fitted ? [...train, ...merged] : train;
	const pairModel: PairModel | undefined =
		pairItems.length > 0
			? (organisationPairModel(withOutOfFoldCategories(pairItems), 'replay') ?? undefined)
			: undefined;

	const ranked = rest.map((r) => categoriser.suggest(r.text).map((s) => s.category));
	const duplicates = measureClustersAfterReview(done, rest, ranked, categoriser, pairModel);
	const arrival = measureArrival(evaluation, categoriser, {
		titleOf: options.titleOf,
		pairModel,
		reviewed,
		from: reviewed
	});
	return {
		feedback,
		decisions: made,
		reviewed,
		n: rest.length,
		...categoryFigures(
			ranked,
			rest.map((r) => r.category)
		),
		dupRecallAt5Arrival: arrival.recall,
		dupPrecision: duplicates.dupPrecision,
		dupRecall: duplicates.dupRecall,
		pairModel: !pairModel
			? 'built-in'
			: fitted
				? `training file + ${merges} replayed merges`
				: 'training file'
	};
}

/**
 * The automatic clusters as the product makes them once the first items are reviewed
 * (`possibleDuplicates`: every live suggestion of the campaign). Each reviewed issue is one
 * suggestion holding the answers merged into it, in the category the reviewer chose; the rest
 * arrive uncategorised and carry predicted categories. Pair precision and recall count the pairs
 * of answers that involve at least one of the rest (a suggestion stands for every answer it holds):
 * pairs among reviewed answers are the reviewer's own merges, not the model's. With nothing
 * reviewed, this is the CLI's cluster figure on the rest alone.
 */
export function measureClustersAfterReview(
	done: readonly LabelledRecord[],
	rest: readonly LabelledRecord[],
	ranked: readonly (readonly string[])[],
	categoriser: Categoriser,
	pairModel: PairModel | undefined
): { dupPrecision: number; dupRecall: number } {
	const rootOf = (r: LabelledRecord) => r.duplicateOf || r.id;
	const issues = new Map<string, LabelledRecord[]>();
	for (const r of done) issues.set(rootOf(r), [...(issues.get(rootOf(r)) ?? []), r]);
	const members = new Map<string, string[]>();
	const reviewed: InsightItem[] = [...issues.values()].map((records) => {
		const [first] = records;
		members.set(
			first.id,
			records.map((r) => r.id)
		);
		return {
			id: first.id,
			text: records.map((r) => r.text).join('。'),
			township: first.township,
			category: first.category,
			categories: null
		};
	});
	const items = [...reviewed, ...withRankedCategories(rest, ranked, categoriser)];
	const clusters = clusterItems(items, { pairModel });

	const root = new Map([...done, ...rest].map((r) => [r.id, rootOf(r)]));
	const isRest = new Set(rest.map((r) => r.id));
	/** Pairs of these answers with at least one of the rest: all of them, and those of one issue. */
	const pairs = (ids: readonly string[]) => {
		let all = 0;
		let same = 0;
		for (let i = 0; i < ids.length; i++) {
			for (let j = i + 1; j < ids.length; j++) {
				if (!isRest.has(ids[i]) && !isRest.has(ids[j])) continue;
				all++;
				if (root.get(ids[i]) === root.get(ids[j])) same++;
			}
		}
		return { all, same };
	};
	let predicted = 0;
	let correct = 0;
	for (const cluster of clusters) {
		const { all, same } = pairs(cluster.ids.flatMap((id) => members.get(id) ?? [id]));
		predicted += all;
		correct += same;
	}
	const byIssue = new Map<string, string[]>();
	for (const [id, r] of root) byIssue.set(r, [...(byIssue.get(r) ?? []), id]);
	let truth = 0;
	for (const ids of byIssue.values()) truth += pairs(ids).same;
	return {
		dupPrecision: round(predicted === 0 ? 0 : correct / predicted),
		dupRecall: round(truth === 0 ? 0 : correct / truth)
	};
}
