import { expect, it } from 'vitest';
import { openDatabase } from '../db';
import { hitRateLimit, peekRateLimit } from './submission-limit';

it('counts hits in fixed windows; a peek says the same without counting', async () => {
	const handle = openDatabase({ dataDir: 'memory://' });
	try {
		const limit = { limit: 3, windowSeconds: 60 };
		const start = Date.UTC(2026, 11, 2, 8, 0, 0);
		for (let i = 0; i < 3; i++) {
			expect(peekRateLimit(handle.db, 'k', limit, start + i)).toEqual({
				allowed: true,
				retryAfter: 0
			});
			expect(hitRateLimit(handle.db, 'k', limit, start + i).allowed).toBe(true);
		}
		// Full: the next hit and a peek are refused until the window ends, 50 s from here.
		expect(peekRateLimit(handle.db, 'k', limit, start + 10_000)).toEqual({
			allowed: false,
			retryAfter: 50
		});
		expect(hitRateLimit(handle.db, 'k', limit, start + 10_000)).toEqual({
			allowed: false,
			retryAfter: 50
		});
		expect(peekRateLimit(handle.db, 'other', limit, start + 10_000).allowed).toBe(true);
		// A new window starts afresh.
		expect(peekRateLimit(handle.db, 'k', limit, start + 60_000).allowed).toBe(true);
		expect(hitRateLimit(handle.db, 'k', limit, start + 60_000).allowed).toBe(true);
	} finally {
		await handle.close();
	}
});
