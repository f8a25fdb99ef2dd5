import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { categories, insightModels, suggestionItems, suggestions } from '../db/schema';
import { suggestionChanges as changes } from '../suggestions/changes';
import {
	categoriserFromJSON,
	createCategoriser,
	runStepsPolitely,
	trainCategoriserSteps,
	type Categoriser,
	type CategoriserJson
} from './index';

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
