import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq, lt, sql } from 'drizzle-orm';
import type { Database } from './db';
import { rateBuckets, settings } from './db/schema';

export interface RateLimit {
	limit: number;
	windowSeconds: number;
}

/** Public submissions per client: XINKAN_SUBMIT_LIMIT per XINKAN_SUBMIT_WINDOW seconds (30 / 600). */
export function submissionRateLimit(env = process.env): RateLimit {
	return {
		limit: Math.max(1, Number(env.XINKAN_SUBMIT_LIMIT) || 30),
		windowSeconds: Math.max(1, Number(env.XINKAN_SUBMIT_WINDOW) || 600)
	};
}

// One salt per database; caching it per handle is safe because it never changes once written.
const salts = new WeakMap<Database, Promise<string>>();

async function loadSalt(db: Database): Promise<string> {
	const fresh = encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(16)));
	await db.insert(settings).values({ key: 'rate_salt', value: fresh }).onConflictDoNothing();
	const [row] = await db.select().from(settings).where(eq(settings.key, 'rate_salt'));
	return row.value;
}

/**
 * A salted hash of the client address: the limiter can tell clients apart without any table
 * holding an address, and the hash is never stored with a response.
 */
export async function clientKey(db: Database, scope: string, address: string): Promise<string> {
	let salt = salts.get(db);
	if (!salt) {
		salt = loadSalt(db);
		salts.set(db, salt);
	}
	const digest = sha256(new TextEncoder().encode(`${await salt}|${scope}|${address}`));
	return encodeHexLowerCase(digest).slice(0, 32);
}

/**
 * Counts one hit in the current fixed window with a single upsert (no read-then-write race) and
 * says whether it is within the limit, and if not how many seconds remain.
 */
export async function hitRateLimit(
	db: Database,
	key: string,
	{ limit, windowSeconds }: RateLimit,
	now = Date.now()
): Promise<{ allowed: boolean; retryAfter: number }> {
	const windowMs = windowSeconds * 1000;
	const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
	const [row] = await db
		.insert(rateBuckets)
		.values({ key, windowStart, hits: 1 })
		.onConflictDoUpdate({
			target: [rateBuckets.key, rateBuckets.windowStart],
			set: { hits: sql`${rateBuckets.hits} + 1` }
		})
		.returning({ hits: rateBuckets.hits });
	// Old windows are useless; sweeping on a small share of hits keeps the table small without a timer.
	if (row.hits === 1 && Math.random() < 0.05) {
		await db.delete(rateBuckets).where(lt(rateBuckets.windowStart, new Date(now - 2 * windowMs)));
	}
	if (row.hits <= limit) return { allowed: true, retryAfter: 0 };
	return { allowed: false, retryAfter: Math.ceil((windowStart.getTime() + windowMs - now) / 1000) };
}
