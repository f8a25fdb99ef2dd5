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
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { migrationsFolder, queryRows, type Database, type DatabaseKind } from '../db';
import * as schema from '../db/schema';
import { seedDemo } from '../demo/seed';
import { createTestDatabase } from './databases';

/**
 * Today's demo seed into a database migrated only part of the way, for the tests of a migration's
 * backfill. Today's seed writes every column of today's schema (Drizzle names each column of an
 * insert, `default` for those not given), so the older schema is given, for the seed only, every
 * table and column of today's schema it lacks — tables from their own CREATE TABLE statement in
 * the migration that adds them, columns as plain nullable columns of their type — and they are
 * taken away again before it migrates on.
 */
async function seedDemoIntoOlderSchema(db: Database, allMigrations: string): Promise<void> {
	const columnsPresent = async () =>
		new Set(
			(
				await queryRows<{ table: string; column: string }>(
					db,
					sql`select table_name as table, column_name as column
						from information_schema.columns where table_schema = 'public'`
				)
			).map((r) => `${r.table}.${r.column}`)
		);
	const configs = Object.values(schema)
		.filter((t) => is(t, PgTable))
		.map((t) => getTableConfig(t as PgTable));
	const tables = new Set([...(await columnsPresent())].map((c) => c.split('.')[0]));
	const addedTables: string[] = [];
	for (const config of configs) {
		if (tables.has(config.name)) continue;
		await db.execute(sql.raw(createTableStatement(allMigrations, config.name)));
		addedTables.push(config.name);
	}
	const columns = await columnsPresent();
	const addedColumns: [string, string][] = [];
	for (const config of configs) {
		for (const column of config.columns) {
			if (columns.has(`${config.name}.${column.name}`)) continue;
			await db.execute(
				sql.raw(`alter table "${config.name}" add column "${column.name}" ${column.getSQLType()}`)
			);
			if (!addedTables.includes(config.name)) addedColumns.push([config.name, column.name]);
		}
	}
	await seedDemo(db, 'demo-password');
	for (const table of addedTables.reverse()) {
		await db.execute(sql.raw(`drop table "${table}" cascade`));
	}
	for (const [table, column] of addedColumns) {
		await db.execute(sql.raw(`alter table "${table}" drop column "${column}"`));
	}
}

/** The `CREATE TABLE` statement for `table` in the migrations folder (without its foreign keys). */
function createTableStatement(folder: string, table: string): string {
	for (const file of readdirSync(folder).filter((f) => f.endsWith('.sql'))) {
		for (const statement of readFileSync(path.join(folder, file), 'utf8').split(
			'--> statement-breakpoint'
		)) {
			if (
				new RegExp(`create (unlogged )?table (if not exists )?"?${table}"? `, 'i').test(statement)
			) {
				return statement;
			}
		}
	}
	throw new Error(`no migration creates the table ${table}`);
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
