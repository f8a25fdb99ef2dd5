import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { authenticate } from './org/users';
import { openDatabase } from './db';
import { areas, respondentGroups, units, users } from './db/schema';
import { prepareDatabase } from './startup';
import { describeEachDatabase } from './test/databases';

describeEachDatabase('start-up', (current) => {
	it('loads the demo once on an empty database and prints a generated admin password', async () => {
		const { db, handle } = current();
		const lines: string[] = [];
		await prepareDatabase(handle, {}, (line) => lines.push(line));
		const password = lines.join('\n').match(/password: (\S+)/)?.[1];
		expect(password).toBeTruthy();
		expect(await authenticate(db, 'admin', password!)).not.toBeNull();
		const [{ n: unitCount }] = await db.select({ n: count() }).from(units);
		const [{ n: areaCount }] = await db.select({ n: count() }).from(areas);
		const [{ n: groupCount }] = await db.select({ n: count() }).from(respondentGroups);
		expect(areaCount).toBe(21);
		expect(groupCount).toBe(5);
		expect(unitCount).toBeGreaterThanOrEqual(15);

		// A second start (migrations already applied, data present) changes nothing.
		const again: string[] = [];
		await prepareDatabase(handle, {}, (line) => again.push(line));
		expect(again).toEqual([]);
		const [{ n: unitsAfter }] = await db.select({ n: count() }).from(units);
		const [{ n: admins }] = await db.select({ n: count() }).from(users);
		expect(unitsAfter).toBe(unitCount);
		expect(admins).toBe(1);
	});
});

it('refuses to start with a clear message when a migration fails, and applies none of it', async () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'xinkan-migr-'));
	const broken = path.join(dir, 'drizzle');
	const { cpSync, writeFileSync, readFileSync } = await import('node:fs');
	cpSync(path.resolve('drizzle'), broken, { recursive: true });
	// Append a failing statement to the last migration: the whole batch must roll back.
	const journal = JSON.parse(readFileSync(path.join(broken, 'meta/_journal.json'), 'utf8'));
	const last = journal.entries.at(-1).tag;
	writeFileSync(
		path.join(broken, `${last}.sql`),
		readFileSync(path.join(broken, `${last}.sql`), 'utf8') +
			'\n--> statement-breakpoint\nSELECT * FROM table_that_does_not_exist;\n'
	);
	const previous = process.env.XINKAN_MIGRATIONS_DIR;
	process.env.XINKAN_MIGRATIONS_DIR = broken;
	const handle = openDatabase({ dataDir: 'memory://' });
	try {
		await expect(prepareDatabase(handle, {}, () => {})).rejects.toThrow(/cannot start.*migrated/);
		const tables = await handle.db.execute(
			sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`
		);
		expect((tables as unknown as { rows: { n: number }[] }).rows[0].n).toBe(0);
	} finally {
		process.env.XINKAN_MIGRATIONS_DIR = previous;
		await handle.close();
		rmSync(dir, { recursive: true, force: true });
	}
});
