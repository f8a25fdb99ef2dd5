import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { authenticate } from './org/users';
import { openDatabase } from './db';
import { areas, respondentGroups, units, users } from './db/schema';
import { clientAddressWarnings, prepareDatabase } from './startup';
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

it('warns when a trusted address header can be sent around the proxy, and refuses a bad XFF_DEPTH', () => {
	const proxied = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' };
	// On loopback (or a socket) only a proxy on the same machine can send the header: no warning.
	for (const HOST of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) {
		expect(clientAddressWarnings({ ...proxied, HOST })).toEqual([]);
	}
	expect(clientAddressWarnings({ ...proxied, SOCKET_PATH: '/run/xinkan.sock' })).toEqual([]);
	expect(clientAddressWarnings({})).toEqual([]);
	expect(clientAddressWarnings({ HOST: '0.0.0.0' })).toEqual([]);
	// Reachable from elsewhere: one warning naming the variables and what to do.
	for (const HOST of [undefined, '0.0.0.0', '192.168.1.5', '::']) {
		const warnings = clientAddressWarnings({ ...proxied, HOST });
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(/ADDRESS_HEADER=x-forwarded-for.*HOST=.*HOST=127\.0\.0\.1/);
		expect(warnings[0]).toContain('Behind a reverse proxy');
	}
	expect(clientAddressWarnings({ XFF_DEPTH: '2', HOST: '127.0.0.1' })).toEqual([
		'Xinkan: XFF_DEPTH=2 has no effect: it counts X-Forwarded-For addresses, and ADDRESS_HEADER is not set.'
	]);
	for (const XFF_DEPTH of ['0', '-1', 'one', '']) {
		expect(() => clientAddressWarnings({ ...proxied, XFF_DEPTH, HOST: '127.0.0.1' })).toThrow(
			/cannot start: XFF_DEPTH.*1 or more/
		);
	}
});
