/**
 * Finding suggestions that raise the same concrete issue.
 *
 * Duplicates are paraphrases by different people, so character overlap alone misses many. Two
 * stages:
 * 1. candidates: an inverted index over IDF-weighted character bi/trigrams of the
 *    synonym-normalised text, lexicon topics and fine-grained concepts, plus every item of the same
 *    township and category; the best few dozen by a cheap score go on;
 * 2. the pair model ({@link PairModel}, logistic regression) turns features of each candidate pair
 *    (n-gram cosine, shared topics and concepts, same township, same/overlapping category, shared
 *    rare term or village name, length ratio) into the probability that both raise one issue.
 * Scores returned are those probabilities.
 */
import { normaliseForDuplicates, matchConcepts, DEFAULT_CONCEPTS, type Concept } from './concepts';
import { computeIdf, matchTopics, TOPIC_PREFIX, type SparseVector } from './features';
import { DEFAULT_LEXICON, type LexiconTopic } from './lexicon';
import { PAIR_FEATURES, predictPair, type PairModel } from './pair-model';
import { DEFAULT_PAIR_MODEL } from './pair-model-default';
import { countContentUnits, extractFeatures } from './tokenize';
import { runSteps, type Steps } from './steps';

export interface InsightItem {
	id: string;
	text: string;
	township?: string | null;
	/** Confirmed or suggested category. */
	category?: string | null;
	/** Optional category distribution (e.g. the categoriser's `distribution(text)`). */
	categories?: ReadonlyArray<{ category: string; confidence: number }> | null;
	/**
	 * The raw answers the item holds, each as "response:question". Two items holding parts of one
	 * answer are that answer split by a reviewer: they raise different points on purpose and are
	 * never offered as duplicates of each other.
	 */
	answers?: readonly string[];
}

/** Whether two items hold parts of one answer (see `InsightItem.answers`). */
export function partsOfOneAnswer(a: InsightItem, b: InsightItem): boolean {
	if (!a.answers?.length || !b.answers?.length) return false;
	return a.answers.some((answer) => b.answers!.includes(answer));
}

export interface SimilarItem {
	id: string;
	/** Probability (0–1) that both items raise the same issue. */
	score: number;
}

export interface DuplicateOptions {
	/** Pair model (default: the built-in {@link DEFAULT_PAIR_MODEL}). */
	pairModel?: PairModel;
	/** Candidates per item passed from the cheap first stage to the pair model. */
	candidates?: number;
	/** First stage: added when both items name the same township. */
	townshipBonus?: number;
	/** First stage: added when both items carry the same category. */
	categoryBonus?: number;
	/** First stage: weight of a topic/concept feature relative to an n-gram of the same IDF. */
	topicBoost?: number;
	/** Features in more than this share of items are ignored when looking for candidates. */
	maxDocumentShare?: number;
	lexicon?: readonly LexiconTopic[];
	concepts?: readonly Concept[];
}

type Settings = Required<
	Omit<DuplicateOptions, 'lexicon' | 'concepts' | 'pairModel' | 'maxDocumentShare'>
> & { maxDocumentShare: number };

const enum Kind {
	Ngram = 0,
	Topic = 1,
	Concept = 2,
	/** A concept of company-wide scope (policy, channels, staff matters). */
	WideConcept = 3
}

/** What the pair features need of one item. */
export interface Profile {
	/** N-grams, topics and concepts (first-stage candidate search). */
	combined: SparseVector;
	/** N-grams only, L2-normalised. */
	ngrams: SparseVector;
	/** Topics and concepts only, IDF-weighted, L2-normalised. */
	topics: SparseVector;
	units: number;
	places: string[];
	distribution: Map<string, number> | null;
}

/** Pre-computed profiles and postings of a set of items; build once per campaign (or history). */
export interface DuplicateIndex {
	items: readonly InsightItem[];
	profiles: Profile[];
	settings: Settings;
	model: PairModel;
	lexicon: readonly LexiconTopic[];
	concepts: readonly Concept[];
	features: Map<string, number>;
	kinds: Kind[];
	idf: number[];
	/** IDF of a feature seen once: normalises "how rare is the rarest shared term". */
	maxIdf: number;
	/**
	 * Postings in compressed-row form: the items holding feature f are
	 * `postingPositions[postingStart[f] .. postingStart[f + 1])`, with their weights in
	 * `postingValues` (flat typed arrays: no per-entry objects to chase or collect).
	 */
	postingStart: Int32Array;
	postingPositions: Int32Array;
	postingValues: Float64Array;
	/** Entries filled so far per feature (while building). */
	postingFill: Int32Array;
	groups: Map<string, number[]>;
	maxPostings: number;
	/** Reusable accumulator for queries (one slot per item), so a query allocates no big array. */
	scratch: Float64Array;
	/** Reusable pair-feature buffer. */
	buffer: Float64Array;
	/** Category → offset of its block in the pair features. */
	categoryBlock: Map<string, number>;
}

/** Positions in {@link PAIR_FEATURES} repeated as `differentTownshipX…` (in that order). */
const CROSSED_FEATURES = [0, 1, 2, 3, 4, 9, 10, 11, 12, 16];

/** Bounds on how common a feature may be and still propose candidates (keeps queries fast). */
const MIN_POSTINGS = 20;
const MAX_POSTINGS = 100;
const CONCEPT_PREFIX = '@k:';

export const DEFAULT_DUPLICATE_OPTIONS = {
	candidates: 40,
	townshipBonus: 0.12,
	categoryBonus: 0.12,
	topicBoost: 1,
	maxDocumentShare: 0.05
};

/** Default pair probability above which two items are put in one cluster. */
export const DEFAULT_CLUSTER_THRESHOLD = DEFAULT_PAIR_MODEL.threshold;

/** Indexes items for {@link findSimilar}. IDF is computed over these items. */
export function buildDuplicateIndex(
	items: readonly InsightItem[],
	options: DuplicateOptions = {}
): DuplicateIndex {
	return runSteps(buildDuplicateIndexSteps(items, options));
}

const ITEMS_PER_STEP = 100;

/**
 * `buildDuplicateIndex`, pausing after every ITEMS_PER_STEP items in each pass over them (about
 * 10–20 ms of work each).
 */
export function* buildDuplicateIndexSteps(
	items: readonly InsightItem[],
	options: DuplicateOptions = {}
): Steps<DuplicateIndex> {
	const lexicon = options.lexicon ?? DEFAULT_LEXICON;
	const concepts = options.concepts ?? DEFAULT_CONCEPTS;
	const settings: Settings = { ...DEFAULT_DUPLICATE_OPTIONS, ...withoutUndefined(options) };
	const model = options.pairModel ?? DEFAULT_PAIR_MODEL;
	const bags: ReturnType<typeof extractBag>[] = [];
	for (const item of items) {
		bags.push(extractBag(item.text, lexicon, concepts));
		if (bags.length % ITEMS_PER_STEP === 0) yield;
	}
	const wide = new Set(concepts.filter((c) => c.wide).map((c) => CONCEPT_PREFIX + c.id));
	const features = new Map<string, number>();
	const kinds: Kind[] = [];
	const frequency: number[] = [];
	for (const [b, bag] of bags.entries()) {
		for (const feature of bag.counts.keys()) {
			let f = features.get(feature);
			if (f === undefined) {
				f = features.size;
				features.set(feature, f);
				kinds.push(wide.has(feature) ? Kind.WideConcept : kindOf(feature));
				frequency.push(0);
			}
			frequency[f]++;
		}
		if ((b + 1) % ITEMS_PER_STEP === 0) yield;
	}
	const index: DuplicateIndex = {
		items,
		profiles: [],
		settings,
		model,
		lexicon,
		concepts,
		features,
		kinds,
		idf: frequency.map((df) => computeIdf(df, items.length)),
		maxIdf: computeIdf(1, Math.max(items.length, 2)),
		...emptyPostings(frequency),
		groups: new Map(),
		scratch: new Float64Array(items.length),
		buffer: new Float64Array(model.weights.length),
		categoryBlock: new Map(model.categories.map((c, k) => [c, PAIR_FEATURES.length + 2 * k])),
		maxPostings: Math.min(
			MAX_POSTINGS,
			Math.max(MIN_POSTINGS, Math.ceil(settings.maxDocumentShare * items.length))
		)
	};
	for (let i = 0; i < bags.length; i++) {
		addProfile(index, i, profileFromBag(index, bags[i], items[i]));
		if ((i + 1) % ITEMS_PER_STEP === 0) yield;
	}
	return index;
}

function emptyPostings(frequency: readonly number[]) {
	const postingStart = new Int32Array(frequency.length + 1);
	for (let f = 0; f < frequency.length; f++) postingStart[f + 1] = postingStart[f] + frequency[f];
	const total = postingStart[frequency.length];
	return {
		postingStart,
		postingFill: new Int32Array(frequency.length),
		postingPositions: new Int32Array(total),
		postingValues: new Float64Array(total)
	};
}

function withoutUndefined(options: DuplicateOptions): Partial<Settings> {
	const { lexicon: _l, concepts: _c, pairModel: _p, ...rest } = options;
	return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

function kindOf(feature: string): Kind {
	if (feature.startsWith(TOPIC_PREFIX)) return Kind.Topic;
	if (feature.startsWith(CONCEPT_PREFIX)) return Kind.Concept;
	return Kind.Ngram;
}

function addProfile(index: DuplicateIndex, position: number, profile: Profile): void {
	index.profiles.push(profile);
	const { combined } = profile;
	for (let k = 0; k < combined.indices.length; k++) {
		const f = combined.indices[k];
		// Filled in position order, so slot = start + number of earlier items holding f.
		const slot = index.postingStart[f] + index.postingFill[f]++;
		index.postingPositions[slot] = position;
		index.postingValues[slot] = combined.values[k];
	}
	const key = groupKey(index.items[position]);
	if (!key) return;
	const group = index.groups.get(key);
	if (group) group.push(position);
	else index.groups.set(key, [position]);
}

interface Bag {
	counts: Map<string, number>;
	units: number;
	places: string[];
}

/** Bi- and trigrams of the synonym-normalised text (unigrams are too common), topics, concepts. */
function extractBag(
	text: string,
	lexicon: readonly LexiconTopic[],
	concepts: readonly Concept[]
): Bag {
	const safe = typeof text === 'string' ? text : '';
	const normalised = normaliseForDuplicates(safe);
	const counts = extractFeatures(normalised, { minN: 2, maxN: 3 });
	for (const topic of matchTopics(safe, lexicon)) counts.set(TOPIC_PREFIX + topic.id, 1);
	for (const id of matchConcepts(normalised, concepts)) counts.set(CONCEPT_PREFIX + id, 1);
	return { counts, units: countContentUnits(safe), places: extractPlaces(normalised) };
}

/** Words that precede 村/组/… without naming a place ("我们村", "这个组"). */
const NOT_PLACES = new Set([
	'我们',
	'你们',
	'他们',
	'这个',
	'那个',
	'哪个',
	'每个',
	'各个',
	'全部',
	'部分',
	'偏远',
	'一个',
	'几个',
	'好多',
	'很多',
	'附近',
	'隔壁',
	'本',
	'全',
	'各',
	'本村',
	'农村',
	'乡村',
	'城乡',
	'安置',
	'老'
]);

/** Named villages, groups and estates ("石桥村", "五组"): a shared one is strong evidence. */
export function extractPlaces(normalised: string): string[] {
	const places = new Set<string>();
	for (const match of normalised.matchAll(
		/([\u4e00-\u9fff0-9]{1,3}?)(村|组|社区|小区|屋场|冲)/gu
	)) {
		const name = match[1];
		if (name.length === 0 || NOT_PLACES.has(name) || NOT_PLACES.has(name.slice(-2))) continue;
		places.add(name + match[2]);
	}
	return [...places].sort();
}

/** Sublinear TF × IDF vectors over the index's features (unknown ones are dropped). */
function profileFromBag(index: DuplicateIndex, bag: Bag, item: InsightItem): Profile {
	const combined: Array<[number, number]> = [];
	for (const [feature, count] of bag.counts) {
		const f = index.features.get(feature);
		if (f === undefined) continue;
		const boost = index.kinds[f] === Kind.Ngram ? 1 : index.settings.topicBoost;
		combined.push([f, (1 + Math.log(count)) * index.idf[f] * boost]);
	}
	combined.sort((a, b) => a[0] - b[0]);
	return {
		combined: normalise(combined),
		ngrams: normalise(combined.filter(([f]) => index.kinds[f] === Kind.Ngram)),
		topics: normalise(
			combined
				.filter(([f]) => index.kinds[f] !== Kind.Ngram)
				.map(([f]): [number, number] => [f, index.idf[f]])
		),
		units: bag.units,
		places: bag.places,
		distribution: item.categories?.length
			? new Map(item.categories.map((c) => [c.category, c.confidence]))
			: null
	};
}

function normalise(entries: ReadonlyArray<[number, number]>): SparseVector {
	const norm = Math.sqrt(entries.reduce((sum, [, v]) => sum + v * v, 0)) || 1;
	return { indices: entries.map(([f]) => f), values: entries.map(([, v]) => v / norm) };
}

function groupKey(item: InsightItem): string | null {
	return item.township && item.category ? `${item.township}\u0000${item.category}` : null;
}

/**
 * Pair features in the order of {@link PAIR_FEATURES}, written into `out`.
 * Symmetric in the two items.
 */
export function computePairFeatures(
	index: DuplicateIndex,
	a: InsightItem,
	pa: Profile,
	b: InsightItem,
	pb: Profile,
	out: Float64Array = new Float64Array(index.model.weights.length)
): Float64Array {
	const ngram = sharedNgrams(index, pa.ngrams, pb.ngrams);
	let topicCosine = 0;
	let sharedConcepts = 0;
	let sharedTopic = 0;
	let sharedWide = 0;
	const x = pa.topics;
	const y = pb.topics;
	for (let i = 0, j = 0; i < x.indices.length && j < y.indices.length;) {
		if (x.indices[i] === y.indices[j]) {
			topicCosine += x.values[i] * y.values[j];
			const kind = index.kinds[x.indices[i]];
			if (kind === Kind.Topic) sharedTopic = 1;
			else sharedConcepts++;
			if (kind === Kind.WideConcept) sharedWide++;
			i++;
			j++;
		} else if (x.indices[i] < y.indices[j]) i++;
		else j++;
	}
	const bothTownship = !!a.township && !!b.township;
	const sameTownship = bothTownship && a.township === b.township ? 1 : 0;
	const bothCategory = !!a.category && !!b.category;
	const sameCategory = bothCategory && a.category === b.category ? 1 : 0;
	let overlap = sameCategory;
	if (pa.distribution && pb.distribution) {
		overlap = 0;
		for (const [category, p] of pa.distribution) {
			overlap += p * (pb.distribution.get(category) ?? 0);
		}
	}
	const shorter = Math.min(pa.units, pb.units);
	const longer = Math.max(pa.units, pb.units);
	out[0] = ngram.cosine;
	out[1] = Math.sqrt(Math.max(0, ngram.cosine));
	out[2] = topicCosine;
	out[3] = Math.min(sharedConcepts, 3) / 3;
	out[4] = sharedTopic;
	out[5] = sameTownship;
	out[6] = bothTownship && !sameTownship ? 1 : 0;
	out[7] = sameCategory;
	out[8] = bothCategory && !sameCategory ? 1 : 0;
	out[9] = overlap;
	out[10] = longer === 0 ? 0 : shorter / longer;
	out[11] = ngram.rarest;
	out[12] = pa.places.some((p) => pb.places.includes(p)) ? 1 : 0;
	out[13] = sameTownship * ngram.cosine;
	out[14] = sameTownship * topicCosine;
	out[15] = sameCategory * topicCosine;
	out[16] = ngram.cosine * topicCosine;
	out[17] = Math.min(sharedWide, 2) / 2;
	out[18] = out[17] * out[6];
	// Shared n-grams over those of the shorter text: a short item restating part of a longer one.
	const fewer = Math.min(pa.ngrams.indices.length, pb.ngrams.indices.length);
	out[19] = fewer === 0 ? 0 : ngram.shared / fewer;
	// The same evidence again for pairs from different townships (a separate regime: there only
	// company-wide issues are duplicates).
	for (let k = 0; k < CROSSED_FEATURES.length; k++) {
		out[PAIR_FEATURES.length - CROSSED_FEATURES.length + k] = out[CROSSED_FEATURES[k]] * out[6];
	}
	out.fill(0, PAIR_FEATURES.length);
	const block = sameCategory ? index.categoryBlock.get(a.category ?? '') : undefined;
	if (block !== undefined) {
		out[block] = 1;
		out[block + 1] = sameTownship;
	}
	return out;
}

/**
 * Cosine of two n-gram vectors, how rare (0–1) the rarest shared n-gram is, and how many n-grams
 * they share.
 */
function sharedNgrams(
	index: DuplicateIndex,
	x: SparseVector,
	y: SparseVector
): { cosine: number; rarest: number; shared: number } {
	let cosine = 0;
	let shared = 0;
	let maxIdf = 0;
	for (let i = 0, j = 0; i < x.indices.length && j < y.indices.length;) {
		if (x.indices[i] === y.indices[j]) {
			cosine += x.values[i] * y.values[j];
			maxIdf = Math.max(maxIdf, index.idf[x.indices[i]]);
			shared++;
			i++;
			j++;
		} else if (x.indices[i] < y.indices[j]) i++;
		else j++;
	}
	const rarest = maxIdf === 0 ? 0 : Math.max(0, (maxIdf - 1) / Math.max(1e-9, index.maxIdf - 1));
	return { cosine, rarest, shared };
}

/** The probability that indexed items `a` and `b` raise the same issue. */
export function scorePair(index: DuplicateIndex, a: number, b: number): number {
	const features = computePairFeatures(
		index,
		index.items[a],
		index.profiles[a],
		index.items[b],
		index.profiles[b],
		index.buffer
	);
	return predictPair(index.model, features);
}

/**
 * The `k` indexed items most likely to raise the same issue as `item`, best first.
 * An indexed item with the same id as `item` is skipped.
 */
export function findSimilar(index: DuplicateIndex, item: InsightItem, k = 5): SimilarItem[] {
	const profile = profileOf(index, item);
	return rankCandidates(index, item, profile)
		.filter(
			([position]) =>
				index.items[position].id !== item.id && !partsOfOneAnswer(index.items[position], item)
		)
		.slice(0, Math.max(0, k))
		.map(([position, score]) => ({ id: index.items[position].id, score: round(score) }));
}

/** What the pair features need of an item that may not be in the index (a query). */
export function profileOf(index: DuplicateIndex, item: InsightItem): Profile {
	return profileFromBag(index, extractBag(item.text, index.lexicon, index.concepts), item);
}

/** The probability that `item` (with its profile) and the indexed item at `position` are one issue. */
export function scoreAgainst(
	index: DuplicateIndex,
	item: InsightItem,
	profile: Profile,
	position: number
): number {
	const features = computePairFeatures(
		index,
		item,
		profile,
		index.items[position],
		index.profiles[position],
		index.buffer
	);
	return predictPair(index.model, features);
}

/**
 * Items from an earlier campaign's index that probably raise the same issue ("raised before"):
 * the best `k` matches scoring at least `threshold` (default: the pair model's threshold).
 */
export function findRaisedBefore(
	history: DuplicateIndex,
	item: InsightItem,
	threshold = history.model.threshold,
	k = 3
): SimilarItem[] {
	return findSimilar(history, item, k).filter((match) => match.score >= threshold);
}

/**
 * Candidates of `item` (whose profile is given) scored by the pair model, best first, as
 * [position, probability]; ties by position.
 */
export function rankCandidates(
	index: DuplicateIndex,
	item: InsightItem,
	profile: Profile,
	self = -1
): Array<[number, number]> {
	return candidatePositions(index, item, profile, self)
		.map((position): [number, number] => [position, scoreAgainst(index, item, profile, position)])
		.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/** The best first-stage candidates of `item` (positions), excluding position `self`. */
export function candidatePositions(
	index: DuplicateIndex,
	item: InsightItem,
	profile: Profile,
	self = -1
): number[] {
	const { positions, scores } = firstStageScores(index, item, profile.combined, self);
	const limit = index.settings.candidates;
	let cut = -Infinity;
	if (positions.length > limit) {
		// The limit-th best score, by a numeric typed-array sort (no comparator, no tuples).
		const sorted = Float64Array.from(scores).sort();
		cut = sorted[sorted.length - limit];
	}
	const kept: number[] = [];
	for (let k = 0; k < positions.length; k++) if (scores[k] >= cut) kept.push(k);
	kept.sort((a, b) => scores[b] - scores[a] || positions[a] - positions[b]);
	return kept.slice(0, limit).map((k) => positions[k]);
}

/** Cheap score over postings: cosine via shared features, plus township/category bonuses. */
function firstStageScores(
	index: DuplicateIndex,
	item: InsightItem,
	vector: SparseVector,
	self: number
): { positions: number[]; scores: number[] } {
	const { scratch, items, postingStart, postingPositions, postingValues, maxPostings } = index;
	const touched: number[] = [];
	// Every touched slot is made non-zero, so "=== 0" means "not yet touched".
	const TOUCH = 1e-12;
	for (let k = 0; k < vector.indices.length; k++) {
		const f = vector.indices[k];
		const start = postingStart[f];
		const end = postingStart[f + 1];
		if (end - start > maxPostings) continue;
		const weight = vector.values[k];
		for (let p = start; p < end; p++) {
			const position = postingPositions[p];
			if (scratch[position] === 0) {
				touched.push(position);
				scratch[position] = TOUCH;
			}
			scratch[position] += postingValues[p] * weight;
		}
	}
	const key = groupKey(item);
	const group = key ? index.groups.get(key) : undefined;
	if (group) {
		for (const position of group) {
			if (scratch[position] !== 0) continue;
			touched.push(position);
			scratch[position] = TOUCH;
		}
	}
	const { townshipBonus, categoryBonus } = index.settings;
	const positions: number[] = [];
	const scores: number[] = [];
	for (const position of touched) {
		let score = scratch[position];
		scratch[position] = 0;
		if (position === self) continue;
		const other = items[position];
		if (item.township && item.township === other.township) score += townshipBonus;
		if (item.category && item.category === other.category) score += categoryBonus;
		positions.push(position);
		scores.push(score);
	}
	return { positions, scores };
}

function round(value: number): number {
	return Math.round(value * 1e4) / 1e4;
}
