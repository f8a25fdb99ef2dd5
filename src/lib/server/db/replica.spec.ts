import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../../../scripts/server-process';
import { createTestDatabase } from '../test/databases';
import { openDatabase, queryRows, type DatabaseHandle } from './client';
import { maxLagFrom, parseLsn } from './replica';

// The replica on a real streaming standby is tested in tests/reliability/replica.spec.ts; here,
// what needs no standby: LSNs, settings, PGlite, and a replica that is not there or not a standby.

describe('parseLsn', () => {
	it('reads WAL positions and orders them as PostgreSQL does', () => {
		expect(parseLsn('0/0')).toBe(0n);
		expect(parseLsn('1/0')).toBe(1n << 32n);
		expect(parseLsn('0/FFFFFFFF')! < parseLsn('1/0')!).toBe(true);
		expect(parseLsn('16/b374d848')).toBe((0x16n << 32n) | 0xb374d848n);
	});

	it('refuses anything else (a forged cookie is just not a position)', () => {
		for (const bad of ['', '0', '0/', '/0', 'G/0', '0/123456789', '0/0; x', null, undefined]) {
			expect(parseLsn(bad)).toBeNull();
		}
	});
});

describe('maxLagFrom', () => {
	it('defaults to 5 s and takes a non-negative number of milliseconds', () => {
		expect(maxLagFrom({})).toBe(5_000);
		expect(maxLagFrom({ XINKAN_REPLICA_MAX_LAG_MS: '250' })).toBe(250);
		expect(maxLagFrom({ XINKAN_REPLICA_MAX_LAG_MS: '0' })).toBe(0);
		expect(maxLagFrom({ XINKAN_REPLICA_MAX_LAG_MS: 'soon' })).toBe(5_000);
		expect(maxLagFrom({ XINKAN_REPLICA_MAX_LAG_MS: '-1' })).toBe(5_000);
	});
});

describe('a replica URL on PGlite', () => {
	it('is ignored with a warning', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const handle = openDatabase({
			dataDir: 'memory://',
			replicaUrl: 'postgres://postgres@127.0.0.1:1/x'
		});
		try {
			expect(handle.replica).toBeUndefined();
			expect(warn).toHaveBeenCalledWith(expect.stringMatching(/DATABASE_REPLICA_URL is ignored/));
		} finally {
			warn.mockRestore();
			await handle.close();
		}
	});
});

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) console.warn('\n*** TEST_DATABASE_URL is not set: replica fallbacks SKIPPED ***\n');

(serverUrl ? describe : describe.skip)('a replica that cannot be used (PostgreSQL)', () => {
	let test: Awaited<ReturnType<typeof createTestDatabase>>;
	const opened: DatabaseHandle[] = [];
	let warn: ReturnType<typeof vi.spyOn>;

	beforeAll(async () => {
		warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		test = await createTestDatabase('postgres');
	});
	afterAll(async () => {
		warn.mockRestore();
		await Promise.all(opened.map((h) => h.close()));
		await test?.dispose();
	});

	function openWithReplica(replicaUrl: string) {
		const handle = openDatabase({ url: test.url, poolSize: 2, replicaUrl });
		opened.push(handle);
		return handle;
	}

	it('out of reach: reads go to the primary, a query sent to it anyway is answered by the primary, and health says so', async () => {
		const handle = openWithReplica(`postgres://postgres@127.0.0.1:${await freePort()}/postgres`);
		const replica = handle.replica!;
		expect(await replica.readDatabase()).toBe(handle.db);
		// Straight through the replica's handle: the connection is refused, the primary answers.
		const rows = await queryRows<{ name: string }>(
			replica.db,
			sql`select current_database() as name`
		);
		expect(rows[0].name).toBe(new URL(test.url!).pathname.slice(1));
		expect(await replica.db.transaction(async (tx) => queryRows(tx, sql`select 1 as one`))).toEqual(
			[{ one: 1 }]
		);
		expect(await replica.health()).toMatchObject({
			configured: true,
			reachable: false,
			usedForReads: false
		});
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/read replica cannot be used/));
	});

	it('not a standby (DATABASE_REPLICA_URL naming a primary): reads go to the primary', async () => {
		const handle = openWithReplica(test.url!);
		const replica = handle.replica!;
		expect(await replica.readDatabase()).toBe(handle.db);
		expect(await replica.health()).toMatchObject({
			reachable: true,
			usedForReads: false,
			error: 'not a standby'
		});
		expect(parseLsn(await replica.primaryPosition())).not.toBeNull();
	});
});
