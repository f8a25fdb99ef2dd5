import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { areas, categories, responses, suggestionItems, suggestions } from '../db/schema';
import { suggestionChanges as changes } from '../suggestions/changes';
import { categoriserFor } from './categoriser-service';
import { modelChanges } from './model-changes';
import { pairModelFor } from './pair-model-service';
import {
	buildHintIndexSteps,
	findHints,
	hintItem,
	HINTS_SHOWN,
	predictCategoriesSteps,
	withPredictedCategories,
	type HintIndex,
	type HintItem
} from './hints';
import { clusterItems, findRaisedBefore, runStepsPolitely } from './index';

/**
 * What the duplicate finder knows of a campaign's live suggestions. An uncategorised one (a new
 * answer, just when the reviewer needs the hint) carries the categoriser's predicted categories:
 * the pair model was fitted on predicted categories, and without them it finds far fewer
 * duplicates of new items (on inner splits of the training data, recall of the hints shown on
 * arrival 0.73 → 0.93 at the same floor; see docs/notes/insight-evaluation.md).
 */
async function insightItems(db: Database, where: ReturnType<typeof and>): Promise<HintItem[]> {
	const rows = await db
		.select({
			id: suggestions.id,
			title: suggestions.title,
			category: categories.key,
			texts: sql<string[]>`array_agg(${suggestionItems.text} order by ${suggestionItems.id})`,
			township: sql<string | null>`min(${areas.name})`,
			// Which answers it holds: the parts of one split answer are never each other's duplicates.
			answers: sql<
				string[]
			>`array_agg(distinct ${suggestionItems.responseId} || ':' || ${suggestionItems.questionId})`
		})
		.from(suggestions)
		.innerJoin(suggestionItems, eq(suggestionItems.suggestionId, suggestions.id))
		.innerJoin(responses, eq(suggestionItems.responseId, responses.id))
		.leftJoin(areas, eq(responses.areaId, areas.id))
		.leftJoin(categories, eq(suggestions.categoryId, categories.id))
		.where(where)
		.groupBy(suggestions.id, categories.key);
	return rows.map((r) => hintItem({ ...r, id: String(r.id) }));
}

/**
 * The queue's duplicate hints come from an index of every live suggestion of the campaign (and, for
 * "raised before", of all the others); building it costs about 0.4 s at 2,000 suggestions and 7 s at
 * 100,000, so it is built in steps (other requests run between them) and kept. A reviewer's change in
 * this process (merge, split, categorise…) drops it at once; a new answer drops it while it is small
 * (under SMALL_INDEX suggestions, where a rebuild is cheap). A large one older than HINT_INDEX_MS
 * keeps answering while its successor is built, so new answers and other processes' changes show
 * within a rebuild. The suggestions a page asks about are always read fresh.
 */
const HINT_INDEX_MS = 30_000;
const SMALL_INDEX = 5_000;
interface KeptIndex {
	index: Promise<HintIndex>;
	size: number;
	reviews: number;
	intake: number;
	/** `modelChanges.stored` when built: a new categoriser or pair model means a new index. */
	models: number;
	at: number;
	/** A successor being built while this one keeps answering. */
	refreshing: boolean;
}
const hintIndexes = new WeakMap<Database, Map<string, KeptIndex>>();
function keptIndex(db: Database, key: string, where: ReturnType<typeof and>): Promise<HintIndex> {
	let byKey = hintIndexes.get(db);
	if (!byKey) {
		byKey = new Map();
		hintIndexes.set(db, byKey);
	}
	const kept = byKey.get(key);
	const now = Date.now();
	const reviewed =
		kept !== undefined && kept.reviews === changes.reviews && kept.models === modelChanges.stored;
	const current = reviewed && (kept.intake === changes.intake || kept.size >= SMALL_INDEX);
	if (kept && current && now - kept.at < HINT_INDEX_MS) return kept.index;
	const build = (): KeptIndex => {
		const entry: KeptIndex = {
			index: Promise.all([insightItems(db, where), categoriserFor(db), pairModelFor(db)]).then(
				([items, categoriser, pairModel]) => {
					entry.size = items.length;
					return runStepsPolitely(buildHintIndexSteps(items, { categoriser, pairModel }));
				}
			),
			size: kept?.size ?? 0,
			reviews: changes.reviews,
			intake: changes.intake,
			models: modelChanges.stored,
			at: now,
			refreshing: false
		};
		return entry;
	};
	if (kept && current) {
		// Large, only old: it answers now, and its successor replaces it once built.
		if (!kept.refreshing) {
			kept.refreshing = true;
			const next = build();
			next.index.then(
				() => byKey.set(key, next),
				() => {
					kept.refreshing = false;
				}
			);
		}
		return kept.index;
	}
	const entry = build();
	byKey.set(key, entry);
	// A failed build is not kept: the next view tries again.
	entry.index.catch(() => {
		if (byKey.get(key) === entry) byKey.delete(key);
	});
	return entry.index;
}

/** Every live suggestion of the campaign: what a new one may duplicate. */
function campaignIndex(db: Database, campaignId: number) {
	return keptIndex(
		db,
		`campaign:${campaignId}`,
		and(eq(suggestions.campaignId, campaignId), isNull(suggestions.mergedInto))
	);
}

/** Every live suggestion of the other campaigns: what a new one may have "raised before". */
function earlierIndex(db: Database, campaignId: number) {
	return keptIndex(
		db,
		`before:${campaignId}`,
		and(ne(suggestions.campaignId, campaignId), isNull(suggestions.mergedInto))
	);
}

/**
 * Starts building the queue's indexes for these campaigns in the background (in steps, between
 * requests), so the first reviewer after a start does not wait for them.
 */
export function warmQueueHints(db: Database, campaignIds: number[]): void {
	for (const id of campaignIds) {
		campaignIndex(db, id).catch(() => {});
		earlierIndex(db, id).catch(() => {});
	}
}

export interface DuplicateHint {
	id: number;
	score: number;
	/** Same or nearly the same wording (always shown first, at any score). */
	sameWords?: boolean;
	/** False for a less likely hint (below the floor: shown apart, see `HINT_WEAK_FLOOR`). */
	likely?: boolean;
}

/**
 * For each given suggestion, the campaign's suggestions most likely to raise the same issue, as
 * the queue shows them (`findHints`: same wording first, then the likeliest above the floor, then
 * less likely ones in the places left).
 */
export async function duplicateCandidates(
	db: Database,
	campaignId: number,
	ids: number[],
	k = HINTS_SHOWN
): Promise<Map<number, DuplicateHint[]>> {
	const result = new Map<number, DuplicateHint[]>();
	if (!ids.length) return result;
	const [hints, asked, categoriser] = await Promise.all([
		campaignIndex(db, campaignId),
		insightItems(db, inArray(suggestions.id, ids)),
		categoriserFor(db)
	]);
	for (const item of asked.map((a) => withPredictedCategories(a, categoriser))) {
		result.set(
			Number(item.id),
			findHints(hints, item, k).map((h) => ({
				id: Number(h.id),
				score: h.score,
				sameWords: h.sameWords,
				likely: h.likely
			}))
		);
	}
	return result;
}

/** The whole campaign grouped into candidate clusters, for one-click merging. */
export async function possibleDuplicates(db: Database, campaignId: number) {
	const [live, categoriser, pairModel] = await Promise.all([
		insightItems(db, and(eq(suggestions.campaignId, campaignId), isNull(suggestions.mergedInto))),
		categoriserFor(db),
		pairModelFor(db)
	]);
	const items = await runStepsPolitely(predictCategoriesSteps(live, categoriser));
	return clusterItems(items, { pairModel }).map((c) => ({
		ids: c.ids.map(Number),
		cohesion: c.cohesion
	}));
}

/** Suggestions of earlier campaigns that match these ("raised before": a hint for the legacy nature). */
export async function raisedBefore(
	db: Database,
	campaignId: number,
	ids: number[]
): Promise<Map<number, DuplicateHint[]>> {
	const result = new Map<number, DuplicateHint[]>();
	if (!ids.length) return result;
	const { index } = await earlierIndex(db, campaignId);
	if (!index.items.length) return result;
	const categoriser = await categoriserFor(db);
	for (const asked of await insightItems(db, inArray(suggestions.id, ids))) {
		const item = withPredictedCategories(asked, categoriser);
		const found = findRaisedBefore(index, item);
		if (found.length) {
			result.set(
				Number(item.id),
				found.map((s) => ({ id: Number(s.id), score: s.score }))
			);
		}
	}
	return result;
}
