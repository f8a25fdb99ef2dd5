/**
 * Grouping a whole campaign into candidate duplicate clusters for one-click merging.
 *
 * Each item's best neighbours above the threshold become candidate edges; edges are taken best
 * first and two clusters merge only if their *average* pair score clears the threshold (average
 * linkage). Plain connected components would chain loosely related items into one big blob.
 */
import {
	DEFAULT_CLUSTER_THRESHOLD,
	buildDuplicateIndex,
	scoreCandidates,
	scorePair,
	type DuplicateIndex,
	type DuplicateOptions,
	type InsightItem
} from './duplicates';

export interface ClusterOptions extends DuplicateOptions {
	/** Minimum average pair score inside a cluster. */
	threshold?: number;
	/** Candidate edges kept per item. */
	neighbours?: number;
	/** Clusters never grow beyond this many items (keeps review and run time bounded). */
	maxClusterSize?: number;
}

export interface DuplicateCluster {
	/** Member ids in input order; the first is the natural merge target. */
	ids: string[];
	/** Average pair score inside the cluster. */
	cohesion: number;
}

type Edge = [number, number, number];

/** Candidate clusters (two or more items each), ordered by their first member's position. */
export function clusterItems(
	items: readonly InsightItem[],
	options: ClusterOptions = {}
): DuplicateCluster[] {
	const threshold = options.threshold ?? DEFAULT_CLUSTER_THRESHOLD;
	const index = buildDuplicateIndex(items, options);
	const edges = collectEdges(index, threshold, options.neighbours ?? 8);
	const members = mergeByAverageLinkage(index, edges, threshold, options.maxClusterSize ?? 30);
	return members
		.filter((group) => group.length > 1)
		.map((group) => group.sort((a, b) => a - b))
		.sort((a, b) => a[0] - b[0])
		.map((group) => ({
			ids: group.map((position) => items[position].id),
			cohesion: Math.round(averageScore(index, group, group) * 1e4) / 1e4
		}));
}

function collectEdges(index: DuplicateIndex, threshold: number, neighbours: number): Edge[] {
	const edges: Edge[] = [];
	index.items.forEach((item, i) => {
		const best = [...scoreCandidates(index, item, index.vectors[i])]
			.filter(([j, score]) => j !== i && score >= threshold)
			.sort((a, b) => b[1] - a[1] || a[0] - b[0])
			.slice(0, neighbours);
		for (const [j, score] of best) edges.push(i < j ? [i, j, score] : [j, i, score]);
	});
	// Best first; ties by position so that the result never depends on sort stability.
	return edges.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
}

function mergeByAverageLinkage(
	index: DuplicateIndex,
	edges: readonly Edge[],
	threshold: number,
	maxClusterSize: number
): number[][] {
	const clusterOf = index.items.map((_, i) => i);
	const members = index.items.map((_, i) => [i]);
	for (const [i, j] of edges) {
		const a = clusterOf[i];
		const b = clusterOf[j];
		if (a === b || members[a].length + members[b].length > maxClusterSize) continue;
		if (averageScore(index, members[a], members[b]) < threshold) continue;
		for (const position of members[b]) clusterOf[position] = a;
		members[a].push(...members[b]);
		members[b] = [];
	}
	return members.filter((group) => group.length > 0);
}

/** Mean pair score between two groups (within one group when both are the same array). */
function averageScore(index: DuplicateIndex, a: readonly number[], b: readonly number[]): number {
	let sum = 0;
	let count = 0;
	for (const x of a) {
		for (const y of b) {
			if (a === b && y <= x) continue;
			sum += scorePair(index, x, y);
			count++;
		}
	}
	return count === 0 ? 0 : sum / count;
}
