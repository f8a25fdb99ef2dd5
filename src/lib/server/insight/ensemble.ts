/**
 * How the two classifiers' outputs are combined: a weighted sum of log-probabilities, divided by
 * a temperature fitted by cross-validation (so that confidences mean something).
 */
import type { SparseVector } from './features';
import { scoreLogistic, softmax, type LogisticState } from './logistic-regression';
import { scoreNaiveBayes, type NaiveBayesState } from './naive-bayes';

export interface EnsembleParts {
	nb: NaiveBayesState;
	lr: LogisticState;
	vocabulary: readonly string[];
	/** Scales NB log-likelihoods of L2-normalised vectors into the range of LR logits. */
	nbScale: number;
}

/** Log-probabilities of each model for one vector. */
export interface ComponentScores {
	nb: number[];
	lr: number[];
}

export function scoreComponents(parts: EnsembleParts, vector: SparseVector): ComponentScores {
	const nbRaw = scoreNaiveBayes(parts.nb, vector, parts.vocabulary.length);
	return {
		nb: logSoftmax(nbRaw.map((s) => s * parts.nbScale)),
		lr: logSoftmax(scoreLogistic(parts.lr, vector))
	};
}

export function combineComponents(scores: ComponentScores, nbWeight: number): number[] {
	return scores.nb.map((value, c) => nbWeight * value + (1 - nbWeight) * scores.lr[c]);
}

/** Calibrated class probabilities. */
export function ensembleProbabilities(
	scores: ComponentScores,
	nbWeight: number,
	temperature: number
): number[] {
	return softmax(combineComponents(scores, nbWeight).map((s) => s / temperature));
}

function logSoftmax(scores: readonly number[]): number[] {
	return softmax(scores).map((p) => Math.log(Math.max(p, 1e-12)));
}
