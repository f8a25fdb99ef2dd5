/**
 * Turning a suggestion into a sparse feature vector: character n-grams plus lexicon topic hits.
 */
import { DEFAULT_LEXICON, type CategoryId, type LexiconTopic } from './lexicon';
import { extractFeatures, normaliseText, type NgramOptions } from './tokenize';
import { matchTermGroups } from './term-matcher';

/** Sparse vector: parallel arrays of feature indices and values. */
export interface SparseVector {
	indices: number[];
	values: number[];
}

/** Prefixes keep lexicon pseudo-features apart from n-grams (no n-gram contains '@'). */
export const TOPIC_PREFIX = '@t:';
export const CATEGORY_PREFIX = '@c:';

/** Topics whose terms occur in the text. */
export function matchTopics(text: string, lexicon: readonly LexiconTopic[]): LexiconTopic[] {
	const normalised = normaliseText(text);
	return matchTermGroups(normalised, lexicon, () => lexicon.map((t) => t.terms)).map(
		(k) => lexicon[k]
	);
}

/**
 * N-gram counts plus one `@t:` feature per matched topic and one `@c:` per category it hints at.
 * The pseudo-features let a trained model learn how far to trust the lexicon.
 */
export function extractDocumentFeatures(
	text: string,
	lexicon: readonly LexiconTopic[] = DEFAULT_LEXICON,
	ngrams: NgramOptions = {}
): Map<string, number> {
	const counts = extractFeatures(text, ngrams);
	const categories = new Set<CategoryId>();
	for (const topic of matchTopics(text, lexicon)) {
		counts.set(TOPIC_PREFIX + topic.id, 1);
		categories.add(topic.category);
	}
	for (const category of categories) counts.set(CATEGORY_PREFIX + category, 1);
	return counts;
}

/**
 * Sublinear TF × IDF, L2-normalised; features missing from the vocabulary are dropped.
 * `1 + log tf` stops a word repeated for emphasis from dominating a short text.
 * Lexicon pseudo-features are multiplied by `lexiconBoost`, the `@c:` ones by `categoryBoost` too.
 */
export function weightFeatures(
	counts: Map<string, number>,
	vocabulary: ReadonlyMap<string, number>,
	idf: readonly number[],
	lexiconBoost = 1,
	categoryBoost = 1
): SparseVector {
	const entries: Array<[number, number]> = [];
	for (const [feature, count] of counts) {
		const index = vocabulary.get(feature);
		if (index === undefined) continue;
		const boost = feature.startsWith(CATEGORY_PREFIX)
			? lexiconBoost * categoryBoost
			: feature.startsWith('@')
				? lexiconBoost
				: 1;
		entries.push([index, (1 + Math.log(count)) * idf[index] * boost]);
	}
	entries.sort((a, b) => a[0] - b[0]);
	const norm = Math.sqrt(entries.reduce((sum, [, value]) => sum + value * value, 0)) || 1;
	return { indices: entries.map(([i]) => i), values: entries.map(([, v]) => v / norm) };
}

/** Smoothed IDF as in scikit-learn: ln((1 + n) / (1 + df)) + 1, never zero. */
export function computeIdf(documentFrequency: number, documentCount: number): number {
	return Math.log((1 + documentCount) / (1 + documentFrequency)) + 1;
}
