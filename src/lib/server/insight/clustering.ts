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
	scorePair,
	type DuplicateIndex,
	type DuplicateOptions,
	type InsightItem
} from './duplicates';

export interface ClusterOptions extends DuplicateOptions {
	/** Minimum average pair probability inside a cluster (default: the pair model's threshold). */
	threshold?: number;
	/** Candidate edges kept per item. */
	neighbours?: number;
	/** Clusters never grow beyond this many items (keeps review and run time bounded). */
	maxClusterSize?: number;
	/** Merge condition: average pair probability ≥ `linkageFactor` × threshold. */
	linkageFactor?: number;
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
	const threshold = options.threshold ?? index.model.threshold;
	const edges = collectEdges(index, threshold, options.neighbours ?? 8);
	return clusterFromEdges(
		index,
		edges,
		threshold * (options.linkageFactor ?? 1),
		options.maxClusterSize ?? 30
	);
}

/**
 * Clusters at several thresholds from one index (used to tune the threshold): the edges are
 * collected once at the lowest threshold.
 */
export function clusterAtThresholds(
	index: DuplicateIndex,
	thresholds: readonly number[],
	options: Pick<ClusterOptions, 'neighbours' | 'maxClusterSize' | 'linkageFactor'> = {}
): DuplicateCluster[][] {
	const lowest = Math.min(...thresholds);
	const all = collectEdges(index, lowest, options.neighbours ?? 8);
	return thresholds.map((threshold) =>
		clusterFromEdges(
			index,
			all.filter((edge) => edge[2] >= threshold),
			threshold * (options.linkageFactor ?? 1),
			options.maxClusterSize ?? 30
		)
	);
}

function clusterFromEdges(
	index: DuplicateIndex,
	edges: readonly Edge[],
	threshold: number,
	maxClusterSize: number
): DuplicateCluster[] {
	const cache = new Map<number, number>();
	const score = (a: number, b: number): number => {
		const key = a < b ? a * index.items.length + b : b * index.items.length + a;
		let value = cache.get(key);
		if (value === undefined) {
			value = scorePair(index, a, b);
			cache.set(key, value);
		}
		return value;
	};
	for (const [a, b, p] of edges) cache.set(a * index.items.length + b, p);
	const members = mergeByAverageLinkage(
		index.items.length,
		edges,
		threshold,
		maxClusterSize,
		score
	);
	return members
		.filter((group) => group.length > 1)
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
	const n = index.items.length;
	const scored = new Map<number, number>();
	const seen = new Set<number>();
	const edges: Edge[] = [];
	const best: Array<[number, number]> = [];
	for (let i = 0; i < n; i++) {
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
	// Best first; ties by position so that the result never depends on sort stability.
	return edges.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
}

function mergeByAverageLinkage(
	count: number,
	edges: readonly Edge[],
	threshold: number,
	maxClusterSize: number,
	score: (a: number, b: number) => number
): number[][] {
	const clusterOf = Array.from({ length: count }, (_, i) => i);
	const members = Array.from({ length: count }, (_, i) => [i]);
	for (const [i, j] of edges) {
		const a = clusterOf[i];
		const b = clusterOf[j];
		if (a === b || members[a].length + members[b].length > maxClusterSize) continue;
		if (averageScore(members[a], members[b], score) < threshold) continue;
		for (const position of members[b]) clusterOf[position] = a;
		members[a].push(...members[b]);
		members[b] = [];
	}
	return members.filter((group) => group.length > 0);
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
