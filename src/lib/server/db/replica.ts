import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { isDatabaseUnavailable, unavailableCode } from './availability';
import type { Database } from './client';
import * as schema from './schema';

/**
 * A PostgreSQL streaming replica that dashboards, results, reports and read-only API calls read
 * from (DATABASE_REPLICA_URL), never writes and never form actions. Each process keeps its own
 * view of the replica (how far it has replayed, how far behind it is, whether it answers): that is
 * a cache of the replica's state, not application state, so any number of processes may run.
 *
 * The replica is used only while it is close: its replay lag past XINKAN_REPLICA_MAX_LAG_MS, an
 * error reaching it or a server that is not a standby send reads to the primary, and it is tried
 * again after a back-off. A query the replica cannot answer for a connection failure runs again on
 * the primary, so an outage of the replica is never an error page.
 */
export interface Replica {
	/** Reads on the replica, each query retried on the primary if the replica fails under it. */
	db: Database;
	maxLagMs: number;
	/**
	 * The replica when it is close enough and has replayed the WAL up to `after` (an LSN such as
	 * `0/3000148`, from primaryPosition after the reader's own write); the primary otherwise.
	 */
	readDatabase(after?: string | null): Promise<Database>;
	/** The primary's WAL position now: after a write, every read from a position past it sees it. */
	primaryPosition(): Promise<string>;
	health(): Promise<ReplicaHealth>;
	close(): Promise<void>;
}

export interface ReplicaHealth {
	configured: boolean;
	reachable?: boolean;
	/** Whether reads go to it now (reachable, a standby, and within the lag allowed). */
	usedForReads?: boolean;
	/** 0 when it has replayed all it received; else the age of the last transaction it replayed. */
	lagMs?: number | null;
	/** WAL the primary has written that the replica has not yet replayed. */
	lagBytes?: number | null;
	replayPaused?: boolean;
	maxLagMs?: number;
	error?: string;
}

interface Status {
	replayLsn: bigint;
	lagMs: number;
	at: number;
}

// How long one reading of the replica's position serves every request of this process.
const STATUS_TTL_MS = 150;
// A request waits at most this long for a fresh reading before it reads from the primary.
const STATUS_WAIT_MS = 250;
const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 15_000;
// "canceling statement due to conflict with recovery": the replica's replay won; ask the primary.
const RECOVERY_CONFLICT = '40001';

/** `16/B374D848` as a number; null for anything that is not an LSN. */
export function parseLsn(value: string | null | undefined): bigint | null {
	const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(value ?? '');
	if (!match) return null;
	return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function maxLagFrom(env: Record<string, string | undefined>): number {
	const value = Number(env.XINKAN_REPLICA_MAX_LAG_MS);
	return Number.isFinite(value) && value >= 0 && env.XINKAN_REPLICA_MAX_LAG_MS ? value : 5_000;
}

// With a walreceiver streaming and nothing received left to replay the replica is current, however
// long ago the last transaction was; otherwise the lag is the age of the last one it replayed
// (Infinity before it replayed any: it cannot say, so it is not used).
const STATUS_QUERY = `
	select pg_is_in_recovery() as standby,
		pg_last_wal_replay_lsn()::text as replay,
		pg_is_in_recovery() and pg_is_wal_replay_paused() as paused,
		case
			when exists (select 1 from pg_stat_wal_receiver)
				and pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() then 0
			else coalesce(
				extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000,
				'Infinity')
		end::float8 as lag_ms`;

interface StatusRow {
	standby: boolean;
	replay: string | null;
	paused: boolean;
	lag_ms: number;
}

export function openReplica(
	url: string,
	primary: postgres.Sql,
	primaryDb: Database,
	options: { poolSize?: number; maxLagMs?: number } = {}
): Replica {
	const client = postgres(url, {
		max: options.poolSize ?? 10,
		onnotice: () => {},
		connect_timeout: 2,
		idle_timeout: 60,
		connection: { application_name: 'xinkan-replica' },
		backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1)
	});
	const maxLagMs = options.maxLagMs ?? 5_000;
	let status: Status | null = null;
	let refreshing: Promise<Status | null> | null = null;
	let downUntil = 0;
	let backoffMs = MIN_BACKOFF_MS;
	let warned = false;

	function markDown(reason: string) {
		status = null;
		downUntil = Date.now() + backoffMs;
		if (!warned) {
			warned = true;
			console.warn(
				`Xinkan: the read replica cannot be used (${reason}); reading from the primary and ` +
					'trying the replica again in a moment.'
			);
		}
		backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
	}

	function refresh(): Promise<Status | null> {
		refreshing ??= (async () => {
			try {
				const [row] = await client.unsafe<StatusRow[]>(STATUS_QUERY);
				const replayLsn = parseLsn(row?.replay);
				if (!row?.standby || replayLsn === null) {
					markDown('the server at DATABASE_REPLICA_URL is not a standby');
					return null;
				}
				status = { replayLsn, lagMs: row.lag_ms, at: Date.now() };
				backoffMs = MIN_BACKOFF_MS;
				if (warned) console.warn('Xinkan: the read replica answers again.');
				warned = false;
				return status;
			} catch (e) {
				markDown(unavailableCode(e) ?? (e instanceof Error ? e.message : String(e)));
				return null;
			} finally {
				refreshing = null;
			}
		})();
		return refreshing;
	}

	async function primaryPosition() {
		const [row] = await primary.unsafe<{ lsn: string }[]>(
			'select pg_current_wal_lsn()::text as lsn'
		);
		return row.lsn;
	}

	const db = drizzle(
		withFallback(client, primary, (e) => markDown(unavailableCode(e) ?? 'query failed')),
		{ schema }
	) as unknown as Database;

	return {
		db,
		maxLagMs,
		async readDatabase(after) {
			if (Date.now() < downUntil) return primaryDb;
			let current = status;
			if (!current || Date.now() - current.at > STATUS_TTL_MS) {
				current = await within(refresh(), STATUS_WAIT_MS);
			}
			if (!current || current.lagMs > maxLagMs) return primaryDb;
			const needed = parseLsn(after);
			if (needed !== null && current.replayLsn < needed) return primaryDb;
			return db;
		},
		primaryPosition,
		async health() {
			const [replica, here] = await Promise.all([
				within(client.unsafe<StatusRow[]>(STATUS_QUERY), 2_000, true),
				within(primaryPosition(), 2_000, true)
			]);
			const row = replica?.[0];
			if (!row) {
				return { configured: true, reachable: false, usedForReads: false, maxLagMs };
			}
			const replay = parseLsn(row.replay);
			const written = parseLsn(here);
			const lagMs = Number.isFinite(row.lag_ms) ? Math.round(row.lag_ms) : null;
			return {
				configured: true,
				reachable: true,
				usedForReads: row.standby && Date.now() >= downUntil && lagMs !== null && lagMs <= maxLagMs,
				lagMs,
				lagBytes:
					replay !== null && written !== null ? Math.max(0, Number(written - replay)) : null,
				replayPaused: row.paused,
				maxLagMs,
				...(row.standby ? {} : { error: 'not a standby' })
			};
		},
		close: () => client.end({ timeout: 5 })
	};
}

/** The promise's value, or null when it takes longer than `ms` (or fails, with `quiet`). */
async function within<T>(promise: Promise<T>, ms: number, quiet = false): Promise<T | null> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<null>((resolve) => {
		timer = setTimeout(() => resolve(null), ms);
	});
	try {
		return await Promise.race([quiet ? promise.catch(() => null) : promise, late]);
	} finally {
		clearTimeout(timer);
	}
}

type Unsafe = postgres.Sql['unsafe'];
type Pending = ReturnType<Unsafe>;

/**
 * The replica's client as Drizzle sees it: each query (and each read-only transaction) that fails
 * because the replica is out of reach, or that the replica cancels for a recovery conflict, runs
 * again on the primary. Queries stay lazy, as postgres.js's are: Drizzle awaits either the query
 * or its `.values()`, and only that runs.
 */
function withFallback(
	replica: postgres.Sql,
	primary: postgres.Sql,
	onUnreachable: (e: unknown) => void
): postgres.Sql {
	const retry = <T>(onReplica: () => PromiseLike<T>, onPrimary: () => PromiseLike<T>) =>
		Promise.resolve()
			.then(onReplica)
			.catch((e: unknown) => {
				const unreachable = isDatabaseUnavailable(e);
				if (!unreachable && (e as { code?: string })?.code !== RECOVERY_CONFLICT) throw e;
				if (unreachable) onUnreachable(e);
				return onPrimary();
			});
	const unsafe = (...args: Parameters<Unsafe>) => {
		const run = (pick: (query: Pending) => PromiseLike<unknown>) =>
			retry(
				() => pick(replica.unsafe(...args)),
				() => pick(primary.unsafe(...args))
			);
		return {
			then: (resolve: (v: unknown) => unknown, reject: (e: unknown) => unknown) =>
				run((query) => query).then(resolve, reject),
			values: () => run((query) => query.values())
		};
	};
	const begin = (...args: unknown[]) =>
		retry(
			() => (replica.begin as (...a: unknown[]) => Promise<unknown>)(...args),
			() => (primary.begin as (...a: unknown[]) => Promise<unknown>)(...args)
		);
	return new Proxy(replica, {
		get(target, property) {
			if (property === 'unsafe') return unsafe;
			if (property === 'begin') return begin;
			return Reflect.get(target, property, target);
		}
	});
}
