import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../db';
import { describeEachDatabase } from '../test/databases';
import {
	openYesNoCampaign,
	twoInstancesWithOpenCampaign,
	yesForm,
	type TwoInstances
} from '../test/two-instances';
import { submitPublicForm } from './public-form';
import { deleteEndedWindows, hitRateLimit, peekRateLimit } from './submission-limit';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A whole minute an hour from now: windows that no sweep of this run can have ended. */
const laterMinute = () => Math.ceil(Date.now() / 60_000) * 60_000 + 3_600_000;

describeEachDatabase('per-client limits kept in the database', (current) => {
	it('counts hits in fixed windows; a peek says the same without counting', async () => {
		const { db } = current();
		const limit = { limit: 3, windowSeconds: 60 };
		const start = laterMinute();
		for (let i = 0; i < 3; i++) {
			expect(await peekRateLimit(db, 'k', limit, start + i)).toEqual({
				allowed: true,
				retryAfter: 0
			});
			expect((await hitRateLimit(db, 'k', limit, start + i)).allowed).toBe(true);
		}
		// Full: the next hit and a peek are refused until the window ends, 50 s from here.
		expect(await peekRateLimit(db, 'k', limit, start + 10_000)).toEqual({
			allowed: false,
			retryAfter: 50
		});
		expect(await hitRateLimit(db, 'k', limit, start + 10_000)).toEqual({
			allowed: false,
			retryAfter: 50
		});
		expect((await peekRateLimit(db, 'other', limit, start + 10_000)).allowed).toBe(true);
		// A new window starts afresh.
		expect((await peekRateLimit(db, 'k', limit, start + 60_000)).allowed).toBe(true);
		expect((await hitRateLimit(db, 'k', limit, start + 60_000)).allowed).toBe(true);
	});

	it('lets exactly the limit through when many hits of several clients arrive together', async () => {
		const { db } = current();
		const limit = { limit: 30, windowSeconds: 600 };
		const now = laterMinute();
		const clients = ['a', 'b', 'c'];
		const decisions = await Promise.all(
			Array.from({ length: 150 }, (_, i) => hitRateLimit(db, `burst-${clients[i % 3]}`, limit, now))
		);
		for (const [c, client] of clients.entries()) {
			const mine = decisions.filter((_, i) => i % 3 === c);
			expect(
				mine.filter((d) => d.allowed),
				client
			).toHaveLength(30);
			// Hits are placed in the order they arrived: the first 30 of each client are the allowed ones.
			expect(
				mine.slice(0, 30).every((d) => d.allowed),
				client
			).toBe(true);
		}
	});

	it('stores exactly the limit of a burst of submissions from one address', async () => {
		const { db } = current();
		await openYesNoCampaign(db, 'burst');
		const previous = process.env.XINKAN_SUBMIT_LIMIT;
		process.env.XINKAN_SUBMIT_LIMIT = '5';
		try {
			// Twelve at once are counted in one or two batches: the first five are stored.
			const outcomes = await Promise.all(
				Array.from({ length: 12 }, (_, i) =>
					submitPublicForm(db, 'burst', yesForm(`${'b'.repeat(31)}${BASE32[i]}`), '10.21.0.1')
				)
			);
			expect(outcomes.filter((o) => o.kind === 'stored')).toHaveLength(5);
			const refused = outcomes.filter((o) => o.kind === 'rate_limited');
			expect(refused).toHaveLength(7);
			// A refusal hands the answers back, says when to come back, and stores nothing.
			expect(refused[0]).toMatchObject({ typed: { q_a: 'y' } });
			expect((refused[0] as { retryAfter: number }).retryAfter).toBeGreaterThan(0);
			const [{ n }] = await queryRows<{ n: number }>(
				db,
				sql`select count(*)::int as n from responses r join campaigns c on c.id = r.campaign_id where c.slug = 'burst'`
			);
			expect(n).toBe(5);
			// Another address is not held back by this one's window.
			const other = await submitPublicForm(db, 'burst', yesForm('c'.repeat(32)), '10.21.0.2');
			expect(other.kind).toBe('stored');
		} finally {
			process.env.XINKAN_SUBMIT_LIMIT = previous;
		}
	});

	it('deletes the counters of ended windows and keeps the current ones', async () => {
		const { db } = current();
		const minute = { limit: 5, windowSeconds: 60 };
		const past = laterMinute() - 7_200_000; // a window that ended over an hour ago
		await hitRateLimit(db, 'old', minute, past);
		await hitRateLimit(db, 'new', minute, laterMinute());
		expect(await deleteEndedWindows(db, Date.now())).toBeGreaterThanOrEqual(1);
		const keys = await queryRows<{ key: string }>(db, sql`select key from rate_counters`);
		expect(keys.some((k) => k.key.startsWith('old@'))).toBe(false);
		expect(keys.some((k) => k.key.startsWith('new@'))).toBe(true);
	});
});

// Two app instances are two connection pools on one PostgreSQL database (PGlite allows one).
const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('two app instances on one PostgreSQL database', () => {
	let two: TwoInstances;
	const previous = process.env.XINKAN_SUBMIT_LIMIT;
	beforeAll(async () => {
		process.env.XINKAN_SUBMIT_LIMIT = '5';
		two = await twoInstancesWithOpenCampaign('shared-limit');
	});
	afterAll(async () => {
		process.env.XINKAN_SUBMIT_LIMIT = previous;
		await two?.dispose();
	});

	it('share one submission limit: the 6th from one address is refused whichever instance gets it', async () => {
		const instances: Database[] = [two.a.db, two.b.db];
		const send = (i: number, address: string) =>
			submitPublicForm(
				instances[i % 2],
				'shared-limit',
				yesForm(`${'s'.repeat(31)}${BASE32[i]}`),
				address
			);
		// Five from one address, alternating between the instances: all stored.
		for (let i = 0; i < 5; i++) expect((await send(i, '10.20.0.1')).kind).toBe('stored');
		// The sixth and seventh are refused on either instance; in-process counts would allow 5 each.
		expect(await send(5, '10.20.0.1')).toMatchObject({ kind: 'rate_limited' });
		expect(await send(6, '10.20.0.1')).toMatchObject({ kind: 'rate_limited' });
		// Twenty sent at once from another address over both instances: exactly five stored.
		const burst = await Promise.all(
			Array.from({ length: 20 }, (_, i) => send(10 + i, '10.20.0.2'))
		);
		expect(burst.filter((r) => r.kind === 'stored')).toHaveLength(5);
		expect(burst.filter((r) => r.kind === 'rate_limited')).toHaveLength(15);
	});
});
