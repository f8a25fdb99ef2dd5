/**
 * Multinomial logistic regression (softmax) trained by plain SGD with L2 regularisation.
 */
import type { SparseVector } from './features';
import { shuffleWith } from './prng';
import { runSteps } from './steps';

export interface LogisticState {
	/** weights[c][f]; grown with zeros when the vocabulary grows. */
	weights: number[][];
	bias: number[];
	l2: number;
	learningRate: number;
}

export interface LabelledVector {
	vector: SparseVector;
	classIndex: number;
	weight: number;
}

export function createLogistic(
	classCount: number,
	featureCount: number,
	l2: number,
	learningRate: number
): LogisticState {
	return {
		// Filled (not holey) arrays keep V8 on its fast packed-double path.
		weights: Array.from({ length: classCount }, () => new Array<number>(featureCount).fill(0)),
		bias: new Array<number>(classCount).fill(0),
		l2,
		learningRate
	};
}

/** Raw class scores w_c · x + b_c. */
export function scoreLogistic(state: LogisticState, vector: SparseVector): number[] {
	return state.weights.map((w, c) => {
		let sum = state.bias[c];
		for (let k = 0; k < vector.indices.length; k++) {
			sum += (w[vector.indices[k]] ?? 0) * vector.values[k];
		}
		return sum;
	});
}

/** Numerically safe softmax. */
export function softmax(scores: readonly number[]): number[] {
	const max = Math.max(...scores);
	const exps = scores.map((s) => Math.exp(s - max));
	const total = exps.reduce((a, b) => a + b, 0);
	return exps.map((e) => e / total);
}

/**
 * One SGD step on one example. The L2 shrink is applied only to the features present in the
 * example (lazy regularisation): exact enough for sparse text and O(non-zeros × classes).
 */
export function stepLogistic(state: LogisticState, example: LabelledVector, rate: number): void {
	const probs = softmax(scoreLogistic(state, example.vector));
	const { indices, values } = example.vector;
	for (let c = 0; c < probs.length; c++) {
		const gradient = (probs[c] - (c === example.classIndex ? 1 : 0)) * example.weight;
		const w = state.weights[c];
		for (let k = 0; k < indices.length; k++) {
			const f = indices[k];
			const current = w[f] ?? 0;
			w[f] = current - rate * (gradient * values[k] + state.l2 * current);
		}
		state.bias[c] -= rate * gradient;
	}
}

/** Full training: `epochs` shuffled passes with a decaying learning rate. */
export function trainLogistic(
	state: LogisticState,
	examples: readonly LabelledVector[],
	epochs: number,
	random: () => number
): void {
	runSteps(trainLogisticSteps(state, examples, epochs, random));
}

/** The same training, pausing (yielding) after each pass so a caller can let other work run. */
export function* trainLogisticSteps(
	state: LogisticState,
	examples: readonly LabelledVector[],
	epochs: number,
	random: () => number
): Generator<void, void> {
	let t = 0;
	for (let epoch = 0; epoch < epochs; epoch++) {
		for (const example of shuffleWith(examples, random)) {
			stepLogistic(
				state,
				example,
				state.learningRate / (1 + (0.01 * t) / Math.max(1, examples.length))
			);
			t++;
		}
		yield;
	}
}
