import { and, desc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { categories, insightModels, suggestionItems, suggestions } from '../db/schema';
import {
	categoriserFromJSON,
	createCategoriser,
	type Categoriser,
	type CategoriserJson
} from './index';
import { modelStored, modelChanges } from './model-changes';
import * as modelJob from './stored-model-job';
import { trainOffThread } from './training-worker';

/** A full retrain runs when the stored model is this many reviewer decisions behind. */
export const RETRAIN_EVERY = 50;
/**
 * A retrain learns from the most recent decisions only: training costs about 3 ms per example
 * (1.3 s for 450, 14 s for 5,000), and a few thousand recent decisions teach the taxonomy as well
 * as a whole history would.
 */
const RETRAIN_MAX_EXAMPLES = 5_000;

interface Learned {
	text: string;
	category: string;
	/** When this process learned it (epoch ms), to replay it onto a model trained since. */
	at: number;
}

interface Cached extends modelJob.ModelCheck, modelJob.RetrainState {
	model: Categoriser;
	/** The stored model it was loaded from (0: none, the lexicon cold start). */
	modelId: number;
	examples: number;
	/** Decisions this process learned since its model was trained, replayed onto a newer one. */
	learned: Learned[];
	checking: Promise<void> | null;
}

/**
 * One categoriser per process and database. The cache only saves work: every process can rebuild
 * it from the database (the stored model, else the reviewers' decisions), so two processes
 * disagree at most by the decisions made since the last retrain.
 */
const cache = new WeakMap<Database, Cached>();

/**
 * Who retrains for a database: with a job queue (jobs/), one job across all processes; without
 * one (scripts, tests), this process in the background.
 */
const retrains = modelJob.retrainRequests('categoriser');

/** Retrains for `db` are asked of `request` (the job queue) until the answered function is called. */
export function requestRetrainsThrough(db: Database, request: () => Promise<unknown>): () => void {
	return retrains.through(db, request);
}

/** Decisions kept for replay; beyond this a retrain is long overdue and will learn them anyway. */
const LEARNED_MAX = 5_000;

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

const currentDecisionCount = modelJob.decisionCounter(decisionCount);

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
 * retrain when it falls RETRAIN_EVERY decisions behind — a job (jobs/categoriser-retrain.ts) that
 * runs once across all processes and stores the model, which each process then loads. This call
 * never waits for a retrain: it answers with the model in use until a newer one is stored.
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
			modelId: stored?.id ?? 0,
			examples: stored?.examples ?? 0,
			retraining: null,
			requestedAt: 0,
			learned: [],
			seen: modelChanges.stored,
			checkedAt: Date.now(),
			checking: null
		};
		cache.set(db, cached);
	}
	const state = cached;
	if (modelJob.newerModelMayBeStored(state)) {
		state.checking ??= loadNewerModel(db, state).finally(() => (state.checking = null));
		await state.checking;
	}
	if (count > 0 && count - state.examples >= RETRAIN_EVERY) {
		retrains.ask(db, state, () => retrainHere(db, state));
	}
	return state.model;
}

/**
 * The id of the stored model this process's categoriser was last loaded from (0: the lexicon cold
 * start), or null before it was first used; no query. /healthz reports it, so each process's model
 * can be told apart after a retrain.
 */
export function categoriserModelInUse(db: Database): number | null {
	return cache.get(db)?.modelId ?? null;
}

/** Waits for a retrain under way here (tests, scripts); the model then knows every decision. */
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

/** Takes a model trained at `trainedAt`, with what this process learned since replayed onto it. */
function adopt(
	state: Cached,
	model: Categoriser,
	stored: { id: number; examples: number; trainedAt: Date }
) {
	const since = stored.trainedAt.getTime();
	state.learned = state.learned.filter((d) => d.at >= since);
	for (const { text, category } of state.learned) model.learn({ text, category });
	state.model = model;
	state.modelId = stored.id;
	state.examples = stored.examples;
}

/** Loads a model stored since this process's own (by a retrain job here or in another process). */
async function loadNewerModel(db: Database, state: Cached): Promise<void> {
	const seen = modelChanges.stored;
	const [stored] = await db
		.select()
		.from(insightModels)
		.where(and(eq(insightModels.kind, 'categoriser'), gt(insightModels.id, state.modelId)))
		.orderBy(desc(insightModels.id))
		.limit(1);
	state.seen = seen;
	state.checkedAt = Date.now();
	if (stored) adopt(state, categoriserFromJSON(stored.model as CategoriserJson), stored);
}

export interface RetrainResult {
	/** False when the stored model was already within RETRAIN_EVERY decisions: nothing was done. */
	trained: boolean;
	/** Reviewer decisions counted when training began; the stored model's `examples`. */
	decisions: number;
	/** Examples it learned from (the most recent RETRAIN_MAX_EXAMPLES, in active categories). */
	examples: number;
}

/**
 * Trains the categoriser on the reviewers' decisions and stores it, unless the stored model is
 * already up to date (`force` trains anyway). The retrain job's work, and this process's when
 * there is no job queue. `signal` stops it between two training passes (shutdown).
 */
export async function retrainCategoriser(
	db: Database,
	options: { force?: boolean; signal?: AbortSignal } = {}
): Promise<RetrainResult & { model?: Categoriser; stored?: typeof insightModels.$inferSelect }> {
	// Taken before the decisions are read: a decision learned in a process after this is replayed
	// onto the new model there (learned twice at worst, never lost).
	const trainedAt = new Date();
	const count = await decisionCount(db);
	const [latest] = await db
		.select({ examples: insightModels.examples })
		.from(insightModels)
		.where(eq(insightModels.kind, 'categoriser'))
		.orderBy(desc(insightModels.id))
		.limit(1);
	if (!options.force && (count === 0 || count - (latest?.examples ?? 0) < RETRAIN_EVERY)) {
		return { trained: false, decisions: count, examples: 0 };
	}
	// The organisation's own taxonomy: categories it added are learned from its decisions.
	const keys = await activeCategories(db);
	const examples = (await decisions(db, RETRAIN_MAX_EXAMPLES)).filter((e) =>
		keys.includes(e.category)
	);
	// Off the request thread: built, in a worker, whose heap goes away with it (training-worker.ts).
	const model = categoriserFromJSON(
		await trainOffThread({ kind: 'categoriser', examples, categories: keys }, options.signal)
	);
	if (!examples.length) return { trained: true, decisions: count, examples: 0, model };
	const stored = await db.transaction(async (tx) => {
		await tx.delete(insightModels).where(eq(insightModels.kind, 'categoriser'));
		const [row] = await tx
			.insert(insightModels)
			.values({ kind: 'categoriser', model: model.toJSON(), examples: count, trainedAt })
			.returning();
		return row;
	});
	modelStored();
	return { trained: true, decisions: count, examples: examples.length, model, stored };
}

/** Without a job queue: this process retrains in the background and takes the result at once. */
async function retrainHere(db: Database, state: Cached): Promise<void> {
	const startedAt = Date.now();
	const result = await retrainCategoriser(db);
	if (!result.model) {
		// Up to date already: another process stored a model this one has not loaded yet.
		state.checkedAt = 0;
		return;
	}
	const stored = result.stored ?? {
		id: state.modelId,
		examples: result.decisions,
		trainedAt: new Date(startedAt)
	};
	adopt(state, result.model, stored);
	state.seen = modelChanges.stored;
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
	const at = Date.now();
	for (const text of texts) {
		model.learn({ text, category });
		state?.learned.push({ text, category, at });
	}
	if (state && state.learned.length > LEARNED_MAX) state.learned.splice(0, LEARNED_MAX / 2);
}
