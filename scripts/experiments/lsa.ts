/**
 * Experiment (not run by the product): does latent semantic analysis of the campaign's own texts
 * link paraphrases the pair model misses? Measured on inner splits of the frozen split's training
 * side only (never its test side).
 *
 *   npx tsx scripts/experiments/lsa.ts [--seeds 1,2,3,4,5]
 *
 * Per inner split, every text of the side (the held-out part and the training part, as a campaign
 * has all its texts) becomes a TF-IDF vector over the duplicate finder's own features
 * (`extractFeatures`; features of one text only dropped); the top k eigenvectors of the texts'
 * cosine matrix (orthogonal iteration) give each text k coordinates, scaled by the square roots of
 * the eigenvalues, and two texts' LSA similarity is the cosine of those. Prints, pooled over the
 * seeds, the average precision and the most recall at pair precision ≥ 0.8 over all pairs of
 * held-out items: of the pair model (trained as the product trains it), of LSA alone, and of
 * logit(model) + w × LSA cosine.
 */
import { extractFeatures } from '../../src/lib/server/insight/tokenize';
import {
	logit,
	pairFigures,
	scoredPairs,
	seedsArgument,
	trainedInnerSplit,
	trainingSide
} from './inner-pairs';

const seeds = seedsArgument();
const dimensions = [20, 50, 100, 200];

/** Unit TF-IDF vectors (sublinear TF) over features seen in at least two texts. */
function tfidf(texts: readonly string[]): Map<string, number>[] {
	const bags = texts.map((t) => extractFeatures(t));
	const documents = new Map<string, number>();
	for (const bag of bags) for (const f of bag.keys()) documents.set(f, (documents.get(f) ?? 0) + 1);
	return bags.map((bag) => {
		const vector = new Map<string, number>();
		for (const [f, count] of bag) {
			const df = documents.get(f) ?? 0;
			if (df >= 2) vector.set(f, (1 + Math.log(count)) * Math.log(texts.length / df));
		}
		const norm = Math.sqrt([...vector.values()].reduce((s, v) => s + v * v, 0)) || 1;
		for (const [f, v] of vector) vector.set(f, v / norm);
		return vector;
	});
}

function sparseDot(a: Map<string, number>, b: Map<string, number>): number {
	const [small, large] = a.size < b.size ? [a, b] : [b, a];
	let sum = 0;
	for (const [f, v] of small) sum += v * (large.get(f) ?? 0);
	return sum;
}

/** Top-`k` eigenpairs of the symmetric matrix `m` (n × n) by orthogonal iteration. */
function topEigen(m: Float64Array[], k: number, iterations = 60) {
	const n = m.length;
	let q = Array.from({ length: k }, (_, c) =>
		Float64Array.from({ length: n }, (_, i) => Math.sin((i + 1) * (c + 1) * 12.9898) % 1)
	);
	const values = new Float64Array(k);
	for (let iteration = 0; iteration < iterations; iteration++) {
		const z = q.map((column) =>
			Float64Array.from(m, (row) => row.reduce((s, x, j) => s + x * column[j], 0))
		);
		// Gram–Schmidt: the columns' norms before normalising are the eigenvalue estimates.
		for (let c = 0; c < k; c++) {
			for (let d = 0; d < c; d++) {
				const projection = z[c].reduce((s, x, i) => s + x * z[d][i], 0);
				for (let i = 0; i < n; i++) z[c][i] -= projection * z[d][i];
			}
			const norm = Math.sqrt(z[c].reduce((s, x) => s + x * x, 0)) || 1;
			values[c] = norm;
			for (let i = 0; i < n; i++) z[c][i] /= norm;
		}
		q = z;
	}
	return { vectors: q, values };
}

interface Pair {
	model: number;
	cosines: number[];
	duplicate: boolean;
}
const side = trainingSide();
const pairs: Pair[] = [];
for (const seed of seeds) {
	const split = trainedInnerSplit(side, seed);
	const { train, heldOut } = split;
	const vectors = tfidf([...heldOut, ...train].map((r) => r.text));
	const gram = vectors.map((a) => Float64Array.from(vectors, (b) => sparseDot(a, b)));
	const { vectors: eigen, values } = topEigen(gram, Math.max(...dimensions));
	const coordinates = dimensions.map((k) =>
		heldOut.map((_, i) => {
			const v = Array.from({ length: k }, (_, c) => eigen[c][i] * Math.sqrt(values[c]));
			const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
			return v.map((x) => x / norm);
		})
	);
	for (const { i, j, model, duplicate } of scoredPairs(split)) {
		const cosines = coordinates.map((c) => c[i].reduce((s, x, d) => s + x * c[j][d], 0));
		pairs.push({ model, cosines, duplicate });
	}
}

console.log(`seeds ${seeds.join(',')}`);
console.log(`pair model             ${pairFigures(pairs, (p) => p.model)}`);
dimensions.forEach((k, d) => {
	console.log(`LSA ${k} alone           ${pairFigures(pairs, (p) => p.cosines[d])}`);
	for (const w of [1, 2, 4]) {
		console.log(
			`  model + ${w} × LSA ${k}  ${pairFigures(pairs, (p) => logit(p.model) + w * p.cosines[d])}`
		);
	}
});
