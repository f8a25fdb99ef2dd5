import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockFolder, type FolderLock } from './folder-lock';
import { openReplica, type Replica } from './replica';
import * as schema from './schema';

export type Schema = typeof schema;
/** Both drivers expose this one query API; services take it and never care which is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
	db: Database;
	kind: DatabaseKind;
	/** The postgres:// URL (PostgreSQL only), for the connections outside the pool that listen. */
	url?: string;
	/** The streaming replica reads may go to (DATABASE_REPLICA_URL, PostgreSQL only). */
	replica?: Replica;
	migrate(): Promise<void>;
	close(): Promise<void>;
}

export interface OpenOptions {
	/** postgres:// URL; without one the embedded PGlite is used. */
	url?: string;
	/** PGlite data folder; `memory://` (or undefined with `inMemory`) keeps it in memory. */
	dataDir?: string;
	poolSize?: number;
	/** postgres:// URL of a streaming replica of `url` for reads (replica.ts); PGlite ignores it. */
	replicaUrl?: string;
	/** How far behind the replica may be and still be read from (default 5 s). */
	replicaMaxLagMs?: number;
	/**
	 * A PGlite data folder dumped by `dumpDataDir` to start from instead of an empty cluster
	 * (tests: a migrated template loads in a fraction of the time `initdb` takes).
	 */
	loadDataDir?: Blob;
}

export function migrationsFolder(): string {
	return path.resolve(process.env.XINKAN_MIGRATIONS_DIR ?? 'drizzle');
}

export function openDatabase(options: OpenOptions): DatabaseHandle {
	if (options.url) return openPostgres(options.url, options);
	if (options.replicaUrl) {
		console.warn(
			'Xinkan: DATABASE_REPLICA_URL is ignored: a read replica needs PostgreSQL (DATABASE_URL); ' +
				'the embedded PGlite answers every read itself.'
		);
	}
	return openPglite(options.dataDir, options.loadDataDir);
}

function openPglite(dataDir = 'memory://', loadDataDir?: Blob): DatabaseHandle {
	let lock: FolderLock | undefined;
	if (!dataDir.startsWith('memory://')) {
		mkdirSync(dataDir, { recursive: true });
		// Exactly one process per folder: a second start stops here with FolderInUse.
		lock = lockFolder(dataDir);
	}
	const client = new PGlite(dataDir, { extensions: { pg_trgm }, loadDataDir });
	const db = drizzlePglite(client, { schema }) as unknown as Database;
	return {
		db,
		kind: 'pglite',
		migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: migrationsFolder() }),
		async close() {
			try {
				await client.close();
			} finally {
				lock?.release();
			}
		}
	};
}

// Any fixed number works as long as every Xinkan process uses the same one.
const MIGRATION_LOCK = 7_384_129_001;

function openPostgres(url: string, options: OpenOptions): DatabaseHandle {
	const poolSize = options.poolSize ?? 10;
	const client = postgres(url, {
		max: poolSize,
		onnotice: () => {},
		connect_timeout: 10,
		idle_timeout: 60,
		// Reconnect within a second of a server restart instead of backing off to 20 s.
		backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1)
	});
	const db = drizzlePostgres(client, { schema }) as unknown as Database;
	const replica =
		options.replicaUrl &&
		openReplica(options.replicaUrl, client, db, {
			poolSize,
			maxLagMs: options.replicaMaxLagMs
		});
	return {
		db,
		kind: 'postgres',
		url,
		replica: replica || undefined,
		// Two processes starting together must not both migrate: one waits on an advisory lock.
		// Drizzle applies all pending migrations in one transaction, so a failure leaves none applied.
		async migrate() {
			const lockClient = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
			try {
				await lockClient`select pg_advisory_lock(${MIGRATION_LOCK})`;
				await migratePostgres(drizzlePostgres(lockClient), {
					migrationsFolder: migrationsFolder()
				});
				await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK})`;
			} finally {
				await lockClient.end({ timeout: 5 });
			}
		},
		async close() {
			await Promise.all([client.end({ timeout: 5 }), replica && replica.close()]);
		}
	};
}

/** `db.execute` answers an array on postgres.js and `{ rows }` on PGlite; this evens them out. */
export async function queryRows<T extends Record<string, unknown>>(
	db: Database,
	query: ReturnType<typeof sql>
): Promise<T[]> {
	const result = (await db.execute(query)) as unknown;
	if (Array.isArray(result)) return result as T[];
	return (result as { rows: T[] }).rows;
}

/** The driver under a Drizzle handle (a transaction has none of its own). */
export function clientOf(db: Database): PGlite | postgres.Sql | undefined {
	return (db as unknown as { $client?: PGlite | postgres.Sql }).$client;
}

/** Whether this handle runs on the embedded PGlite (one connection, on this very thread). */
export function isEmbedded(db: Database): boolean {
	return clientOf(db) instanceof PGlite;
}

/**
 * A statement kept prepared on each connection (postgres.js), for the few that run all the time:
 * Drizzle sends every other query unnamed, which costs a parse, a plan and an extra round trip to
 * learn the parameter types on each run. `text` uses $1, $2 …; pass parameters as text and cast.
 */
export async function queryPrepared<T extends Record<string, unknown>>(
	db: Database,
	text: string,
	params: (string | number | null)[]
): Promise<T[]> {
	const client = clientOf(db);
	if (client instanceof PGlite) return (await client.query<T>(text, params)).rows;
	if (client) {
		const rows = await client.unsafe(text, params, { prepare: true });
		return rows as unknown as T[];
	}
	// A transaction has no client of its own: the same statement through Drizzle, unprepared.
	const parts = text.split(/\$(\d+)/);
	const query = sql.join(
		parts.map((part, i) => (i % 2 ? sql`${params[Number(part) - 1]}` : sql.raw(part))),
		sql.raw('')
	);
	return queryRows<T>(db, query);
}

export async function pingDatabase(db: Database): Promise<void> {
	await db.execute(sql`select 1`);
}

/** True when a driver error is a unique-constraint violation (both drivers nest it in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
	let e: unknown = error;
	for (let depth = 0; e && depth < 4; depth++) {
		if ((e as { code?: string }).code === '23505') return true;
		e = (e as { cause?: unknown }).cause;
	}
	return false;
}
