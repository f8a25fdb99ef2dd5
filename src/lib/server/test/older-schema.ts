import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder, queryRows, type Database, type DatabaseKind } from '../db';
import { seedDemo } from '../demo/seed';
import { createTestDatabase } from './databases';

/**
 * Columns of tables the demo seed writes that later migrations add (0014: campaigns.copied_from).
 * A migration adding such a column adds it here.
 */
const COLUMNS_ADDED_LATER = [['campaigns', 'copied_from', 'integer']] as const;

/**
 * Today's demo seed into a database migrated only part of the way, for the tests of a migration's
 * backfill: today's seed writes every column of today's schema, so the older schema is given the
 * columns it lacks for the seed, and they are taken away again before it migrates on.
 */
async function seedDemoIntoOlderSchema(db: Database): Promise<void> {
	const missing: (typeof COLUMNS_ADDED_LATER)[number][] = [];
	for (const entry of COLUMNS_ADDED_LATER) {
		const [table, column] = entry;
		const found = await queryRows<{ n: number }>(
			db,
			sql`select count(*)::int as n from information_schema.columns
				where table_name = ${table} and column_name = ${column}`
		);
		if (found[0].n === 0) {
			missing.push(entry);
		}
	}
	for (const [table, column, type] of missing) {
		await db.execute(sql.raw(`alter table ${table} add column ${column} ${type}`));
	}
	await seedDemo(db, 'demo-password');
	for (const [table, column] of missing) {
		await db.execute(sql.raw(`alter table ${table} drop column ${column}`));
	}
}

/**
 * A migration's backfill, tested: a database of `kind` migrated up to (not including) the first
 * migration whose tag starts with `upTo`, today's demo seeded into it, `before` run there (the
 * migration's tables are not there yet), then migrated the rest of the way and `after` run.
 */
export async function withBackfill(
	kind: DatabaseKind,
	upTo: string,
	before: (db: Database) => Promise<void>,
	after: (db: Database) => Promise<void>
): Promise<void> {
	const folder = migrationsFolder();
	const journal = JSON.parse(readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as {
		entries: { tag: string }[];
	};
	const kept = journal.entries.slice(
		0,
		journal.entries.findIndex((e) => e.tag.startsWith(upTo))
	);
	const older = mkdtempSync(path.join(tmpdir(), 'xinkan-migrations-'));
	mkdirSync(path.join(older, 'meta'));
	writeFileSync(
		path.join(older, 'meta/_journal.json'),
		JSON.stringify({ ...journal, entries: kept })
	);
	for (const e of kept) {
		copyFileSync(path.join(folder, `${e.tag}.sql`), path.join(older, `${e.tag}.sql`));
	}
	const saved = process.env.XINKAN_MIGRATIONS_DIR;
	process.env.XINKAN_MIGRATIONS_DIR = older;
	let test: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
	try {
		test = await createTestDatabase(kind);
		await seedDemoIntoOlderSchema(test.db);
		await before(test.db);
		process.env.XINKAN_MIGRATIONS_DIR = folder;
		await test.handle.migrate();
		await after(test.db);
	} finally {
		if (saved === undefined) {
			delete process.env.XINKAN_MIGRATIONS_DIR;
		} else {
			process.env.XINKAN_MIGRATIONS_DIR = saved;
		}
		await test?.dispose();
		rmSync(older, { recursive: true, force: true });
	}
}
