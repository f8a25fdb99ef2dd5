import { createHash } from 'node:crypto';
import {
	existsSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import {
	clientOf,
	migrationsFolder,
	openDatabase,
	type Database,
	type DatabaseHandle,
	type DatabaseKind
} from '../db';
import { seedDemo } from '../demo/seed';

export interface TestDatabase {
	kind: DatabaseKind;
	db: Database;
	handle: DatabaseHandle;
	/** postgres:// URL of this test's own database (postgres only). */
	url?: string;
}

const serverUrl = process.env.TEST_DATABASE_URL;

/** What a template is made of: the migrations, and for the demo the code that seeds it, and today. */
function templateKey(demo: boolean): string {
	const hash = createHash('sha256');
	const folder = migrationsFolder();
	for (const file of readdirSync(folder).sort()) {
		if (file.endsWith('.sql')) hash.update(file).update(readFileSync(path.join(folder, file)));
	}
	hash.update(readFileSync(path.join(folder, 'meta/_journal.json')));
	if (demo) {
		// The seed runs the services themselves (record, categorise, merge, reply), so any code
		// under src/lib may change what it stores; and it dates items relative to today.
		const lib = path.resolve('src/lib');
		for (const file of readdirSync(lib, { recursive: true, encoding: 'utf8' }).sort()) {
			if (/\.(ts|js|json)$/.test(file) && !/\.spec\.ts$/.test(file)) {
				hash.update(file).update(readFileSync(path.join(lib, file)));
			}
		}
		hash.update(new Date().toISOString().slice(0, 10));
	}
	return `${demo ? 'demo' : 'empty'}_${hash.digest('hex').slice(0, 16)}`;
}

/** Templates older than this are dropped by whichever run next makes one. */
const TEMPLATE_KEEP_MS = 6 * 3_600_000;

/** Makes `db` what a template holds: migrated, and for the demo seeded as start-up seeds it. */
async function fillTemplate(handle: DatabaseHandle, demo: boolean): Promise<void> {
	await handle.migrate();
	if (demo) await seedDemo(handle.db, DEMO_TEST_PASSWORD);
}

/**
 * A PGlite cluster made once for every test file and worker of a run (and for later runs while
 * its key holds), dumped to a file: PGlite's `initdb` takes 2–6 s here and the demo's seed 10–20
 * s, loading the dump well under one. Written aside and renamed, so two workers making it at once
 * each leave a whole file.
 */
async function pgliteTemplate(demo: boolean): Promise<Blob> {
	const key = templateKey(demo);
	const file = path.join(tmpdir(), `xinkan-pglite-${key}.tar`);
	if (!existsSync(file)) {
		const handle = openDatabase({ dataDir: 'memory://' });
		try {
			await fillTemplate(handle, demo);
			const dump = await (clientOf(handle.db) as PGlite).dumpDataDir('none');
			const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
			writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
			renameSync(partial, file);
		} finally {
			await handle.close();
		}
		for (const old of readdirSync(tmpdir())) {
			const at = path.join(tmpdir(), old);
			if (old.startsWith('xinkan-pglite-') && old.endsWith('.tar') && at !== file) {
				if (Date.now() - statSync(at).mtimeMs > TEMPLATE_KEEP_MS) rmSync(at, { force: true });
			}
		}
	}
	return new Blob([readFileSync(file)]);
}

/**
 * The PostgreSQL counterpart: a database on the test server made once under an advisory lock
 * (whichever worker comes first makes it, the others wait), which each test database is created
 * from with `create database … template`, a file copy.
 */
async function postgresTemplate(admin: postgres.Sql, demo: boolean): Promise<string> {
	const key = templateKey(demo);
	const prefix = `xinkan_tpl_${key}_`;
	await admin`select pg_advisory_lock(${TEMPLATE_LOCK})`;
	try {
		const found = await admin<{ datname: string }[]>`
			select datname from pg_database where datname like ${prefix + '%'}`;
		if (found.length) return found[0].datname;
		const name = `${prefix}${Math.floor(Date.now() / 1000)}`;
		await admin.unsafe(
			`create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`
		);
		const url = new URL(serverUrl!);
		url.pathname = `/${name}`;
		const handle = openDatabase({ url: url.toString(), poolSize: 2 });
		try {
			await fillTemplate(handle, demo);
		} catch (e) {
			await handle.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			throw e;
		}
		await handle.close();
		const stale = await admin<{ datname: string }[]>`
			select datname from pg_database where datname like 'xinkan_tpl_%' and datname <> ${name}`;
		for (const { datname } of stale) {
			const made = Number(datname.split('_').at(-1)) * 1000;
			if (Date.now() - made > TEMPLATE_KEEP_MS) {
				await admin.unsafe(`drop database if exists ${datname} with (force)`);
			}
		}
		return name;
	} finally {
		await admin`select pg_advisory_unlock(${TEMPLATE_LOCK})`;
	}
}

// Any fixed number, different from the app's migration lock.
const TEMPLATE_LOCK = 7_384_129_002;

/** The admin password of the demo a test database is created with (`{ demo: true }`). */
export const DEMO_TEST_PASSWORD = 'demo-password';

export interface TestDatabaseOptions {
	/**
	 * Start from the demo organisation and campaigns, as `seedDemo(db, DEMO_TEST_PASSWORD)` on a
	 * fresh database leaves them — made by that very call once, into a template.
	 */
	demo?: boolean;
}

/**
 * A fresh, migrated database: PGlite in memory, or a uniquely named database on the test server,
 * each from a template made once (see above) — except when XINKAN_MIGRATIONS_DIR points at another
 * folder, whose databases are migrated from empty as before.
 */
export async function createTestDatabase(
	kind: DatabaseKind,
	options: TestDatabaseOptions = {}
): Promise<TestDatabase & { dispose(): Promise<void> }> {
	const demo = options.demo === true;
	if (kind === 'pglite') {
		const handle = openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate(demo) });
		// Nothing left to apply on a template of the same migrations; still run, as a check.
		await handle.migrate();
		return { kind, db: handle.db, handle, dispose: () => handle.close() };
	}
	if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
	const name = `xinkan_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	const template = await postgresTemplate(admin, demo);
	await admin.unsafe(`create database ${name} template ${template}`);
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
export function describeEachDatabase(
	name: string,
	body: (current: () => TestDatabase) => void,
	options: TestDatabaseOptions = {}
) {
	if (!serverUrl && !warned) {
		warned = true;
		console.warn('\n*** TEST_DATABASE_URL is not set: PostgreSQL tests are SKIPPED ***\n');
	}
	for (const kind of ['pglite', 'postgres'] as const) {
		const suite = kind === 'postgres' && !serverUrl ? describe.skip : describe;
		suite(`${name} [${kind}]`, () => {
			let current: Awaited<ReturnType<typeof createTestDatabase>>;
			beforeAll(async () => {
				current = await createTestDatabase(kind, options);
			});
			afterAll(async () => {
				await current?.dispose();
			});
			body(() => current);
		});
	}
}
