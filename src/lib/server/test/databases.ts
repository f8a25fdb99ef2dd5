import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle, type DatabaseKind } from '../db';

export interface TestDatabase {
	kind: DatabaseKind;
	db: Database;
	handle: DatabaseHandle;
	/** postgres:// URL of this test's own database (postgres only). */
	url?: string;
}

const serverUrl = process.env.TEST_DATABASE_URL;

/** A fresh, migrated database: PGlite in memory, or a uniquely named database on the test server. */
export async function createTestDatabase(
	kind: DatabaseKind
): Promise<TestDatabase & { dispose(): Promise<void> }> {
	if (kind === 'pglite') {
		const handle = openDatabase({ dataDir: 'memory://' });
		await handle.migrate();
		return { kind, db: handle.db, handle, dispose: () => handle.close() };
	}
	if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
	const name = `xinkan_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	// UTF-8 with a UTF-8 ctype, or pg_trgm finds no trigrams in Chinese text.
	await admin.unsafe(
		`create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`
	);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const handle = openDatabase({ url: url.toString(), poolSize: 5 });
	await handle.migrate();
	return {
		kind,
		db: handle.db,
		handle,
		url: url.toString(),
		async dispose() {
			await handle.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end({ timeout: 5 });
		}
	};
}

let warned = false;

/**
 * Runs the same suite on PGlite and on a real PostgreSQL server. Without TEST_DATABASE_URL the
 * PostgreSQL half is skipped with a warning (`npm test` fails instead when XINKAN_REQUIRE_PG=1).
 */
export function describeEachDatabase(name: string, body: (current: () => TestDatabase) => void) {
	if (!serverUrl && !warned) {
		warned = true;
		console.warn('\n*** TEST_DATABASE_URL is not set: PostgreSQL tests are SKIPPED ***\n');
	}
	for (const kind of ['pglite', 'postgres'] as const) {
		const suite = kind === 'postgres' && !serverUrl ? describe.skip : describe;
		suite(`${name} [${kind}]`, () => {
			let current: Awaited<ReturnType<typeof createTestDatabase>>;
			beforeAll(async () => {
				current = await createTestDatabase(kind);
			});
			afterAll(async () => {
				await current?.dispose();
			});
			body(() => current);
		});
	}
}
