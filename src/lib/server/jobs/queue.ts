import PgBoss from 'pg-boss';
import type { Database } from '../db';
import { sqlExecutor, withSetupLock } from './executor';

/** pg-boss keeps its tables in a schema of its own (drizzle.config.ts leaves it alone). */
export const JOBS_SCHEMA = 'pgboss';

/**
 * One kind of background work. Adding one is a definition in jobs/kinds.ts:
 * `defineJob({ name: 'reminders', schedule: { cron: '0 9 * * *' }, run: (db) => sendReminders(db) })`.
 * Payloads are stored in the database and shown to admins: ids and flags only, never personal data.
 */
export interface JobKind<Data extends object = Record<string, never>> {
	/** The queue's name: lower-case words and hyphens. */
	name: string;
	/**
	 * `stately`: at most one waiting and one running across all processes (work that must run
	 * once, such as a retrain); `short`: at most one waiting; `standard`: every job sent runs.
	 */
	policy?: 'standard' | 'short' | 'stately';
	/** Retries after a failure, `retryDelay` seconds apart (doubling when `retryBackoff`). */
	retryLimit?: number;
	retryDelay?: number;
	retryBackoff?: boolean;
	/** A job running longer than this fails (and is retried): the bound on one run. */
	expireInSeconds?: number;
	/** Run on a schedule (cron, in `tz`, default Asia/Shanghai) besides when sent. */
	schedule?: { cron: string; tz?: string };
	/** The work. Its answer (counts, flags) is kept with the job; `signal` aborts on shutdown. */
	run(db: Database, data: Partial<Data>, context: { signal: AbortSignal }): Promise<object | void>;
}

export function defineJob<Data extends object = Record<string, never>>(
	kind: JobKind<Data>
): JobKind<Data> {
	return kind;
}

// Kinds differ only in their payloads, which the queue treats as opaque.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type AnyJobKind = JobKind<any>;

export interface JobQueueOptions {
	/** How often an idle worker looks for a job sent by another process (a local send wakes it). */
	pollingIntervalSeconds?: number;
	/** How long `stop` lets running jobs finish before they are failed (and retried elsewhere). */
	stopTimeoutMs?: number;
}

export interface JobQueue {
	readonly kinds: readonly AnyJobKind[];
	/** Sends a job; answers its id, or null when the policy refused it (one already waiting). */
	enqueue(name: string, data?: object): Promise<string | null>;
	/** The underlying pg-boss, for what this small API does not cover (tests, the job view). */
	readonly boss: PgBoss;
	stop(): Promise<void>;
}

const running = new WeakMap<Database, JobQueue>();

/** The queue started on `db` in this process, if any (the admin's "run now" sends through it). */
export function jobQueueOf(db: Database): JobQueue | undefined {
	return running.get(db);
}

/**
 * Starts pg-boss on the app's database: installs or upgrades its schema (under an advisory lock, so
 * instances starting together do not race), creates a queue per kind, registers the schedules and
 * a worker per kind in this process. Every process runs workers: a job runs in whichever fetches
 * it first (FOR UPDATE SKIP LOCKED), exactly once, retried on failure.
 */
export async function startJobQueue(
	db: Database,
	kinds: readonly AnyJobKind[],
	options: JobQueueOptions = {}
): Promise<JobQueue> {
	const executor = sqlExecutor(db);
	let open = true;
	const boss = new PgBoss({
		// After `stop`, a job that outlived the deadline may still try to record its end: the pool
		// may be closed by then, so it is dropped; the job is expired and retried by another process.
		db: {
			executeSql: (text: string, values?: unknown[]) => {
				if (!open) return Promise.resolve(answerWhenClosed(text));
				const result = executor.executeSql(text, values);
				return values?.length && RECORDS_END.test(text) ? settle(result) : result;
			}
		},
		schema: JOBS_SCHEMA,
		// Finished jobs stay visible in the job view for a week, failed ones for a month.
		archiveCompletedAfterSeconds: 7 * 24 * 3600,
		archiveFailedAfterSeconds: 30 * 24 * 3600,
		deleteAfterDays: 30
	});
	boss.on('error', (e: unknown) => console.error('Xinkan: job queue:', e));
	const stopping = new AbortController();
	const workers = new Map<string, string>();
	try {
		await withSetupLock(db, async () => {
			await boss.start();
			for (const kind of kinds) await setUp(kind);
		});
		for (const kind of kinds) {
			const id = await boss.work<object>(
				kind.name,
				{ pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
				async ([job]) => (await kind.run(db, job.data ?? {}, { signal: stopping.signal })) ?? {}
			);
			workers.set(kind.name, id);
		}
	} catch (e) {
		await boss.stop({ graceful: false }).catch(() => {});
		throw e;
	}

	async function setUp(kind: AnyJobKind) {
		const settings = {
			policy: kind.policy ?? 'standard',
			retryLimit: kind.retryLimit ?? 2,
			retryDelay: kind.retryDelay ?? 30,
			retryBackoff: kind.retryBackoff ?? false,
			expireInSeconds: kind.expireInSeconds ?? 15 * 60
		};
		await boss.createQueue(kind.name, { name: kind.name, ...settings });
		// A queue made by an older version keeps its settings unless they are set again.
		await boss.updateQueue(kind.name, { name: kind.name, ...settings });
		if (kind.schedule) {
			await boss.schedule(kind.name, kind.schedule.cron, {}, { tz: kind.schedule.tz ?? TZ });
		}
	}

	const queue: JobQueue = {
		kinds,
		boss,
		async enqueue(name, data = {}) {
			// The singleton key makes `stately` and `short` mean one per queue, not one per payload.
			const id = await boss.send(name, data, { singletonKey: name });
			const worker = workers.get(name);
			if (id && worker) boss.notifyWorker(worker);
			return id;
		},
		async stop() {
			if (running.get(db) === queue) running.delete(db);
			const timeout = options.stopTimeoutMs ?? 2_000;
			// Jobs still running at the deadline are failed (then retried) and told to stop.
			const abort = setTimeout(() => stopping.abort(), timeout);
			try {
				await boss.stop({ graceful: true, timeout, wait: true });
			} finally {
				clearTimeout(abort);
				stopping.abort();
				open = false;
			}
		}
	};
	running.set(db, queue);
	return queue;
}

/**
 * The statements that record a job's end (pg-boss's completeJobs and failJobsById). pg-boss 10.4's
 * worker does not await them (manager.js, `watch`), so one failing — the database restarting just
 * then — would be an unhandled rejection, which ends a Node process. It is logged instead: the job
 * stays active until it expires, and is then failed and retried by the maintenance of any process.
 */
export const RECORDS_END =
	/^\s*WITH (results AS \(\s*UPDATE \S+\.job\s+SET completed_on|deleted_jobs AS)/;

/** The answer pg-boss reads after recording a job's end (a fresh object each time). */
function countRow(): { rows: Record<string, unknown>[] } {
	return { rows: [{ count: 0 }] };
}

async function settle(result: Promise<{ rows: Record<string, unknown>[] }>) {
	try {
		return await result;
	} catch (e) {
		console.error('Xinkan: job queue: could not record the end of a job (it will expire):', e);
		return countRow();
	}
}

/**
 * What a statement gets once the queue is stopped: no rows, except that a job's end gets the count
 * row pg-boss reads (`mapCommandResponse` reads `rows[0].count`; an empty answer there threw in
 * the worker's unawaited call and ended the process — seen twice in CI as a server dying while
 * stopping).
 */
export function answerWhenClosed(text: string): { rows: Record<string, unknown>[] } {
	return RECORDS_END.test(text) ? countRow() : { rows: [] };
}

/** Schedules read the clock of the organisations Xinkan serves. */
const TZ = 'Asia/Shanghai';
