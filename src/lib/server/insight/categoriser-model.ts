/**
 * Building the categoriser's model state: vocabulary, IDF, the two classifiers and the
 * temperature that calibrates their combined scores. Plain data, so it serialises as JSON.
 */
import { CATEGORISER_LEXICON, CATEGORY_IDS, type LexiconTopic } from './lexicon';
import { computeIdf, extractDocumentFeatures, weightFeatures, type SparseVector } from './features';
import { addNaiveBayesExample, createNaiveBayes, type NaiveBayesState } from './naive-bayes';
import {
	createLogistic,
	trainLogisticSteps,
	type LabelledVector,
	type LogisticState
} from './logistic-regression';
import { createPrng } from './prng';
import { fitCalibration, type HeldOutScore } from './calibration';
import { scoreComponents } from './ensemble';
import { runSteps } from './steps';

export interface CategoriserOptions {
	/** Category ids, in a fixed order (default: the power-supply taxonomy). */
	categories?: readonly string[];
	/** Keyword topics used for cold start and as prior (default: the built-in categoriser lexicon). */
	lexicon?: readonly LexiconTopic[];
	/** Weight of each lexicon topic pseudo-document relative to one reviewed example. */
	lexiconWeight?: number;
	/** Multiplier on lexicon topic/category pseudo-features relative to n-grams. */
	lexiconBoost?: number;
	/** The same before any reviewer decision, when the lexicon is all the model knows. */
	coldStartLexiconBoost?: number;
	/**
	 * Further multiplier on the `@c:` features (the categories a text's lexicon topics point to),
	 * on top of the lexicon boost: vocabulary-level evidence that carries over to new wording.
	 */
	categoryHintBoost?: number;
	/** Share of naive Bayes in the ensemble (0 = logistic regression only, 1 = NB only). */
	nbWeight?: number;
	/** Complement NB (true) or multinomial NB (false). */
	complement?: boolean;
	/** NB additive smoothing. */
	alpha?: number;
	epochs?: number;
	l2?: number;
	learningRate?: number;
	/** N-grams seen in fewer reviewed examples than this are dropped (lexicon terms are kept). */
	minDocumentFrequency?: number;
	/** Fit the ensemble temperature by cross-validation (skipped for small data). */
	calibrate?: boolean;
	seed?: number;
}

export type ResolvedOptions = Required<Omit<CategoriserOptions, 'lexicon'>> & {
	lexicon: readonly LexiconTopic[];
};

export interface ModelState {
	options: Omit<ResolvedOptions, 'lexicon'> & { lexicon: LexiconTopic[] };
	categories: string[];
	vocabulary: string[];
	idf: number[];
	documentCount: number;
	nb: NaiveBayesState;
	lr: LogisticState;
	nbWeight: number;
	/** Scales NB log-likelihoods of L2-normalised vectors into the range of LR logits. */
	nbScale: number;
	/**
	 * Lexicon boost this model was built with (`coldStartLexiconBoost` when built from the
	 * lexicon alone); absent in models stored by older versions, which used `options.lexiconBoost`.
	 */
	lexiconBoost?: number;
	/** `categoryHintBoost` this model was built with; absent in older models, which used 1. */
	categoryHintBoost?: number;
	temperature: number;
	exampleCount: number;
}

interface LabelledText {
	text: string;
	category: string;
}

export function resolveOptions(options: CategoriserOptions): ResolvedOptions {
	return {
		categories: [...(options.categories ?? CATEGORY_IDS)],
		lexicon: options.lexicon ?? CATEGORISER_LEXICON,
		lexiconWeight: options.lexiconWeight ?? 3,
		lexiconBoost: options.lexiconBoost ?? 1,
		coldStartLexiconBoost: options.coldStartLexiconBoost ?? 2,
		categoryHintBoost: options.categoryHintBoost ?? 1.5,
		nbWeight: options.nbWeight ?? 0.5,
		complement: options.complement ?? true,
		alpha: options.alpha ?? 0.1,
		epochs: options.epochs ?? 30,
		l2: options.l2 ?? 1e-4,
		learningRate: options.learningRate ?? 0.5,
		minDocumentFrequency: options.minDocumentFrequency ?? 2,
		calibrate: options.calibrate ?? true,
		seed: options.seed ?? 20240317
	};
}

/** Builds a model from reviewer examples (in the given order) plus the lexicon. Deterministic. */
export function buildModel(
	examples: readonly LabelledText[],
	options: ResolvedOptions
): ModelState {
	return runSteps(buildModelSteps(examples, options));
}

/** `buildModel`, pausing after every training pass (a few hundred pauses in all). */
export function* buildModelSteps(
	examples: readonly LabelledText[],
	options: ResolvedOptions
): Generator<void, ModelState> {
	const state = yield* fitModelSteps(examples, options);
	if (options.calibrate && examples.length >= MIN_EXAMPLES_TO_CALIBRATE) {
		const calibration = fitCalibration(yield* crossValidate(examples, options));
		state.temperature = calibration.temperature;
		state.nbWeight = calibration.nbWeight;
	}
	return state;
}

const MIN_EXAMPLES_TO_CALIBRATE = 40;
const FOLDS = 5;

/** Out-of-fold component scores; fold = position modulo 5, so no randomness is involved. */
function* crossValidate(
	examples: readonly LabelledText[],
	options: ResolvedOptions
): Generator<void, HeldOutScore[]> {
	const samples: HeldOutScore[] = [];
	const quick = { ...options, calibrate: false };
	for (let fold = 0; fold < FOLDS; fold++) {
		const model = yield* fitModelSteps(
			examples.filter((_, i) => i % FOLDS !== fold),
			quick
		);
		const index = new Map(model.vocabulary.map((feature, i) => [feature, i]));
		examples.forEach((example, i) => {
			if (i % FOLDS !== fold) return;
			const vector = vectorise(
				example.text,
				index,
				model.idf,
				options.lexicon,
				options.lexiconBoost,
				options.categoryHintBoost
			);
			const classIndex = model.categories.indexOf(example.category);
			samples.push({ scores: scoreComponents(model, vector), classIndex });
		});
	}
	return samples;
}

/** One fit without calibration (also used inside cross-validation). */
export function fitModel(examples: readonly LabelledText[], resolved: ResolvedOptions): ModelState {
	return runSteps(fitModelSteps(examples, resolved));
}

function* fitModelSteps(
	examples: readonly LabelledText[],
	resolved: ResolvedOptions
): Generator<void, ModelState> {
	// The boost actually used is stored in the state, so scoring and `learn` use it too.
	const options =
		examples.length === 0
			? { ...resolved, lexiconBoost: resolved.coldStartLexiconBoost }
			: resolved;
	const categories = [...options.categories];
	const documents = collectDocuments(examples, options, categories);
	const { vocabulary, idf } = buildVocabulary(documents, options.minDocumentFrequency);
	const index = new Map(vocabulary.map((feature, i) => [feature, i]));
	const vectors: LabelledVector[] = documents.map((doc) => ({
		vector: weightFeatures(
			doc.features,
			index,
			idf,
			options.lexiconBoost,
			options.categoryHintBoost
		),
		classIndex: doc.classIndex,
		weight: doc.weight
	}));
	const nb = createNaiveBayes(
		categories.length,
		vocabulary.length,
		options.alpha,
		options.complement
	);
	for (const v of vectors) addNaiveBayesExample(nb, v.vector, v.classIndex, v.weight);
	const lr = createLogistic(categories.length, vocabulary.length, options.l2, options.learningRate);
	yield* trainLogisticSteps(lr, vectors, options.epochs, createPrng(options.seed));
	return {
		options: {
			...resolved,
			categories,
			lexicon: options.lexicon.map((t) => ({ ...t, terms: [...t.terms] }))
		},
		categories,
		vocabulary,
		idf,
		documentCount: documents.length,
		nb,
		lr,
		nbWeight: options.nbWeight,
		nbScale: 10,
		lexiconBoost: options.lexiconBoost,
		categoryHintBoost: options.categoryHintBoost,
		temperature: 1,
		exampleCount: examples.length
	};
}

interface Document {
	features: Map<string, number>;
	classIndex: number;
	weight: number;
	fromLexicon: boolean;
}

function collectDocuments(
	examples: readonly LabelledText[],
	options: ResolvedOptions,
	categories: readonly string[]
): Document[] {
	const documents: Document[] = [];
	for (const topic of options.lexicon) {
		const classIndex = categories.indexOf(topic.category);
		if (classIndex < 0) continue;
		const features = extractDocumentFeatures(topic.terms.join('，'), options.lexicon);
		documents.push({ features, classIndex, weight: options.lexiconWeight, fromLexicon: true });
	}
	for (const example of examples) {
		const classIndex = categories.indexOf(example.category);
		if (classIndex < 0) throw new RangeError(`Unknown category: ${example.category}`);
		const features = extractDocumentFeatures(example.text, options.lexicon);
		documents.push({ features, classIndex, weight: 1, fromLexicon: false });
	}
	return documents;
}

/** Vocabulary in order of first appearance (deterministic), pruned by document frequency. */
function buildVocabulary(
	documents: readonly Document[],
	minDocumentFrequency: number
): { vocabulary: string[]; idf: number[] } {
	const frequency = new Map<string, number>();
	const fromLexicon = new Set<string>();
	for (const doc of documents) {
		for (const feature of doc.features.keys()) {
			frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
			if (doc.fromLexicon) fromLexicon.add(feature);
		}
	}
	const vocabulary = [...frequency.keys()].filter(
		(f) => fromLexicon.has(f) || (frequency.get(f) ?? 0) >= minDocumentFrequency
	);
	const idf = vocabulary.map((f) => computeIdf(frequency.get(f) ?? 0, documents.length));
	return { vocabulary, idf };
}

/**
 * Text → weighted sparse vector. When `grow` is given (incremental learning), unseen features
 * are appended to the vocabulary with the IDF of a feature seen once.
 */
export function vectorise(
	text: string,
	index: Map<string, number>,
	idf: number[],
	lexicon: readonly LexiconTopic[],
	lexiconBoost: number,
	categoryHintBoost: number,
	grow?: ModelState
): SparseVector {
	const features = extractDocumentFeatures(text, lexicon);
	if (grow) {
		for (const feature of features.keys()) {
			if (index.has(feature)) continue;
			index.set(feature, grow.vocabulary.length);
			grow.vocabulary.push(feature);
			idf.push(computeIdf(1, grow.documentCount));
			for (const row of grow.nb.featureMass) row.push(0);
			for (const row of grow.lr.weights) row.push(0);
		}
	}
	return weightFeatures(features, index, idf, lexiconBoost, categoryHintBoost);
}
