/**
 * Tokenisation for Chinese suggestion texts.
 *
 * Chinese has no spaces and respondents write colloquially, with dialect words and homophone
 * typos, so we do not segment into words: we normalise the text, split it into runs of CJK
 * characters and ASCII words/numbers, and emit overlapping character n-grams inside each CJK run.
 * N-grams never cross punctuation, because a clause boundary is not part of a term.
 */

/** Common homophone typos, dialect words and synonyms seen on paper forms, mapped to one spelling. */
const NORMALISATION_TABLE: ReadonlyArray<readonly [string, string]> = [
	['电亚', '电压'],
	['电鸭', '电压'],
	['申情', '申请'],
	['反应', '反映'],
	['帐单', '账单'],
	['帐户', '账户'],
	['到帐', '到账'],
	['缴纳', '缴'],
	['交费', '缴费'],
	['台变', '变压器'],
	['配变', '变压器'],
	['公变', '变压器'],
	['变压噐', '变压器'],
	['么子', '什么'],
	['啥子', '什么'],
	['冇得', '没有'],
	['冇', '没'],
	['莫有', '没有'],
	['晓得', '知道'],
	['搞么', '干什么'],
	['咯', ''],
	['哒', '了']
];

/** A run of the normalised text: CJK characters, or a single ASCII word or number. */
export interface TextRun {
	kind: 'cjk' | 'word' | 'number';
	text: string;
}

/** Options for {@link extractFeatures}. */
export interface NgramOptions {
	/** Smallest character n-gram inside CJK runs (default 1). */
	minN?: number;
	/** Largest character n-gram inside CJK runs (default 3). */
	maxN?: number;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z]+|[0-9]+(?:\.[0-9]+)?/gu;

/** NFKC (full-width → half-width), lower case, and the typo/dialect table above. */
export function normaliseText(text: string): string {
	let out = (text ?? '').normalize('NFKC').toLowerCase();
	for (const [from, to] of NORMALISATION_TABLE) {
		if (out.includes(from)) out = out.split(from).join(to);
	}
	return out;
}

/** Splits normalised text into CJK runs, ASCII words and numbers; punctuation and spaces drop out. */
export function splitRuns(text: string): TextRun[] {
	const runs: TextRun[] = [];
	for (const match of normaliseText(text).matchAll(RUN)) {
		const part = match[0];
		if (CJK.test(part)) runs.push({ kind: 'cjk', text: part });
		else if (/^[0-9]/.test(part)) runs.push({ kind: 'number', text: part });
		else runs.push({ kind: 'word', text: part });
	}
	return runs;
}

/** Number of meaningful characters (CJK chars count one each, ASCII words and numbers one each). */
export function countContentUnits(text: string): number {
	let units = 0;
	for (const run of splitRuns(text)) units += run.kind === 'cjk' ? [...run.text].length : 1;
	return units;
}

/**
 * Bag of features: character n-grams of CJK runs, ASCII words, and a `#` token for any number
 * (the actual figure rarely matters; that a figure is quoted sometimes does).
 * CJK n-grams need no prefix: ASCII tokens can never collide with them.
 */
export function extractFeatures(text: string, options: NgramOptions = {}): Map<string, number> {
	const minN = options.minN ?? 1;
	const maxN = options.maxN ?? 3;
	const counts = new Map<string, number>();
	const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
	for (const run of splitRuns(text)) {
		if (run.kind === 'number') add('#');
		else if (run.kind === 'word') add(run.text);
		else addCharNgrams([...run.text], minN, maxN, add);
	}
	return counts;
}

function addCharNgrams(
	chars: string[],
	minN: number,
	maxN: number,
	add: (feature: string) => void
): void {
	for (let n = minN; n <= maxN; n++) {
		for (let i = 0; i + n <= chars.length; i++) add(chars.slice(i, i + n).join(''));
	}
}
