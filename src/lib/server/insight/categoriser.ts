/**
 * Category suggestions for suggestion texts: an ensemble of complement naive Bayes and softmax
 * logistic regression over character n-grams (1–3, sublinear TF-IDF) plus lexicon topic hits.
 *
 * Cold start: the built-in lexicon is turned into one pseudo-document per topic, so an
 * organisation without any reviewed suggestion still gets sensible suggestions. Each
 * reviewer-confirmed or corrected category is then a training example; the lexicon stays in as
 * a weak prior that the data outweighs.
 */
import { CATEGORY_IDS, DEFAULT_LEXICON, FALLBACK_CATEGORY, type LexiconTopic } from './lexicon';
import { countContentUnits } from './tokenize';
import { addNaiveBayesExample } from './naive-bayes';
import { stepLogistic } from './logistic-regression';
import { ensembleProbabilities, scoreComponents } from './ensemble';
import {
	buildModel,
	buildModelSteps,
	resolveOptions,
	vectorise,
	type CategoriserOptions,
	type ModelState,
	type ResolvedOptions
} from './categoriser-model';

export type { CategoriserOptions } from './categoriser-model';

export interface TrainingExample {
	text: string;
	category: string;
}

export interface CategorySuggestion {
	category: string;
	confidence: number;
}

/** The JSON form stored in the database; treat as opaque. */
export interface CategoriserJson {
	format: 'xinkan-categoriser';
	version: 1;
	state: ModelState;
}

export interface Categoriser {
	/** Full retrain on exactly these examples (plus the lexicon). Replaces all earlier learning. */
	train(examples: readonly TrainingExample[]): void;
	/**
	 * Incremental update with one reviewer decision. Costs O(n-grams of the text × categories):
	 * a naive-Bayes count update plus a few logistic-regression SGD steps, well under a
	 * millisecond. The vocabulary grows but IDF weights and calibration stay as of the last
	 * `train`, so retrain in full now and then (e.g. nightly, or every 50 decisions).
	 */
	learn(example: TrainingExample): void;
	/** The top `k` (default 3) categories with confidences from {@link distribution}. */
	suggest(text: string, k?: number): CategorySuggestion[];
	/** Confidence for every category, highest first; sums to 1. Never throws, never NaN. */
	distribution(text: string): CategorySuggestion[];
	/** Number of reviewer examples the model has seen (not counting the lexicon). */
	readonly exampleCount: number;
	toJSON(): CategoriserJson;
}

/** A new categoriser, ready to use from the lexicon alone (cold start). */
export function createCategoriser(options: CategoriserOptions = {}): Categoriser {
	const resolved = resolveOptions(options);
	return wrapModel(buildModel([], resolved), resolved);
}

/**
 * A categoriser trained on these examples (plus the lexicon), built step by step: the generator
 * pauses after each training pass, so a server can run a long retrain between requests instead of
 * stalling them. Running it to the end gives the same model as `train`.
 */
export function* trainCategoriserSteps(
	examples: readonly TrainingExample[],
	options: CategoriserOptions = {}
): Generator<void, Categoriser> {
	const resolved = resolveOptions(options);
	return wrapModel(yield* buildModelSteps(examples, resolved), resolved);
}

/** Restores a categoriser saved with `toJSON()`. */
export function categoriserFromJSON(json: CategoriserJson | string): Categoriser {
	const parsed: CategoriserJson = typeof json === 'string' ? JSON.parse(json) : json;
	if (parsed?.format !== 'xinkan-categoriser' || parsed.version !== 1) {
		throw new TypeError('Not a serialised Xinkan categoriser (format/version mismatch)');
	}
	const state = structuredClone(parsed.state);
	return wrapModel(state, resolveOptions(state.options));
}

function wrapModel(initial: ModelState, options: ResolvedOptions): Categoriser {
	let state = initial;
	let index = indexVocabulary(state.vocabulary);
	return {
		train(examples) {
			state = buildModel(examples, options);
			index = indexVocabulary(state.vocabulary);
		},
		learn(example) {
			learnOne(state, index, example, options.lexicon);
		},
		suggest(text, k = 3) {
			return scoreText(state, index, text, options.lexicon).slice(0, Math.max(0, k));
		},
		distribution(text) {
			return scoreText(state, index, text, options.lexicon);
		},
		get exampleCount() {
			return state.exampleCount;
		},
		toJSON() {
			return { format: 'xinkan-categoriser', version: 1, state: structuredClone(state) };
		}
	};
}

function indexVocabulary(vocabulary: readonly string[]): Map<string, number> {
	return new Map(vocabulary.map((feature, i) => [feature, i]));
}

/** Ensemble log-score → calibrated probabilities, shrunk towards the fallback for tiny texts. */
function scoreText(
	state: ModelState,
	index: Map<string, number>,
	text: string,
	lexicon: readonly LexiconTopic[]
): CategorySuggestion[] {
	const vector = vectorise(
		typeof text === 'string' ? text : '',
		index,
		state.idf,
		lexicon,
		state.lexiconBoost ?? state.options.lexiconBoost,
		state.categoryHintBoost ?? 1
	);
	const fallback = fallbackDistribution(state.categories);
	let probabilities = fallback;
	if (vector.indices.length > 0) {
		const calibrated = ensembleProbabilities(
			scoreComponents(state, vector),
			state.nbWeight,
			state.temperature
		);
		// A one- or two-character answer ('无', '好') carries little evidence whatever it says.
		// Quadratic, so one character gets 1/16 of the say and four or more get all of it.
		const weight = Math.min(1, countContentUnits(text) / 4) ** 2;
		probabilities = calibrated.map((p, c) => weight * p + (1 - weight) * fallback[c]);
	}
	return probabilities
		.map((confidence, c) => ({ category: state.categories[c], confidence }))
		.sort((a, b) => b.confidence - a.confidence || a.category.localeCompare(b.category));
}

/** With no evidence: a mild lean to the fallback category, the rest uniform. */
function fallbackDistribution(categories: readonly string[]): number[] {
	const fallbackIndex = categories.indexOf(FALLBACK_CATEGORY);
	if (fallbackIndex < 0) return categories.map(() => 1 / categories.length);
	const lean = 2 / (categories.length + 1);
	const rest = (1 - lean) / (categories.length - 1);
	return categories.map((_, c) => (c === fallbackIndex ? lean : rest));
}

function learnOne(
	state: ModelState,
	index: Map<string, number>,
	example: TrainingExample,
	lexicon: readonly LexiconTopic[]
): void {
	const classIndex = state.categories.indexOf(example.category);
	if (classIndex < 0) throw new RangeError(`Unknown category: ${example.category}`);
	const vector = vectorise(
		example.text,
		index,
		state.idf,
		lexicon,
		state.lexiconBoost ?? state.options.lexiconBoost,
		state.categoryHintBoost ?? 1,
		state
	);
	addNaiveBayesExample(state.nb, vector, classIndex);
	for (let step = 0; step < 3; step++) {
		stepLogistic(state.lr, { vector, classIndex, weight: 1 }, state.lr.learningRate * 0.5);
	}
	state.exampleCount++;
}

export { CATEGORY_IDS, DEFAULT_LEXICON };
