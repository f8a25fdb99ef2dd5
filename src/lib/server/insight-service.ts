import { and, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from './db';
import {
	areas,
	categories,
	insightModels,
	responses,
	suggestionItems,
	suggestions
} from './db/schema';
import {
	buildDuplicateIndex,
	categoriserFromJSON,
	clusterItems,
	createCategoriser,
	findRaisedBefore,
	findSimilar,
	type Categoriser,
	type CategoriserJson,
	type DuplicateIndex,
	type InsightItem
} from './insight';

/** A full retrain runs when the stored model is this many reviewer decisions behind. */
const RETRAIN_EVERY = 50;

interface Cached {
	model: Categoriser;
	examples: number;
}

/**
 * One categoriser per process and database. The cache only saves work: every process can rebuild
 * it from the database (the stored model, else the reviewers' decisions), so two processes
 * disagree at most by the decisions made since their last retrain.
 */
const cache = new WeakMap<Database, Cached>();

/** Reviewer decisions: the text of every item of a categorised suggestion, with its category. */
async function decisions(db: Database) {
	return db
		.select({ text: suggestionItems.text, category: categories.key })
		.from(suggestionItems)
		.innerJoin(suggestions, eq(suggestionItems.suggestionId, suggestions.id))
		.innerJoin(categories, eq(suggestions.categoryId, categories.id))
		.where(isNull(suggestions.mergedInto))
		.orderBy(suggestionItems.id);
}

async function decisionCount(db: Database): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(suggestionItems)
		.innerJoin(suggestions, eq(suggestionItems.suggestionId, suggestions.id))
		.where(and(isNull(suggestions.mergedInto), isNotNull(suggestions.categoryId)));
	return row.n;
}

/**
 * The current categoriser. Cold start is the built-in lexicon; after that it learns from the
 * organisation's own decisions: incrementally with each one (see `learnDecision`), and by a full
 * retrain (about a second for 600 answers) when it falls RETRAIN_EVERY decisions behind.
 */
export async function categoriserFor(db: Database): Promise<Categoriser> {
	const count = await decisionCount(db);
	let cached = cache.get(db);
	if (!cached) {
		const [stored] = await db
			.select()
			.from(insightModels)
			.where(eq(insightModels.kind, 'categoriser'))
			.orderBy(desc(insightModels.id))
			.limit(1);
		if (stored) {
			cached = {
				model: categoriserFromJSON(stored.model as CategoriserJson),
				examples: stored.examples
			};
		}
	}
	if (!cached || count - cached.examples >= RETRAIN_EVERY) {
		// The organisation's own taxonomy: categories it added are learned from its decisions.
		const keys = (
			await db.select({ key: categories.key }).from(categories).where(eq(categories.active, true))
		).map((c) => c.key);
		const model = createCategoriser({ categories: keys });
		const examples = (await decisions(db)).filter((e) => keys.includes(e.category));
		if (examples.length) model.train(examples);
		cached = { model, examples: count };
		if (examples.length) {
			await db.delete(insightModels).where(eq(insightModels.kind, 'categoriser'));
			await db
				.insert(insightModels)
				.values({ kind: 'categoriser', model: model.toJSON(), examples: count });
		}
	}
	cache.set(db, cached);
	return cached.model;
}

/** A reviewer's decision teaches the in-process model at once (well under a millisecond). */
export async function learnDecision(
	db: Database,
	texts: string[],
	category: string
): Promise<void> {
	const model = await categoriserFor(db);
	if (!model.toJSON().state.categories.includes(category)) return;
	for (const text of texts) model.learn({ text, category });
}

/** What the duplicate finder knows of a campaign's live suggestions. */
async function insightItems(db: Database, where: ReturnType<typeof and>): Promise<InsightItem[]> {
	const rows = await db
		.select({
			id: suggestions.id,
			title: suggestions.title,
			category: categories.key,
			text: sql<string>`string_agg(${suggestionItems.text}, '。' order by ${suggestionItems.id})`,
			township: sql<string | null>`min(${areas.name})`
		})
		.from(suggestions)
		.innerJoin(suggestionItems, eq(suggestionItems.suggestionId, suggestions.id))
		.innerJoin(responses, eq(suggestionItems.responseId, responses.id))
		.leftJoin(areas, eq(responses.areaId, areas.id))
		.leftJoin(categories, eq(suggestions.categoryId, categories.id))
		.where(where)
		.groupBy(suggestions.id, categories.key);
	return rows.map((r) => ({
		id: String(r.id),
		text: `${r.title}。${r.text}`.slice(0, 600),
		township: r.township,
		category: r.category
	}));
}

/**
 * The queue's duplicate hints come from an index of every live suggestion of the campaign (and, for
 * "raised before", of all the others); building it costs about 0.4 s at 2,000 suggestions and 7 s at
 * 100,000, too much for every page view. So the index is kept: a reviewer's change in this process
 * (merge, split, categorise…) drops it at once; a new answer drops it while it is small (under
 * SMALL_INDEX suggestions, where a rebuild is cheap); a large one picks up new answers within
 * HINT_INDEX_MS, as it does changes made by another process. The suggestions a page asks about are
 * always read fresh, so each finds its likely duplicates among those indexed.
 */
const HINT_INDEX_MS = 30_000;
const SMALL_INDEX = 5_000;
interface KeptIndex {
	index: Promise<DuplicateIndex>;
	size: number;
	reviews: number;
	intake: number;
	at: number;
}
const hintIndexes = new WeakMap<Database, Map<string, KeptIndex>>();
const changes = { reviews: 0, intake: 0 };

/** Call when suggestions change: by a reviewer's decision, or by new answers coming in. */
export function suggestionsChanged(kind: 'review' | 'intake'): void {
	if (kind === 'review') changes.reviews++;
	else changes.intake++;
}

function keptIndex(
	db: Database,
	key: string,
	load: () => Promise<InsightItem[]>
): Promise<DuplicateIndex> {
	let byKey = hintIndexes.get(db);
	if (!byKey) {
		byKey = new Map();
		hintIndexes.set(db, byKey);
	}
	const kept = byKey.get(key);
	const now = Date.now();
	if (
		kept &&
		now - kept.at < HINT_INDEX_MS &&
		kept.reviews === changes.reviews &&
		(kept.intake === changes.intake || kept.size >= SMALL_INDEX)
	) {
		return kept.index;
	}
	const entry: KeptIndex = {
		index: load().then((items) => {
			entry.size = items.length;
			return buildDuplicateIndex(items);
		}),
		size: kept?.size ?? 0,
		reviews: changes.reviews,
		intake: changes.intake,
		at: now
	};
	byKey.set(key, entry);
	// A failed build is not kept: the next view tries again.
	entry.index.catch(() => {
		if (byKey.get(key) === entry) byKey.delete(key);
	});
	return entry.index;
}

export interface DuplicateHint {
	id: number;
	score: number;
}

/** For each given suggestion, the campaign's suggestions most likely to raise the same issue. */
export async function duplicateCandidates(
	db: Database,
	campaignId: number,
	ids: number[],
	k = 3
): Promise<Map<number, DuplicateHint[]>> {
	const result = new Map<number, DuplicateHint[]>();
	if (!ids.length) return result;
	const [index, items] = await Promise.all([
		keptIndex(db, `campaign:${campaignId}`, () =>
			insightItems(db, and(eq(suggestions.campaignId, campaignId), isNull(suggestions.mergedInto)))
		),
		insightItems(db, inArray(suggestions.id, ids))
	]);
	for (const item of items) {
		const similar = findSimilar(index, item, k).filter((s) => s.score >= 0.1);
		result.set(
			Number(item.id),
			similar.map((s) => ({ id: Number(s.id), score: s.score }))
		);
	}
	return result;
}

/** The whole campaign grouped into candidate clusters, for one-click merging. */
export async function possibleDuplicates(db: Database, campaignId: number) {
	const items = await insightItems(
		db,
		and(eq(suggestions.campaignId, campaignId), isNull(suggestions.mergedInto))
	);
	return clusterItems(items).map((c) => ({ ids: c.ids.map(Number), cohesion: c.cohesion }));
}

/** Suggestions of earlier campaigns that match these ("raised before": a hint for the legacy nature). */
export async function raisedBefore(
	db: Database,
	campaignId: number,
	ids: number[]
): Promise<Map<number, DuplicateHint[]>> {
	const result = new Map<number, DuplicateHint[]>();
	if (!ids.length) return result;
	const index = await keptIndex(db, `before:${campaignId}`, () =>
		insightItems(db, and(ne(suggestions.campaignId, campaignId), isNull(suggestions.mergedInto)))
	);
	if (!index.items.length) return result;
	for (const item of await insightItems(db, inArray(suggestions.id, ids))) {
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
