/**
 * Multinomial and complement naive Bayes over (weighted) sparse vectors.
 *
 * Complement NB (Rennie et al., 2003) estimates each class from the documents of all *other*
 * classes, which is steadier for small classes such as `large_customer` or `other`.
 */
import type { SparseVector } from './features';

export interface NaiveBayesState {
	alpha: number;
	complement: boolean;
	/** featureMass[c][f]: summed feature value of feature f over class c's examples. */
	featureMass: number[][];
	classMass: number[];
	classDocuments: number[];
}

export function createNaiveBayes(
	classCount: number,
	featureCount: number,
	alpha: number,
	complement: boolean
): NaiveBayesState {
	return {
		alpha,
		complement,
		// Filled (not holey) arrays keep V8 on its fast packed-double path.
		featureMass: Array.from({ length: classCount }, () => new Array<number>(featureCount).fill(0)),
		classMass: new Array<number>(classCount).fill(0),
		classDocuments: new Array<number>(classCount).fill(0)
	};
}

/** Adds one example; O(non-zeros), so it doubles as the incremental update. */
export function addNaiveBayesExample(
	state: NaiveBayesState,
	vector: SparseVector,
	classIndex: number,
	weight = 1
): void {
	const mass = state.featureMass[classIndex];
	for (let k = 0; k < vector.indices.length; k++) {
		const f = vector.indices[k];
		const value = vector.values[k] * weight;
		mass[f] = (mass[f] ?? 0) + value;
		state.classMass[classIndex] += value;
	}
	state.classDocuments[classIndex] += weight;
}

/** Per-class log scores (unnormalised log posteriors) for the vector. */
export function scoreNaiveBayes(
	state: NaiveBayesState,
	vector: SparseVector,
	vocabularySize: number
): number[] {
	const classes = state.classMass.length;
	const smoothing = state.alpha * Math.max(1, vocabularySize);
	const totalMass = state.classMass.reduce((a, b) => a + b, 0);
	const totalDocs = state.classDocuments.reduce((a, b) => a + b, 0);
	const scores: number[] = [];
	for (let c = 0; c < classes; c++) {
		if (state.complement) {
			scores.push(-logLikelihood(state, vector, c, totalMass - state.classMass[c], smoothing));
		} else {
			const prior = Math.log((state.classDocuments[c] + 1) / (totalDocs + classes));
			scores.push(prior + logLikelihood(state, vector, c, state.classMass[c], smoothing));
		}
	}
	return scores;
}

/** Σ x_f · log P(f | c), where for complement NB the counts are those of every class but c. */
function logLikelihood(
	state: NaiveBayesState,
	vector: SparseVector,
	c: number,
	mass: number,
	smoothing: number
): number {
	const denominator = Math.log(mass + smoothing);
	let sum = 0;
	for (let k = 0; k < vector.indices.length; k++) {
		const f = vector.indices[k];
		const count = state.complement ? sumOtherClasses(state, f, c) : (state.featureMass[c][f] ?? 0);
		sum += vector.values[k] * (Math.log(count + state.alpha) - denominator);
	}
	return sum;
}

function sumOtherClasses(state: NaiveBayesState, feature: number, excluded: number): number {
	let sum = 0;
	for (let c = 0; c < state.featureMass.length; c++) {
		if (c !== excluded) sum += state.featureMass[c][feature] ?? 0;
	}
	return sum;
}
