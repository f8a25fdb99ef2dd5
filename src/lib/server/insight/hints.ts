/**
 * The review queue's duplicate hints, as a reviewer sees them (issue 19): what the queue service
 * (`duplicate-hints.ts`) shows for a new suggestion, and what `npm run categorize` measures as
 * `dupRecallAt5Arrival` — one function for both, so the measured path is the product's path.
 *
 * A copy is never missed: any item whose wording is the same or nearly the same (after
 * {@link normaliseWording}) comes first, at whatever score the pair model gives it; after those
 * come the pair model's best candidates scoring at least {@link HINT_FLOOR} (likely duplicates),
 * and the places left of the five go to the best below it, down to {@link HINT_WEAK_FLOOR}, shown
 * apart as less likely.
 */
import { distance } from 'fastest-levenshtein';
import {
	buildDuplicateIndexSteps,
	partsOfOneAnswer,
	profileOf,
	rankCandidates,
	scoreAgainst,
	type DuplicateIndex,
	type DuplicateOptions,
	type InsightItem
} from './duplicates';
import type { Steps } from './steps';

/** Hints shown per new suggestion. */
export const HINTS_SHOWN = 5;
/**
 * Below this pair probability a candidate is not shown as likely (unless its wording is nearly the
 * same). Chosen from measured precision on inner splits of the frozen split's training side (never
 * its test side): the lowest floor at which, on every split, at least 6 in 10 hints shown for items
 * that have an earlier duplicate are true duplicates. Re-measured with the refitted models of
 * December 2026 (`scripts/experiments/hint-floor.ts`, seeds 1–5): at 0.05 one split fell to 0.59,
 * so the floor rose to 0.075 (0.63–0.87, pooled 0.75; likely-hint arrival recall 0.957 → 0.945,
 * all five places unchanged at 0.988, as the less likely hints take up what the floor lets go).
 * Over every arriving item, with or without an earlier duplicate, about half the likely hints are
 * true (0.51 pooled). docs/notes/insight-evaluation.md has the table.
 */
export const HINT_FLOOR = 0.075;
/**
 * Less likely hints: candidates below {@link HINT_FLOOR} fill the places left of the five, shown
 * apart ("less likely", with their percentage), down to this probability. On inner splits 1–5 of
 * the training side, 8 of the 11 earlier duplicates the likely hints missed on arrival were among
 * the five best under the floor; with them shown, arrival recall 0.957 → 0.988, and this is the
 * highest floor at which none of them was lost (0.005 loses one). About 2 in 100 of these are true
 * duplicates, which is why they are set apart (docs/notes/insight-evaluation.md).
 */
export const HINT_WEAK_FLOOR = 0.002;
/**
 * Nearly the same wording: at most this share of characters edited (Levenshtein distance over the
 * longer normalised wording)…
 */
const NEAR_EDIT_SHARE = 0.2;
/** …and only between wordings at least this long (shorter ones must be equal). */
const NEAR_MIN_LENGTH = 6;

export interface HintItem extends InsightItem {
	/** Each way the item is worded (its title and every answer it holds), as written. */
	wordings?: readonly string[];
}

export interface DuplicateHint {
	id: string;
	score: number;
	/** Same or nearly the same wording as one of the item's. */
	sameWords: boolean;
	/** Same wording, or a pair probability of at least the floor; else a less likely hint. */
	likely: boolean;
}

export interface HintIndex {
	index: DuplicateIndex;
	/** Normalised wordings per indexed position. */
	wordings: string[][];
	/** Normalised wording → the positions worded so. */
	byWording: Map<string, number[]>;
}

/**
 * What is compared for "same words": NFKC (full-width letters, digits and punctuation become
 * half-width), lower case, without punctuation, symbols and spaces. Traditional characters are not
 * mapped to simplified ones: no measured case needed it (see docs/notes/insight-evaluation.md).
 */
export function normaliseWording(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\p{P}\p{S}\p{Z}\s]/gu, '');
}

/** Whether two normalised wordings are the same or nearly the same. */
export function nearlySameWording(a: string, b: string): boolean {
	if (a === b) return a.length > 0;
	const longer = Math.max(a.length, b.length);
	if (Math.min(a.length, b.length) < NEAR_MIN_LENGTH) return false;
	// Cheap bound first: the distance is at least the difference in length.
	const allowed = Math.floor(NEAR_EDIT_SHARE * longer);
	if (Math.abs(a.length - b.length) > allowed) return false;
	return distance(a, b) <= allowed;
}

/**
 * One suggestion as the hints see it: its title and answers joined (the text the pair model reads)
 * and each of them as a wording of its own.
 */
export function hintItem(input: {
	id: string;
	title: string;
	texts: readonly string[];
	township?: string | null;
	category?: string | null;
	categories?: InsightItem['categories'];
	answers?: readonly string[];
}): HintItem {
	return {
		id: input.id,
		text: `${input.title}。${input.texts.join('。')}`.slice(0, 600),
		township: input.township ?? null,
		category: input.category ?? null,
		categories: input.categories ?? null,
		answers: input.answers,
		wordings: [input.title, ...input.texts]
	};
}

/**
 * An uncategorised item with the categoriser's predicted categories (the pair model was fitted on
 * predicted ones); a categorised one as it is.
 */
export function withPredictedCategories(item: HintItem, categoriser: CategoryPredictor): HintItem {
	if (item.category) return item;
	const predicted = categoriser.distribution(item.text);
	return { ...item, category: predicted[0]?.category ?? null, categories: predicted };
}

export interface CategoryPredictor {
	distribution(text: string): Array<{ category: string; confidence: number }>;
}

const PREDICTIONS_PER_STEP = 200;

/**
 * {@link withPredictedCategories} for many items, pausing every PREDICTIONS_PER_STEP of them (about
 * 0.5 ms each: 100,000 uncategorised suggestions would otherwise hold a server for a minute).
 */
export function* predictCategoriesSteps(
	items: readonly HintItem[],
	categoriser: CategoryPredictor
): Steps<HintItem[]> {
	const out: HintItem[] = [];
	let predicted = 0;
	for (const item of items) {
		out.push(withPredictedCategories(item, categoriser));
		if (!item.category && ++predicted % PREDICTIONS_PER_STEP === 0) yield;
	}
	return out;
}

function wordingsOf(item: HintItem): string[] {
	const all = (item.wordings?.length ? item.wordings : [item.text]).map(normaliseWording);
	return [...new Set(all.filter((w) => w.length > 0))];
}

/**
 * The duplicate index and the wordings of these items, built in steps; with a categoriser, the
 * uncategorised ones get its predicted categories first.
 */
export function* buildHintIndexSteps(
	given: readonly HintItem[],
	options: DuplicateOptions & { categoriser?: CategoryPredictor } = {}
): Steps<HintIndex> {
	const { categoriser, ...duplicateOptions } = options;
	const items = categoriser ? yield* predictCategoriesSteps(given, categoriser) : given;
	const index = yield* buildDuplicateIndexSteps(items, duplicateOptions);
	const wordings = items.map(wordingsOf);
	const byWording = new Map<string, number[]>();
	wordings.forEach((list, position) => {
		for (const wording of list) {
			const positions = byWording.get(wording);
			if (positions) positions.push(position);
			else byWording.set(wording, [position]);
		}
	});
	return { index, wordings, byWording };
}

/**
 * The hints for `item`: same or nearly the same wording first, then the likeliest duplicates at
 * or above `floor`, then (less likely) the best at or above `weakFloor` in the places left of `k`.
 */
export function findHints(
	hints: HintIndex,
	item: HintItem,
	k = HINTS_SHOWN,
	floor = HINT_FLOOR,
	weakFloor = HINT_WEAK_FLOOR
): DuplicateHint[] {
	const { index } = hints;
	const profile = profileOf(index, item);
	const ranked = rankCandidates(index, item, profile);
	const own = wordingsOf(item);
	const eligible = (position: number) =>
		index.items[position].id !== item.id && !partsOfOneAnswer(index.items[position], item);

	const same = new Map<number, number>();
	for (const wording of own) {
		for (const position of hints.byWording.get(wording) ?? []) {
			if (!same.has(position)) same.set(position, scoreAgainst(index, item, profile, position));
		}
	}
	for (const [position, score] of ranked) {
		if (same.has(position)) continue;
		if (own.some((a) => hints.wordings[position].some((b) => nearlySameWording(a, b)))) {
			same.set(position, score);
		}
	}
	const first = [...same]
		.filter(([position]) => eligible(position))
		.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
	// `ranked` is best first, so the likely ones (≥ floor) come before the less likely ones.
	const rest = ranked.filter(
		([position, score]) =>
			!same.has(position) && score >= Math.min(floor, weakFloor) && eligible(position)
	);
	return [
		...first.map(([position, score]) => toHint(index, position, score, true, true)),
		...rest.map(([position, score]) => toHint(index, position, score, false, score >= floor))
	].slice(0, Math.max(0, k));
}

function toHint(
	index: DuplicateIndex,
	position: number,
	score: number,
	sameWords: boolean,
	likely: boolean
): DuplicateHint {
	return {
		id: index.items[position].id,
		score: Math.round(score * 1e4) / 1e4,
		sameWords,
		likely
	};
}
