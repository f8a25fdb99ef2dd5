import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db';
import { seedDemo } from '../demo/seed';

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
export async function seedDemoIntoOlderSchema(db: Database): Promise<void> {
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
