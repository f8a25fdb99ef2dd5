import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db';
import {
	areas,
	categories,
	insightModels,
	responses,
	suggestionEvents,
	suggestionItems,
	suggestions
} from '../db/schema';
import { modelChanges, modelStored } from './model-changes';
import { MAX_PAIR_ITEMS, pairModelOrDefault } from './pair-learning';
import { pairModelFromJSON, type PairModel } from './pair-model';
import { trainOffThread } from './training-worker';
import * as modelJob from './stored-model-job';

/**
 * The duplicate decisions (merges, unmerges, splits) after which the organisation's pair model is
 * fitted again: each one changes which items are duplicates of which.
 */
export const PAIR_RETRAIN_EVERY = 10;
const DECISION_KINDS = ['merge', 'unmerge', 'split'];

interface Cached extends modelJob.ModelCheck, modelJob.RetrainState {
	model: PairModel | null;
	modelId: number;
	/** Duplicate decisions counted when the stored model was fitted. */
	decisions: number;
}
const cache = new WeakMap<Database, Cached>();
const retrains = modelJob.retrainRequests('pair model');

/** Pair-model retrains for `db` are asked of `request` (the job queue) until the answer is called. */
export function requestPairRetrainsThrough(
	db: Database,
	request: () => Promise<unknown>
): () => void {
	return retrains.through(db, request);
}

const currentDecisionCount = modelJob.decisionCounter(decisionCount);

async function decisionCount(db: Database): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(suggestionEvents)
		.where(inArray(suggestionEvents.kind, DECISION_KINDS));
	return row.n;
}

async function storedModel(db: Database, newerThan = 0) {
	const [row] = await db
		.select()
		.from(insightModels)
		.where(and(eq(insightModels.kind, 'pair'), sql`${insightModels.id} > ${newerThan}`))
		.orderBy(desc(insightModels.id))
		.limit(1);
	return row;
}

/**
 * The pair model the duplicate hints and clusters use: the organisation's own once its reviewers
 * have merged enough duplicates ({@link organisationPairModel}), else the built-in one. Never
 * waits for a retrain: a job fits it when PAIR_RETRAIN_EVERY duplicate decisions have been made
 * since, stores it in `insight_models` (kind `pair`), and every process loads it from there.
 */
export async function pairModelFor(db: Database): Promise<PairModel> {
	let state = cache.get(db);
	if (!state) {
		const stored = await storedModel(db);
		const usable = stored ? usableModel(stored) : null;
		state = {
			model: usable?.model ?? null,
			modelId: stored?.id ?? 0,
			decisions: usable?.decisions ?? 0,
			seen: modelChanges.stored,
			checkedAt: Date.now(),
			retraining: null,
			requestedAt: 0
		};
		cache.set(db, state);
	}
	if (modelJob.newerModelMayBeStored(state)) {
		state.seen = modelChanges.stored;
		state.checkedAt = Date.now();
		const newer = await storedModel(db, state.modelId);
		if (newer) adopt(state, newer);
	}
	if ((await currentDecisionCount(db)) - state.decisions >= PAIR_RETRAIN_EVERY) {
		retrains.ask(db, state, async () => {
			const result = await retrainPairModel(db);
			if (result.stored) adopt(state, result.stored);
		});
	}
	return pairModelOrDefault(state.model);
}

function adopt(state: Cached, stored: typeof insightModels.$inferSelect) {
	const { model, decisions } = usableModel(stored);
	state.model = model;
	state.modelId = stored.id;
	state.decisions = decisions;
}

/**
 * A stored model as this version reads it. One fitted by an earlier version over other features
 * (an upgrade changed them) cannot score this version's pairs: the built-in model is used instead
 * and, as if no decision had been learned, a retrain is asked at once.
 */
function usableModel(stored: typeof insightModels.$inferSelect): {
	model: PairModel | null;
	decisions: number;
} {
	const json = stored.model as PairModel | { none: true };
	if (json && typeof json === 'object' && 'none' in json) {
		return { model: null, decisions: stored.examples };
	}
	try {
		return { model: pairModelFromJSON(json), decisions: stored.examples };
	} catch (error) {
		if (!(error instanceof TypeError)) throw error;
		return { model: null, decisions: -Infinity };
	}
}

/** Waits for a retrain under way in this process (tests, scripts), then answers the model. */
export async function pairModelSettled(db: Database): Promise<PairModel> {
	await pairModelFor(db);
	await cache.get(db)?.retraining;
	return pairModelFor(db);
}

/**
 * The reviewed items the pair model learns from: each answer of a categorised live suggestion,
 * newest last, its cluster the suggestion holding it (answers merged into one suggestion are
 * duplicates of each other; different suggestions are not).
 */
async function reviewedItems(db: Database) {
	const rows = await db
		.select({
			id: suggestionItems.id,
			text: suggestionItems.text,
			suggestionId: suggestionItems.suggestionId,
			category: categories.key,
			township: areas.name
		})
		.from(suggestionItems)
		.innerJoin(suggestions, eq(suggestionItems.suggestionId, suggestions.id))
		.innerJoin(categories, eq(suggestions.categoryId, categories.id))
		.innerJoin(responses, eq(suggestionItems.responseId, responses.id))
		.leftJoin(areas, eq(responses.areaId, areas.id))
		.where(and(isNull(suggestions.mergedInto), isNotNull(suggestions.categoryId)))
		.orderBy(desc(suggestionItems.id))
		.limit(MAX_PAIR_ITEMS);
	return rows.reverse().map((r) => ({
		id: `i${r.id}`,
		text: r.text,
		category: r.category,
		township: r.township,
		duplicateOf: `s${r.suggestionId}`
	}));
}

export interface PairRetrainResult {
	/** False when the stored model was within PAIR_RETRAIN_EVERY decisions: nothing was done. */
	trained: boolean;
	decisions: number;
	/** Items learned from (0: too few merged duplicates, the built-in model stays). */
	items: number;
	stored?: typeof insightModels.$inferSelect;
}

/**
 * Fits the organisation's pair model on its reviewers' merges and stores it (or stores that there
 * are too few, so the count is not asked again at every view) — the retrain job's work, and this
 * process's when there is no job queue. The categories it learns with are predicted out of fold;
 * that and the fit (about 2–4 s at MAX_PAIR_ITEMS) run in a worker thread when built, else in
 * steps between other requests (training-worker.ts).
 */
export async function retrainPairModel(
	db: Database,
	options: { force?: boolean; signal?: AbortSignal } = {}
): Promise<PairRetrainResult> {
	const trainedAt = new Date();
	const count = await decisionCount(db);
	const latest = await storedModel(db);
	const learned = latest ? usableModel(latest).decisions : 0;
	if (!options.force && count - learned < PAIR_RETRAIN_EVERY) {
		return { trained: false, decisions: count, items: 0 };
	}
	const records = await reviewedItems(db);
	// Off the request thread: built, in a worker, whose heap goes away with it (training-worker.ts).
	const { model, items } = await trainOffThread({ kind: 'pair', records }, options.signal);
	const stored = await db.transaction(async (tx) => {
		await tx.delete(insightModels).where(eq(insightModels.kind, 'pair'));
		const [row] = await tx
			.insert(insightModels)
			.values({ kind: 'pair', model: model ?? { none: true }, examples: count, trainedAt })
			.returning();
		return row;
	});
	modelStored();
	return { trained: true, decisions: count, items: model ? items : 0, stored };
}
