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
	buildDuplicateIndexSteps,
	categoriserFromJSON,
	clusterItems,
	createCategoriser,
	findRaisedBefore,
	findSimilar,
	runStepsPolitely,
	trainCategoriserSteps,
	type Categoriser,
	type CategoriserJson,
	type DuplicateIndex,
	type InsightItem
} from './insight';

/** A full retrain runs when the stored model is this many reviewer decisions behind. */
const RETRAIN_EVERY = 50;
/**
 * A retrain learns from the most recent decisions only: training costs about 3 ms per example
 * (1.3 s for 450, 14 s for 5,000), and a few thousand recent decisions teach the taxonomy as well
 * as a whole history would.
 */
const RETRAIN_MAX_EXAMPLES = 5_000;

interface Cached {
	model: Categoriser;
	examples: number;
	/** The retrain under way, if any; decisions learned meanwhile are replayed onto its result. */
	retraining: Promise<void> | null;
	learnedMeanwhile: { text: string; category: string }[];
}

/** How many suggestion changes this process has made: kept results compare against these. */
const changes = { reviews: 0, intake: 0 };

/** Call when suggestions change: by a reviewer's decision, or by new answers coming in. */
export function suggestionsChanged(kind: 'review' | 'intake'): void {
	if (kind === 'review') changes.reviews++;
	else changes.intake++;
}

/**
 * One categoriser per process and database. The cache only saves work: every process can rebuild
 * it from the database (the stored model, else the reviewers' decisions), so two processes
 * disagree at most by the decisions made since their last retrain.
 */
const cache = new WeakMap<Database, Cached>();

/** Reviewer decisions: the text of every item of a categorised suggestion, newest last. */
async function decisions(db: Database, limit: number) {
	const newest = await db
		.select({ text: suggestionItems.text, category: categories.key })
		.from(suggestionItems)
		.innerJoin(suggestions, eq(suggestionItems.suggestionId, suggestions.id))
		.innerJoin(categories, eq(suggestions.categoryId, categories.id))
		.where(isNull(suggestions.mergedInto))
		.orderBy(desc(suggestionItems.id))
		.limit(limit);
	return newest.reverse();
}

/**
 * Only a reviewer's decision changes the count (new answers come in uncategorised), so it is
 * counted again after one in this process, and at least every DECISIONS_RECOUNT_MS for others.
 */
const DECISIONS_RECOUNT_MS = 30_000;
const decisionCounts = new WeakMap<Database, { n: number; reviews: number; at: number }>();

async function currentDecisionCount(db: Database): Promise<number> {
	const known = decisionCounts.get(db);
	const now = Date.now();
	if (known && known.reviews === changes.reviews && now - known.at < DECISIONS_RECOUNT_MS) {
		return known.n;
	}
	const reviews = changes.reviews;
	const n = await decisionCount(db);
	decisionCounts.set(db, { n, reviews, at: now });
	return n;
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
 * retrain when it falls RETRAIN_EVERY decisions behind. The retrain runs in the background in
 * small steps (one training pass at a time, other requests served in between): this call never
 * waits for it and answers with the model in use until the new one is ready.
 */
export async function categoriserFor(db: Database): Promise<Categoriser> {
	const count = await currentDecisionCount(db);
	let cached = cache.get(db);
	if (!cached) {
		const [stored] = await db
			.select()
			.from(insightModels)
			.where(eq(insightModels.kind, 'categoriser'))
			.orderBy(desc(insightModels.id))
			.limit(1);
		cached = {
			model: stored
				? categoriserFromJSON(stored.model as CategoriserJson)
				: createCategoriser({ categories: await activeCategories(db) }),
			examples: stored ? stored.examples : 0,
			retraining: null,
			learnedMeanwhile: []
		};
		cache.set(db, cached);
	}
	if (!cached.retraining && count > 0 && count - cached.examples >= RETRAIN_EVERY) {
		const state = cached;
		state.learnedMeanwhile = [];
		state.retraining = retrain(db, state, count)
			.catch((e) => console.error('categoriser retrain failed:', e))
			.finally(() => {
				state.retraining = null;
			});
	}
	return cached.model;
}

/** Waits for a retrain under way (start-up warm-up and tests); the model then knows every decision. */
export async function categoriserSettled(db: Database): Promise<Categoriser> {
	await categoriserFor(db);
	await cache.get(db)?.retraining;
	return categoriserFor(db);
}

async function activeCategories(db: Database): Promise<string[]> {
	const rows = await db
		.select({ key: categories.key })
		.from(categories)
		.where(eq(categories.active, true));
	return rows.map((c) => c.key);
}

async function retrain(db: Database, state: Cached, count: number): Promise<void> {
	// The organisation's own taxonomy: categories it added are learned from its decisions.
	const keys = await activeCategories(db);
	const examples = (await decisions(db, RETRAIN_MAX_EXAMPLES)).filter((e) =>
		keys.includes(e.category)
	);
	const model = await runStepsPolitely(trainCategoriserSteps(examples, { categories: keys }));
	for (const example of state.learnedMeanwhile) model.learn(example);
	state.learnedMeanwhile = [];
	state.model = model;
	state.examples = count;
	if (examples.length) {
		await db.transaction(async (tx) => {
			await tx.delete(insightModels).where(eq(insightModels.kind, 'categoriser'));
			await tx
				.insert(insightModels)
				.values({ kind: 'categoriser', model: model.toJSON(), examples: count });
		});
	}
}

/** A reviewer's decision teaches the in-process model at once (well under a millisecond). */
export async function learnDecision(
	db: Database,
	texts: string[],
	category: string
): Promise<void> {
	const model = await categoriserFor(db);
	if (!model.toJSON().state.categories.includes(category)) return;
	const state = cache.get(db);
	for (const text of texts) {
		model.learn({ text, category });
		if (state?.retraining) state.learnedMeanwhile.push({ text, category });
	}
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
 * 100,000, so it is built in steps (other requests run between them) and kept. A reviewer's change in
 * this process (merge, split, categorise…) drops it at once; a new answer drops it while it is small
 * (under SMALL_INDEX suggestions, where a rebuild is cheap). A large one older than HINT_INDEX_MS
 * keeps answering while its successor is built, so new answers and other processes' changes show
 * within a rebuild. The suggestions a page asks about are always read fresh.
 */
const HINT_INDEX_MS = 30_000;
const SMALL_INDEX = 5_000;
interface KeptIndex {
	index: Promise<DuplicateIndex>;
	size: number;
	reviews: number;
	intake: number;
	at: number;
	/** A successor being built while this one keeps answering. */
	refreshing: boolean;
}
const hintIndexes = new WeakMap<Database, Map<string, KeptIndex>>();
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
	const reviewed = kept !== undefined && kept.reviews === changes.reviews;
	const current = reviewed && (kept.intake === changes.intake || kept.size >= SMALL_INDEX);
	if (kept && current && now - kept.at < HINT_INDEX_MS) return kept.index;
	const build = (): KeptIndex => {
		const entry: KeptIndex = {
			index: load().then((items) => {
				entry.size = items.length;
				return runStepsPolitely(buildDuplicateIndexSteps(items));
			}),
			size: kept?.size ?? 0,
			reviews: changes.reviews,
			intake: changes.intake,
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
	return keptIndex(db, `campaign:${campaignId}`, () =>
		insightItems(db, and(eq(suggestions.campaignId, campaignId), isNull(suggestions.mergedInto)))
	);
}

/** Every live suggestion of the other campaigns: what a new one may have "raised before". */
function earlierIndex(db: Database, campaignId: number) {
	return keptIndex(db, `before:${campaignId}`, () =>
		insightItems(db, and(ne(suggestions.campaignId, campaignId), isNull(suggestions.mergedInto)))
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
		campaignIndex(db, campaignId),
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
	const index = await earlierIndex(db, campaignId);
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
