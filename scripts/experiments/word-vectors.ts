/**
 * Experiment (not run by the product): do pretrained Chinese word vectors add anything to the pair
 * model or the categoriser? Measured on inner splits of the frozen split's training side only.
 *
 *   npm pack node-synonyms@1.3.1 && tar xzf node-synonyms-1.3.1.tgz package/data/words.vector
 *   npx tsx scripts/experiments/word-vectors.ts --vectors package/data/words.vector [--seeds 1,2,3,4,5]
 *
 * The vectors are the only pretrained Chinese semantic resource found on the registries this
 * project can reach: node-synonyms' word2vec file (125,796 words × 100 dimensions, trained on
 * Chinese Wikipedia, GPL-3.0 — so it is not a dependency and is never committed). Sentence models
 * (bge, m3e, text2vec, multilingual MiniLM/E5) are published only on model hubs this machine
 * cannot reach. Each text becomes a weighted mean of the vectors of its words (greedy longest
 * match against the vector vocabulary, up to six characters; one-character function words
 * dropped), weighted as WEIGHT says: `sif` (default; a/(a+p) with p from the vocabulary's
 * frequency rank), `idf` (from the items compared) or `mean`; with CENTRE=1 (default) the mean
 * vector of the items compared is taken away first.
 *
 * Prints, pooled over the seeds:
 * - pairs of held-out items: average precision and the most recall at pair precision ≥ 0.8 of the
 *   organisation's pair model (trained as the product trains it), of the vector cosine alone, and
 *   of logit(model) + w × cosine for several w;
 * - categories: top-1 of a softmax regression on the sentence vectors alone, and of the
 *   categoriser's log-probabilities plus λ × the regression's, for several λ.
 */
import { readFileSync } from 'node:fs';
import { fail, parseArgs } from '../cli-args';
import {
	logit,
	pairFigures,
	scoredPairs,
	seedsArgument,
	trainedInnerSplit,
	trainingSide
} from './inner-pairs';

const vectorPath =
	parseArgs(process.argv.slice(2)).vectors ??
	fail('usage: word-vectors.ts --vectors words.vector [--seeds 1,2,3,4,5]');
const seeds = seedsArgument();
const weighting = process.env.WEIGHT ?? 'sif';
const centre = process.env.CENTRE !== '0';

/** word2vec's binary format: a "count dimension" line, then per word its bytes, a space, floats. */
function loadVectors(path: string) {
	const buffer = readFileSync(path);
	let at = buffer.indexOf(10);
	const [count, dimension] = buffer.subarray(0, at).toString().trim().split(' ').map(Number);
	at++;
	const vocabulary = new Map<string, number>();
	const values = new Float32Array(count * dimension);
	for (let w = 0; w < count; w++) {
		const space = buffer.indexOf(32, at);
		const word = buffer.subarray(at, space).toString('utf8').trim();
		at = space + 1;
		for (let k = 0; k < dimension; k++) values[w * dimension + k] = buffer.readFloatLE(at + 4 * k);
		at += 4 * dimension;
		if (buffer[at] === 10) at++;
		if (!vocabulary.has(word)) vocabulary.set(word, w);
	}
	return { count, dimension, vocabulary, values };
}

const { count, dimension, vocabulary, values } = loadVectors(vectorPath);
const FUNCTION_CHARACTERS = new Set(
	'的了是在我们你他她它和与及也都就还很太要有没不吗呢吧啊呀哒咯么这那个一'
);

function words(text: string): number[] {
	const ids: number[] = [];
	const clean = text.replace(/[^\u4e00-\u9fff0-9a-zA-Z]/gu, ' ');
	for (let i = 0; i < clean.length;) {
		if (clean[i] === ' ') {
			i++;
			continue;
		}
		let length = 0;
		for (let l = Math.min(6, clean.length - i); l >= 1; l--) {
			const id = vocabulary.get(clean.slice(i, i + l));
			if (id === undefined) continue;
			if (!(l === 1 && FUNCTION_CHARACTERS.has(clean[i]))) ids.push(id);
			length = l;
			break;
		}
		i += Math.max(length, 1);
	}
	return ids;
}

function unit(v: Float64Array): Float64Array {
	const norm = Math.sqrt(v.reduce((sum, x) => sum + x * x, 0)) || 1;
	return v.map((x) => x / norm);
}

/** Sentence vectors of `texts`, weighted and centred on the texts themselves. */
function embedAll(texts: readonly string[]): Float64Array[] {
	const tokenised = texts.map(words);
	const documents = new Map<number, number>();
	for (const ids of tokenised) {
		for (const id of new Set(ids)) documents.set(id, (documents.get(id) ?? 0) + 1);
	}
	const weight = (id: number) => {
		if (weighting === 'mean') return 1;
		if (weighting === 'idf') {
			return Math.log((1 + texts.length) / (1 + (documents.get(id) ?? 0))) + 1;
		}
		const p = 1 / ((id + 10) * Math.log(count)); // Zipf's law from the frequency rank
		return 1e-3 / (1e-3 + p);
	};
	const vectors = tokenised.map((ids) => {
		const v = new Float64Array(dimension);
		for (const id of ids) {
			const w = weight(id);
			for (let k = 0; k < dimension; k++) v[k] += w * values[id * dimension + k];
		}
		return unit(v);
	});
	if (!centre) return vectors;
	const mean = new Float64Array(dimension);
	for (const v of vectors) for (let k = 0; k < dimension; k++) mean[k] += v[k] / vectors.length;
	return vectors.map((v) => unit(v.map((x, k) => x - mean[k])));
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((sum, x, k) => sum + x * b[k], 0);

/** Softmax regression by gradient descent (small: 100 inputs, a dozen classes). */
function fitSoftmax(
	x: Float64Array[],
	y: number[],
	classes: number
): (v: Float64Array) => number[] {
	const w = Array.from({ length: classes }, () => new Float64Array(dimension + 1));
	const predict = (v: Float64Array) => {
		const z = w.map((row) => row[dimension] + dot(row.subarray(0, dimension) as Float64Array, v));
		const top = Math.max(...z);
		const e = z.map((s) => Math.exp(s - top));
		const total = e.reduce((a, b) => a + b, 0);
		return e.map((s) => s / total);
	};
	for (let iteration = 0; iteration < 300; iteration++) {
		const gradient = Array.from({ length: classes }, () => new Float64Array(dimension + 1));
		x.forEach((v, i) => {
			predict(v).forEach((p, c) => {
				const g = p - (y[i] === c ? 1 : 0);
				for (let k = 0; k < dimension; k++) gradient[c][k] += g * v[k];
				gradient[c][dimension] += g;
			});
		});
		for (let c = 0; c < classes; c++) {
			for (let k = 0; k <= dimension; k++) {
				const l2 = k < dimension ? 1e-3 * w[c][k] : 0;
				w[c][k] -= 10 * (gradient[c][k] / x.length + l2);
			}
		}
	}
	return predict;
}

interface Pair {
	model: number;
	cosine: number;
	duplicate: boolean;
}

const side = trainingSide();
const pairs: Pair[] = [];
const lambdas = [0, 0.1, 0.2, 0.3, 0.5, 0.8];
const categoryHits = lambdas.map(() => 0);
let vectorHits = 0;
let heldOutItems = 0;
for (const seed of seeds) {
	const split = trainedInnerSplit(side, seed);
	const { train, heldOut, categoriser } = split;
	const vectors = embedAll(heldOut.map((r) => r.text));
	for (const { i, j, model, duplicate } of scoredPairs(split)) {
		pairs.push({ model, cosine: dot(vectors[i], vectors[j]), duplicate });
	}

	const categories = [...new Set(train.map((r) => r.category))].sort();
	const predict = fitSoftmax(
		embedAll(train.map((r) => r.text)),
		train.map((r) => categories.indexOf(r.category)),
		categories.length
	);
	heldOut.forEach((record, i) => {
		const fromVectors = predict(vectors[i]);
		if (categories[fromVectors.indexOf(Math.max(...fromVectors))] === record.category) vectorHits++;
		const fromCategoriser = new Map(
			categoriser.suggest(record.text, categories.length).map((s) => [s.category, s.confidence])
		);
		lambdas.forEach((lambda, l) => {
			let best = '';
			let bestScore = -Infinity;
			categories.forEach((category, c) => {
				const score =
					Math.log(Math.max(fromCategoriser.get(category) ?? 0, 1e-6)) +
					lambda * Math.log(Math.max(fromVectors[c], 1e-6));
				if (score > bestScore) [best, bestScore] = [category, score];
			});
			if (best === record.category) categoryHits[l]++;
		});
		heldOutItems++;
	});
}

console.log(`weighting ${weighting}, centred ${centre}, seeds ${seeds.join(',')}`);
console.log(`pairs: pair model          ${pairFigures(pairs, (p) => p.model)}`);
console.log(`pairs: vectors alone       ${pairFigures(pairs, (p) => p.cosine)}`);
for (const w of [0.5, 1, 2, 4, 8]) {
	console.log(
		`pairs: model + ${w} × cosine ${pairFigures(pairs, (p) => logit(p.model) + w * p.cosine)}`
	);
}
console.log(`categories: vectors alone  top-1 ${(vectorHits / heldOutItems).toFixed(3)}`);
lambdas.forEach((lambda, l) =>
	console.log(
		`categories: + ${lambda} × vectors top-1 ${(categoryHits[l] / heldOutItems).toFixed(3)}`
	)
);
