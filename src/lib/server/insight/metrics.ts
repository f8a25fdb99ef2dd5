/**
 * Evaluation measures for categorisation and duplicate detection.
 * Pair measures treat a clustering as the set of unordered pairs of items put together.
 */

/** Share of items whose gold category is among the first `k` suggestions. */
export function computeTopKAccuracy(
	ranked: readonly (readonly string[])[],
	gold: readonly string[],
	k: number
): number {
	if (gold.length === 0) return 0;
	let hits = 0;
	gold.forEach((category, i) => {
		if (ranked[i].slice(0, k).includes(category)) hits++;
	});
	return hits / gold.length;
}

/** Unweighted mean of per-category F1 over the categories present in gold or predictions. */
export function computeMacroF1(predicted: readonly string[], gold: readonly string[]): number {
	const categories = [...new Set([...gold, ...predicted])].sort();
	if (categories.length === 0) return 0;
	let sum = 0;
	for (const category of categories) {
		let tp = 0;
		let fp = 0;
		let fn = 0;
		predicted.forEach((p, i) => {
			if (p === category && gold[i] === category) tp++;
			else if (p === category) fp++;
			else if (gold[i] === category) fn++;
		});
		sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
	}
	return sum / categories.length;
}

/** id → cluster root, from `duplicate_of` links (root = the item pointed at, or the item itself). */
export function clusterRootsFromLinks(
	items: ReadonlyArray<{ id: string; duplicateOf?: string | null }>
): Map<string, string> {
	const roots = new Map<string, string>();
	for (const item of items) roots.set(item.id, item.duplicateOf || item.id);
	return roots;
}

export interface PairScores {
	precision: number;
	recall: number;
	predictedPairs: number;
	truePairs: number;
	correctPairs: number;
}

/**
 * Pair precision/recall of predicted clusters against gold roots. Items absent from the
 * predicted clusters are singletons. Precision is 0 when no pair is predicted.
 */
export function computePairScores(
	predictedClusters: readonly (readonly string[])[],
	goldRoots: ReadonlyMap<string, string>
): PairScores {
	const goldSizes = countBy([...goldRoots.values()]);
	const truePairs = sumPairs(goldSizes.values());
	let predictedPairs = 0;
	let correctPairs = 0;
	for (const cluster of predictedClusters) {
		predictedPairs += choose2(cluster.length);
		const byGold = countBy(cluster.map((id) => goldRoots.get(id) ?? `\u0000${id}`));
		correctPairs += sumPairs(byGold.values());
	}
	return {
		precision: predictedPairs === 0 ? 0 : correctPairs / predictedPairs,
		recall: truePairs === 0 ? 0 : correctPairs / truePairs,
		predictedPairs,
		truePairs,
		correctPairs
	};
}

/**
 * Of the items that have at least one gold cluster-mate, the share whose neighbour list
 * (already cut to k) contains one.
 */
export function computeRecallAtK(
	neighbours: ReadonlyMap<string, readonly string[]>,
	goldRoots: ReadonlyMap<string, string>
): number {
	const sizes = countBy([...goldRoots.values()]);
	let eligible = 0;
	let found = 0;
	for (const [id, root] of goldRoots) {
		if ((sizes.get(root) ?? 0) < 2) continue;
		eligible++;
		if ((neighbours.get(id) ?? []).some((other) => other !== id && goldRoots.get(other) === root)) {
			found++;
		}
	}
	return eligible === 0 ? 0 : found / eligible;
}

function countBy(keys: readonly string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
	return counts;
}

function choose2(n: number): number {
	return (n * (n - 1)) / 2;
}

function sumPairs(sizes: Iterable<number>): number {
	let total = 0;
	for (const size of sizes) total += choose2(size);
	return total;
}
