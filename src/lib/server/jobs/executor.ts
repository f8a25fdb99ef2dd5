import { PGlite } from '@electric-sql/pglite';
import { clientOf, type Database } from '../db';

/** What pg-boss asks of a database (its `db` option): node-postgres's `query`, in short. */
export interface SqlExecutor {
	executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * A value as node-postgres would send it, for pg-boss writes its SQL for that driver: JSON for
 * objects, an array literal for arrays, text for the rest. Every statement casts its parameters
 * (`$3::jsonb`, `$2::uuid[]`), so text is all either driver needs to send.
 */
export function asParameter(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) {
		const items = value.map((v) => {
			const text = asParameter(v);
			return text === null ? 'NULL' : `"${text.replace(/[\\"]/g, '\\$&')}"`;
		});
		return `{${items.join(',')}}`;
	}
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/**
 * pg-boss over the app's own connection pool (postgres.js) or its embedded PGlite: no second pool
 * of another driver, and the embedded default gets a job queue too. Statements with parameters are
 * single statements; those without may be scripts (schema install, maintenance) that open their
 * own transaction with BEGIN: each runs on one connection, and a failure rolls it back there, or
 * the connection would go back to the pool (or PGlite's only session stay) inside a failed
 * transaction.
 */
export function sqlExecutor(db: Database): SqlExecutor {
	const client = clientOf(db);
	if (!client) throw new Error('the job queue needs a database handle, not a transaction');
	if (client instanceof PGlite) {
		return {
			async executeSql(text, values = []) {
				if (values.length) {
					const result = await client.query<Record<string, unknown>>(text, values.map(asParameter));
					return { rows: result.rows };
				}
				try {
					const results = await client.exec(text);
					return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
				} catch (e) {
					await client.exec('ROLLBACK').catch(() => {});
					throw e;
				}
			}
		};
	}
	return {
		async executeSql(text, values = []) {
			if (values.length) {
				const rows = await client.unsafe(text, values.map(asParameter), { prepare: true });
				return { rows: [...rows] as Record<string, unknown>[] };
			}
			const connection = await client.reserve();
			try {
				// No parameters: the simple protocol, which runs a script of several statements.
				const result = (await connection.unsafe(text)) as unknown as unknown[];
				const last = result.length && Array.isArray(result.at(-1)) ? result.at(-1) : result;
				return { rows: [...(last as Record<string, unknown>[])] };
			} catch (e) {
				await connection.unsafe('ROLLBACK').catch(() => {});
				throw e;
			} finally {
				connection.release();
			}
		}
	};
}

// Any fixed number works as long as every Xinkan process uses the same one (db/client.ts has
// the migrations' lock, 7_384_129_001).
const SETUP_LOCK = 7_384_129_002;

/**
 * Runs `setup` while no other process sets its job queue up: pg-boss creates a queue with DDL (a
 * table attached as a partition, foreign keys to its queue table), and two instances creating
 * queues at the same moment deadlock on those locks. One connection holds a session advisory lock
 * meanwhile. PGlite has one process, so nothing to wait for.
 */
export async function withSetupLock<T>(db: Database, setup: () => Promise<T>): Promise<T> {
	const client = clientOf(db);
	if (!client || client instanceof PGlite) return setup();
	const connection = await client.reserve();
	try {
		await connection`select pg_advisory_lock(${SETUP_LOCK})`;
		try {
			return await setup();
		} finally {
			await connection`select pg_advisory_unlock(${SETUP_LOCK})`;
		}
	} finally {
		connection.release();
	}
}
