/**
 * Choosing the ensemble weight and temperature from out-of-fold predictions.
 *
 * The weight is picked by accuracy (ties → lower log-loss), the temperature by log-loss, both on
 * small fixed grids, so the search is deterministic and cheap.
 */
import { combineComponents, ensembleProbabilities, type ComponentScores } from './ensemble';

export interface HeldOutScore {
	scores: ComponentScores;
	classIndex: number;
}

export interface Calibration {
	nbWeight: number;
	temperature: number;
}

const WEIGHTS = [0, 0.2, 0.35, 0.5, 0.65, 0.8, 1];
const TEMPERATURES = [0.25, 0.35, 0.5, 0.7, 0.85, 1, 1.2, 1.5, 2, 2.5, 3, 4];

export function fitCalibration(samples: readonly HeldOutScore[], weights = WEIGHTS): Calibration {
	let best = { nbWeight: 0.5, temperature: 1, accuracy: -1, loss: Infinity };
	for (const nbWeight of weights) {
		const accuracy = measureAccuracy(samples, nbWeight);
		const temperature = fitTemperature(samples, nbWeight);
		const loss = logLoss(samples, nbWeight, temperature);
		if (
			accuracy > best.accuracy + 1e-9 ||
			(Math.abs(accuracy - best.accuracy) <= 1e-9 && loss < best.loss)
		) {
			best = { nbWeight, temperature, accuracy, loss };
		}
	}
	return { nbWeight: best.nbWeight, temperature: best.temperature };
}

function fitTemperature(samples: readonly HeldOutScore[], nbWeight: number): number {
	let best = { temperature: 1, loss: Infinity };
	for (const temperature of TEMPERATURES) {
		const loss = logLoss(samples, nbWeight, temperature);
		if (loss < best.loss) best = { temperature, loss };
	}
	return best.temperature;
}

function measureAccuracy(samples: readonly HeldOutScore[], nbWeight: number): number {
	let correct = 0;
	for (const sample of samples) {
		const logits = combineComponents(sample.scores, nbWeight);
		if (argmax(logits) === sample.classIndex) correct++;
	}
	return correct / Math.max(1, samples.length);
}

function logLoss(samples: readonly HeldOutScore[], nbWeight: number, temperature: number): number {
	let loss = 0;
	for (const sample of samples) {
		const p = ensembleProbabilities(sample.scores, nbWeight, temperature)[sample.classIndex];
		loss -= Math.log(Math.max(p, 1e-12));
	}
	return loss / Math.max(1, samples.length);
}

export function argmax(values: readonly number[]): number {
	let best = 0;
	for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
	return best;
}
