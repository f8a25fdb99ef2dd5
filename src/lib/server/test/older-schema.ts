import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder, queryRows, type Database, type DatabaseKind } from '../db';
import { seedDemo } from '../demo/seed';
import { createTestDatabase } from './databases';

/**
 * Columns of tables the demo seed writes that later migrations add (0014: campaigns.copied_from;
 * 0015: the follow-up window and rounds). A migration adding such a column adds it here.
 */
const COLUMNS_ADDED_LATER = [
	['campaigns', 'copied_from', 'integer'],
	['campaigns', 'follow_up_days', 'integer not null default 15'],
	['suggestions', 'follow_up_round', 'integer not null default 1'],
	['suggestions', 'reopened_count', 'integer not null default 0']
] as const;

/**
 * Tables the demo seed writes that later migrations create (0015: follow_ups); they are made from
 * their own CREATE TABLE statement in the migration that adds them. A migration adding such a
 * table adds it here.
 */
const TABLES_ADDED_LATER = ['follow_ups'] as const;

/** The `CREATE TABLE` statement for `table` in the migrations folder (without its foreign keys). */
function createTableStatement(folder: string, table: string): string {
	for (const file of readdirSync(folder).filter((f) => f.endsWith('.sql'))) {
		for (const statement of readFileSync(path.join(folder, file), 'utf8').split(
			'--> statement-breakpoint'
		)) {
			if (statement.includes(`CREATE TABLE "${table}"`)) return statement;
		}
	}
	throw new Error(`no migration creates the table ${table}`);
}

/**
 * Today's demo seed into a database migrated only part of the way, for the tests of a migration's
 * backfill: today's seed writes every column of today's schema, so the older schema is given the
 * columns it lacks for the seed, and they are taken away again before it migrates on.
 */
async function seedDemoIntoOlderSchema(db: Database, allMigrations: string): Promise<void> {
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
	const missingTables: string[] = [];
	for (const table of TABLES_ADDED_LATER) {
		const found = await queryRows<{ n: number }>(
			db,
			sql`select count(*)::int as n from information_schema.tables where table_name = ${table}`
		);
		if (found[0].n === 0) {
			missingTables.push(table);
			await db.execute(sql.raw(createTableStatement(allMigrations, table)));
		}
	}
	await seedDemo(db, 'demo-password');
	for (const table of missingTables) {
		await db.execute(sql.raw(`drop table ${table}`));
	}
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
		await seedDemoIntoOlderSchema(test.db, folder);
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
