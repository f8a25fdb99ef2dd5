/**
 * What the categoriser and the pair model share as models kept in `insight_models`: each process
 * answers with the model it holds, looks for a newer stored one now and then, counts the
 * reviewers' decisions to know when the model is behind, and then asks for a retrain — of the job
 * queue (jobs/, one job across all processes) when there is one, else it retrains here, in the
 * background (scripts, tests).
 */
import type { Database } from '../db';
import { suggestionChanges as changes } from '../suggestions/changes';
import { modelChanges } from './model-changes';

/** A model stored by another process is looked for at least this often, should a message be lost. */
const MODEL_RECHECK_MS = 10_000;
/**
 * Only a reviewer's decision changes a decision count (new answers come in uncategorised), so it is
 * counted again after one in this process, and at least this often for the decisions of others.
 */
const DECISIONS_RECOUNT_MS = 30_000;
/** A retrain asked of the job queue and still queued is not asked for again before this. */
const REQUEST_AGAIN_MS = 60_000;

/** When this process last looked for a newer stored model: `modelChanges.stored` then, and the time. */
export interface ModelCheck {
	seen: number;
	checkedAt: number;
}

/** True when a model may have been stored since `check` (a signal came, or it is a while ago). */
export function newerModelMayBeStored(check: ModelCheck, now = Date.now()): boolean {
	return check.seen !== modelChanges.stored || now - check.checkedAt >= MODEL_RECHECK_MS;
}

/** `count(db)`, answered from memory until a reviewer decides here or DECISIONS_RECOUNT_MS pass. */
export function decisionCounter(
	count: (db: Database) => Promise<number>
): (db: Database) => Promise<number> {
	const known = new WeakMap<Database, { n: number; reviews: number; at: number }>();
	return async (db) => {
		const last = known.get(db);
		const now = Date.now();
		if (last && last.reviews === changes.reviews && now - last.at < DECISIONS_RECOUNT_MS) {
			return last.n;
		}
		const reviews = changes.reviews;
		const n = await count(db);
		known.set(db, { n, reviews, at: now });
		return n;
	};
}

/** A process's retrain of one kind of model: under way here, or asked of the job queue when. */
export interface RetrainState {
	retraining: Promise<void> | null;
	requestedAt: number;
}

/** Who retrains one kind of model (`what`, for the log), per database. */
export function retrainRequests(what: string) {
	const requests = new WeakMap<Database, () => Promise<unknown>>();
	return {
		/** Retrains for `db` are asked of `request` (the job queue) until the answered function is called. */
		through(db: Database, request: () => Promise<unknown>): () => void {
			requests.set(db, request);
			return () => {
				if (requests.get(db) === request) requests.delete(db);
			};
		},
		/**
		 * Asks the job queue for a retrain (at most every REQUEST_AGAIN_MS), or without one runs
		 * `retrainHere` in the background; nothing while a retrain runs here already.
		 */
		ask(db: Database, state: RetrainState, retrainHere: () => Promise<void>): void {
			if (state.retraining) return;
			const request = requests.get(db);
			if (!request) {
				state.retraining = retrainHere()
					.catch((e: unknown) => console.error(`Xinkan: ${what} retrain failed:`, e))
					.finally(() => (state.retraining = null));
			} else if (Date.now() - state.requestedAt >= REQUEST_AGAIN_MS) {
				state.requestedAt = Date.now();
				request().catch((e: unknown) => {
					state.requestedAt = 0;
					console.error(`Xinkan: could not ask for a ${what} retrain:`, e);
				});
			}
		}
	};
}
