/**
 * Grouping a whole campaign into candidate duplicate clusters for one-click merging.
 *
 * Each item's candidates (see {@link rankCandidates}) whose pair probability clears the threshold
 * become edges; edges are taken best first and two clusters merge only if the *average* pair
 * probability between them clears the threshold (average linkage), and never beyond a size cap.
 * Plain connected components would chain loosely related items into one big blob.
 */
import {
	buildDuplicateIndex,
	candidatePositions,
	partsOfOneAnswer,
	scorePair,
	type DuplicateIndex,
	type DuplicateOptions,
	type InsightItem
} from './duplicates';
import type { PairModel } from './pair-model';
import { runSteps, type Steps } from './steps';

export interface ClusterOptions extends DuplicateOptions {
	/** Minimum average pair probability inside a cluster (default: the pair model's threshold). */
	threshold?: number;
	/** Candidate edges kept per item. */
	neighbours?: number;
	/** Clusters never grow beyond this many items (keeps review and run time bounded). */
	maxClusterSize?: number;
	/** Merge condition: average pair probability ≥ `linkageFactor` × threshold. */
	linkageFactor?: number;
	/**
	 * Second pass: once no more merges clear the threshold, two clusters (or items) joined by a
	 * candidate edge ≥ `mergeFactor` × threshold are merged when the *average* pair probability
	 * between them is at least that too, which connects paraphrases through intermediaries.
	 * Default: the pair model's tuned `mergeFactor`, else 1 (no second pass).
	 */
	mergeFactor?: number;
}

export interface DuplicateCluster {
	/** Member ids in input order; the first is the natural merge target. */
	ids: string[];
	/** Average pair probability inside the cluster. */
	cohesion: number;
}

type Edge = [number, number, number];

/** Candidate clusters (two or more items each), ordered by their first member's position. */
export function clusterItems(
	items: readonly InsightItem[],
	options: ClusterOptions = {}
): DuplicateCluster[] {
	const index = buildDuplicateIndex(items, options);
	const threshold = options.threshold ?? thresholdForSize(index.model, items.length);
	const mergeFactor = Math.min(1, options.mergeFactor ?? index.model.mergeFactor ?? 1);
	const edges = collectEdges(index, threshold * mergeFactor, options.neighbours ?? 8);
	return clusterFromEdges(index, edges, {
		edgeThreshold: threshold,
		threshold: threshold * (options.linkageFactor ?? 1),
		mergeThreshold: threshold * mergeFactor,
		maxClusterSize: options.maxClusterSize ?? 30
	});
}

/**
 * The pair model's threshold for a campaign of `count` items. It was tuned on cross-validation
 * folds of `model.tunedOn` items; a bigger campaign has proportionally more look-alike
 * candidates per item but not more true duplicates, so the odds of a pair are scaled down by the
 * size ratio (the threshold rises; it never falls for smaller campaigns).
 */
export function thresholdForSize(model: PairModel, count: number): number {
	const ratio = model.tunedOn ? count / model.tunedOn : 1;
	if (!(ratio > 1)) return model.threshold;
	const t = Math.min(Math.max(model.threshold, 1e-6), 1 - 1e-6);
	const logit = Math.log(t / (1 - t)) + Math.log(ratio);
	return Math.round((1 / (1 + Math.exp(-logit))) * 1e4) / 1e4;
}

/**
 * Clusters at several thresholds from one index (used to tune the threshold): the edges are
 * collected once at the lowest threshold.
 */
export function clusterAtThresholds(
	index: DuplicateIndex,
	thresholds: readonly number[],
	options: ThresholdsOptions = {}
): DuplicateCluster[][] {
	return runSteps(clusterAtThresholdsSteps(index, thresholds, options));
}

type ThresholdsOptions = Pick<
	ClusterOptions,
	'neighbours' | 'maxClusterSize' | 'linkageFactor' | 'mergeFactor'
>;

/** `clusterAtThresholds`, pausing while the edges are collected and after each threshold. */
export function* clusterAtThresholdsSteps(
	index: DuplicateIndex,
	thresholds: readonly number[],
	options: ThresholdsOptions = {}
): Steps<DuplicateCluster[][]> {
	const mergeFactor = Math.min(1, options.mergeFactor ?? index.model.mergeFactor ?? 1);
	const lowest = Math.min(...thresholds) * mergeFactor;
	const all = yield* collectEdgesSteps(index, lowest, options.neighbours ?? 8);
	const clustered: DuplicateCluster[][] = [];
	for (const threshold of thresholds) {
		yield;
		clustered.push(
			yield* clusterFromEdgesSteps(
				index,
				all.filter((edge) => edge[2] >= threshold * mergeFactor),
				{
					edgeThreshold: threshold,
					threshold: threshold * (options.linkageFactor ?? 1),
					mergeThreshold: threshold * mergeFactor,
					maxClusterSize: options.maxClusterSize ?? 30
				}
			)
		);
	}
	return clustered;
}

/**
 * Average-linkage merging along `edges` (best first): first the edges ≥ `edgeThreshold` with
 * merges whose average ≥ `threshold`, then (second pass) all edges with merges whose average ≥
 * `mergeThreshold`.
 */
function clusterFromEdges(
	index: DuplicateIndex,
	edges: readonly Edge[],
	limits: MergeLimits
): DuplicateCluster[] {
	return runSteps(clusterFromEdgesSteps(index, edges, limits));
}

function* clusterFromEdgesSteps(
	index: DuplicateIndex,
	edges: readonly Edge[],
	limits: MergeLimits
): Steps<DuplicateCluster[]> {
	const cache = new Map<number, number>();
	const apart = (a: number, b: number) => partsOfOneAnswer(index.items[a], index.items[b]);
	// Parts of one split answer never share a cluster: their pair scores -Infinity, which no
	// average clears, so no merge (however large the clusters) brings them together.
	const score = (a: number, b: number): number => {
		const key = a < b ? a * index.items.length + b : b * index.items.length + a;
		let value = cache.get(key);
		if (value === undefined) {
			value = apart(a, b) ? -Infinity : scorePair(index, a, b);
			cache.set(key, value);
		}
		return value;
	};
	const linkable = edges.filter(([a, b]) => !apart(a, b));
	for (const [a, b, p] of linkable) cache.set(a * index.items.length + b, p);
	const groups = yield* mergeInTwoPassesSteps(index.items.length, linkable, limits, score);
	return groups
		.map((group) => group.sort((a, b) => a - b))
		.sort((a, b) => a[0] - b[0])
		.map((group) => ({
			ids: group.map((position) => index.items[position].id),
			cohesion: Math.round(averageScore(group, group, score) * 1e4) / 1e4
		}));
}

/**
 * Each item's candidates scored by the pair model; the best `neighbours` at or above `threshold`
 * become edges. A pair that is a candidate both ways is scored once (the score is symmetric).
 */
function collectEdges(index: DuplicateIndex, threshold: number, neighbours: number): Edge[] {
	return runSteps(collectEdgesSteps(index, threshold, neighbours));
}

/** Items whose candidates are scored per step (each candidate pair costs a pair-feature vector). */
const ITEMS_PER_STEP = 10;

function* collectEdgesSteps(
	index: DuplicateIndex,
	threshold: number,
	neighbours: number
): Steps<Edge[]> {
	const n = index.items.length;
	const scored = new Map<number, number>();
	const seen = new Set<number>();
	const edges: Edge[] = [];
	const best: Array<[number, number]> = [];
	for (let i = 0; i < n; i++) {
		if (i > 0 && i % ITEMS_PER_STEP === 0) yield;
		best.length = 0;
		for (const j of candidatePositions(index, index.items[i], index.profiles[i], i)) {
			const key = i < j ? i * n + j : j * n + i;
			let p = scored.get(key);
			if (p === undefined) {
				p = scorePair(index, i, j);
				scored.set(key, p);
			}
			if (p >= threshold) best.push([j, p]);
		}
		best.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
		for (let k = 0; k < Math.min(neighbours, best.length); k++) {
			const [j, p] = best[k];
			const key = i < j ? i * n + j : j * n + i;
			if (seen.has(key)) continue;
			seen.add(key);
			edges.push(i < j ? [i, j, p] : [j, i, p]);
		}
	}
	yield;
	// Best first; ties by position so that the result never depends on sort stability.
	return edges.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
}

/**
 * The merge rule on its own (positions, edges `[a, b, probability]` best first, any pair
 * scorer): groups of two or more positions. First pass: edges ≥ `edgeThreshold`, merges whose
 * average pair probability ≥ `threshold`; second pass (only when `mergeThreshold` is lower): all
 * edges, merges whose average ≥ `mergeThreshold`.
 */
export function mergeInTwoPasses(
	count: number,
	edges: ReadonlyArray<readonly [number, number, number]>,
	limits: MergeLimits,
	score: (a: number, b: number) => number
): number[][] {
	return runSteps(mergeInTwoPassesSteps(count, edges, limits, score));
}

interface MergeLimits {
	edgeThreshold: number;
	threshold: number;
	mergeThreshold: number;
	maxClusterSize: number;
}

function* mergeInTwoPassesSteps(
	count: number,
	edges: ReadonlyArray<readonly [number, number, number]>,
	limits: MergeLimits,
	score: (a: number, b: number) => number
): Steps<number[][]> {
	const state = newClusters(count);
	const strong = edges.filter((edge) => edge[2] >= limits.edgeThreshold);
	yield* mergeByAverageLinkageSteps(state, strong, limits.threshold, limits.maxClusterSize, score);
	if (limits.mergeThreshold < limits.threshold) {
		yield* mergeByAverageLinkageSteps(
			state,
			edges,
			limits.mergeThreshold,
			limits.maxClusterSize,
			score
		);
	}
	return state.members.filter((group) => group.length > 1);
}

interface Clusters {
	clusterOf: number[];
	members: number[][];
}

function newClusters(count: number): Clusters {
	return {
		clusterOf: Array.from({ length: count }, (_, i) => i),
		members: Array.from({ length: count }, (_, i) => [i])
	};
}

/**
 * Edges looked at per step of the merging: each merge that is tried scores every pair between two
 * clusters (up to 30 × 30), most of them not yet scored.
 */
const EDGES_PER_STEP = 200;

/** Merges clusters of `state` in place. */
function* mergeByAverageLinkageSteps(
	state: Clusters,
	edges: ReadonlyArray<readonly [number, number, number]>,
	threshold: number,
	maxClusterSize: number,
	score: (a: number, b: number) => number
): Steps<void> {
	const { clusterOf, members } = state;
	for (const [e, [i, j]] of edges.entries()) {
		if (e > 0 && e % EDGES_PER_STEP === 0) yield;
		const a = clusterOf[i];
		const b = clusterOf[j];
		if (a === b || members[a].length + members[b].length > maxClusterSize) continue;
		if (averageScore(members[a], members[b], score) < threshold) continue;
		for (const position of members[b]) clusterOf[position] = a;
		members[a].push(...members[b]);
		members[b] = [];
	}
}

/** Mean pair score between two groups (within one group when both are the same array). */
function averageScore(
	a: readonly number[],
	b: readonly number[],
	score: (x: number, y: number) => number
): number {
	let sum = 0;
	let count = 0;
	for (const x of a) {
		for (const y of b) {
			if (a === b && y <= x) continue;
			sum += score(x, y);
			count++;
		}
	}
	return count === 0 ? 0 : sum / count;
}
