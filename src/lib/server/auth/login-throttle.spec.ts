import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db';
import { createTestDatabase } from '../test/databases';
import { ADDRESS_LIMIT, beginLoginAttempt, PAIR_LIMIT } from './login-throttle';

// Two app instances are two connection pools on one PostgreSQL database (PGlite allows one). The
// throttle counts in `login_failures` under advisory locks, which hold across connections.
const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('the login throttle across two app instances', () => {
	let test: Awaited<ReturnType<typeof createTestDatabase>>;
	let other: DatabaseHandle;
	beforeAll(async () => {
		test = await createTestDatabase('postgres');
		other = openDatabase({ url: test.url, poolSize: 5 });
	});
	afterAll(async () => {
		await other?.close();
		await test?.dispose();
	});

	it('checks at most ten passwords of 40 attempts sent at once over both instances', async () => {
		const instances = [test.db, other.db];
		const attempts = await Promise.all(
			Array.from({ length: 40 }, (_, i) => beginLoginAttempt(instances[i % 2], 'grace', '10.7.0.1'))
		);
		expect(attempts.filter((a) => a.retryAfter === 0)).toHaveLength(PAIR_LIMIT);
	});

	it('refuses an address spraying usernames once it has reached the limit on both together', async () => {
		const instances = [test.db, other.db];
		for (let i = 0; i < ADDRESS_LIMIT; i++) {
			const attempt = await beginLoginAttempt(instances[i % 2], `spray${i}`, '10.7.0.2');
			expect(attempt.retryAfter).toBe(0);
		}
		for (const db of instances) {
			expect((await beginLoginAttempt(db, 'one-more', '10.7.0.2')).retryAfter).toBeGreaterThan(0);
		}
	});
});
