/**
 * Finding suggestions that raise the same concrete issue.
 *
 * Duplicates are paraphrases by different people, so character overlap alone misses many. The
 * score of a pair adds up: the cosine of IDF-weighted character bi/trigram vectors (rare, distinctive
 * terms count most), shared lexicon topics (the same issue in other words), and bonuses for the
 * same township and the same (suggested or confirmed) category. Candidates come from an inverted
 * index, so a query touches only items sharing a distinctive feature or the township+category.
 */
import { computeIdf, matchTopics, TOPIC_PREFIX, type SparseVector } from './features';
import { DEFAULT_LEXICON, type LexiconTopic } from './lexicon';
import { extractFeatures } from './tokenize';

export interface InsightItem {
	id: string;
	text: string;
	township?: string | null;
	category?: string | null;
}

export interface SimilarItem {
	id: string;
	score: number;
}

export interface DuplicateOptions {
	/** Added when both items name the same township. */
	townshipBonus?: number;
	/** Added when both items carry the same category. */
	categoryBonus?: number;
	/** Weight of a lexicon topic feature relative to an n-gram of the same IDF. */
	topicBoost?: number;
	/** Features in more than this share of items are ignored when looking for candidates. */
	maxDocumentShare?: number;
	lexicon?: readonly LexiconTopic[];
}

/** Pre-computed vectors and postings of a set of items; build once per campaign (or history). */
export interface DuplicateIndex {
	items: readonly InsightItem[];
	vectors: SparseVector[];
	settings: Required<Omit<DuplicateOptions, 'lexicon'>>;
	lexicon: readonly LexiconTopic[];
	features: Map<string, number>;
	idf: number[];
	postings: Array<Array<[number, number]>>;
	groups: Map<string, number[]>;
	maxPostings: number;
	/** Reusable accumulator for queries (one slot per item), so a query allocates no big array. */
	scratch: Float64Array;
}

/** Bounds on how common a feature may be and still propose candidates (keeps queries fast). */
const MIN_POSTINGS = 20;
const MAX_POSTINGS = 100;

export const DEFAULT_DUPLICATE_OPTIONS = {
	townshipBonus: 0.12,
	categoryBonus: 0.12,
	topicBoost: 1,
	maxDocumentShare: 0.05
};

/** Indexes items for {@link findSimilar}. IDF is computed over these items. */
export function buildDuplicateIndex(
	items: readonly InsightItem[],
	options: DuplicateOptions = {}
): DuplicateIndex {
	const lexicon = options.lexicon ?? DEFAULT_LEXICON;
	const settings = { ...DEFAULT_DUPLICATE_OPTIONS, ...withoutUndefined(options) };
	const bags = items.map((item) => extractDuplicateFeatures(item.text, lexicon));
	const features = new Map<string, number>();
	const frequency: number[] = [];
	for (const bag of bags) {
		for (const feature of bag.keys()) {
			const index = features.get(feature) ?? features.set(feature, features.size).size - 1;
			frequency[index] = (frequency[index] ?? 0) + 1;
		}
	}
	const idf = frequency.map((df) => computeIdf(df, items.length));
	const index: DuplicateIndex = {
		items,
		vectors: [],
		settings,
		lexicon,
		features,
		idf,
		postings: frequency.map(() => []),
		groups: new Map(),
		scratch: new Float64Array(items.length),
		maxPostings: Math.min(
			MAX_POSTINGS,
			Math.max(MIN_POSTINGS, Math.ceil(settings.maxDocumentShare * items.length))
		)
	};
	bags.forEach((bag, i) => addVector(index, i, vectorFromBag(index, bag)));
	return index;
}

function withoutUndefined(options: DuplicateOptions): Partial<typeof DEFAULT_DUPLICATE_OPTIONS> {
	const { lexicon: _lexicon, ...rest } = options;
	return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

function addVector(index: DuplicateIndex, position: number, vector: SparseVector): void {
	index.vectors.push(vector);
	vector.indices.forEach((f, k) => index.postings[f].push([position, vector.values[k]]));
	const key = groupKey(index.items[position]);
	if (!key) return;
	const group = index.groups.get(key);
	if (group) group.push(position);
	else index.groups.set(key, [position]);
}

/** Character bi- and trigrams (unigrams are too common to tell issues apart) plus topics. */
function extractDuplicateFeatures(
	text: string,
	lexicon: readonly LexiconTopic[]
): Map<string, number> {
	const bag = extractFeatures(text, { minN: 2, maxN: 3 });
	for (const topic of matchTopics(text, lexicon)) bag.set(TOPIC_PREFIX + topic.id, 1);
	return bag;
}

/** Sublinear TF × IDF, L2-normalised, over the index's features (unknown ones are dropped). */
function vectorFromBag(index: DuplicateIndex, bag: Map<string, number>): SparseVector {
	const entries: Array<[number, number]> = [];
	for (const [feature, count] of bag) {
		const f = index.features.get(feature);
		if (f === undefined) continue;
		const boost = feature.startsWith(TOPIC_PREFIX) ? index.settings.topicBoost : 1;
		entries.push([f, (1 + Math.log(count)) * index.idf[f] * boost]);
	}
	entries.sort((a, b) => a[0] - b[0]);
	const norm = Math.sqrt(entries.reduce((sum, [, v]) => sum + v * v, 0)) || 1;
	return { indices: entries.map(([f]) => f), values: entries.map(([, v]) => v / norm) };
}

function groupKey(item: InsightItem): string | null {
	return item.township && item.category ? `${item.township}\u0000${item.category}` : null;
}

/** Bonus for same township / same category; applies only when both sides know the value. */
function contextBonus(index: DuplicateIndex, a: InsightItem, b: InsightItem): number {
	let bonus = 0;
	if (a.township && a.township === b.township) bonus += index.settings.townshipBonus;
	if (a.category && a.category === b.category) bonus += index.settings.categoryBonus;
	return bonus;
}

/**
 * The `k` indexed items most likely to raise the same issue as `item`, best first.
 * An indexed item with the same id as `item` is skipped.
 */
export function findSimilar(index: DuplicateIndex, item: InsightItem, k = 5): SimilarItem[] {
	const vector = vectorFromBag(index, extractDuplicateFeatures(item.text, index.lexicon));
	const scores = scoreCandidates(index, item, vector);
	return [...scores]
		.filter(([position]) => index.items[position].id !== item.id)
		.map(([position, score]) => ({ id: index.items[position].id, score, position }))
		.sort((a, b) => b.score - a.score || a.position - b.position)
		.slice(0, Math.max(0, k))
		.map(({ id, score }) => ({ id, score: round(score) }));
}

/**
 * Items from an earlier campaign's index that probably raise the same issue ("raised before"):
 * the best `k` matches scoring at least `threshold`.
 */
export function findRaisedBefore(
	history: DuplicateIndex,
	item: InsightItem,
	threshold = DEFAULT_CLUSTER_THRESHOLD,
	k = 3
): SimilarItem[] {
	return findSimilar(history, item, k).filter((match) => match.score >= threshold);
}

/** Default score above which two items are put in one cluster (tuned on training data). */
export const DEFAULT_CLUSTER_THRESHOLD = 0.25;

/** Score accumulation over postings: cosine via shared features, then the context bonus. */
export function scoreCandidates(
	index: DuplicateIndex,
	item: InsightItem,
	vector: SparseVector
): Map<number, number> {
	const { scratch } = index;
	const touched: number[] = [];
	vector.indices.forEach((f, k) => {
		const posting = index.postings[f];
		if (posting.length > index.maxPostings) return;
		const weight = vector.values[k];
		for (let p = 0; p < posting.length; p++) {
			const position = posting[p][0];
			if (scratch[position] === 0) touched.push(position);
			scratch[position] += posting[p][1] * weight;
		}
	});
	const scores = new Map<number, number>();
	for (const position of touched) {
		scores.set(position, scratch[position]);
		scratch[position] = 0;
	}
	const key = groupKey(item);
	for (const position of (key && index.groups.get(key)) || []) {
		if (!scores.has(position)) scores.set(position, 0);
	}
	for (const [position, score] of scores) {
		scores.set(position, score + contextBonus(index, item, index.items[position]));
	}
	return scores;
}

/** Exact pair score between two indexed items (full cosine, no posting cut-off). */
export function scorePair(index: DuplicateIndex, a: number, b: number): number {
	const x = index.vectors[a];
	const y = index.vectors[b];
	let dot = 0;
	for (let i = 0, j = 0; i < x.indices.length && j < y.indices.length;) {
		if (x.indices[i] === y.indices[j]) dot += x.values[i++] * y.values[j++];
		else if (x.indices[i] < y.indices[j]) i++;
		else j++;
	}
	return dot + contextBonus(index, index.items[a], index.items[b]);
}

function round(value: number): number {
	return Math.round(value * 1e4) / 1e4;
}
