import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { settings } from '../db/schema';

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

/**
 * Failed code lookups per client — receipt codes at /r and form codes on the public form —
 * XINKAN_LOOKUP_LIMIT per XINKAN_LOOKUP_WINDOW seconds (20 / 600). Only misses count: people
 * checking their own receipt or scanning their own printed form find it, so a village meeting
 * behind one address is never slowed, while someone guessing codes is stopped after 20 misses
 * (at 31⁷ form codes or 32⁸ receipt codes, 20 guesses find one of 1,751 codes with odds of about
 * one in 10⁶ — see form-code.ts and receipt-code.ts).
 */
export function lookupRateLimit(env = process.env): RateLimit {
	return {
		limit: Math.max(1, Number(env.XINKAN_LOOKUP_LIMIT) || 20),
		windowSeconds: Math.max(1, Number(env.XINKAN_LOOKUP_WINDOW) || 600)
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
 * A client's code lookups: `check()` says whether it may look up now (without counting),
 * `missed()` counts a lookup that found nothing. Blocked clients are refused every lookup, found
 * or not, until their window ends, so a guesser cannot test codes while blocked.
 */
export async function lookupThrottle(db: Database, address: string) {
	const key = await clientKey(db, 'lookup', address);
	const limit = lookupRateLimit();
	return {
		check: () => peekRateLimit(db, key, limit),
		missed: () => void hitRateLimit(db, key, limit)
	};
}

/** Hits per client key in the current fixed window, one table per database (per deployment). */
const windows = new WeakMap<Database, Map<string, { windowStart: number; hits: number }>>();
const SWEEP_EVERY = 1024;
let sinceSweep = 0;

/**
 * Counts one hit in the current fixed window and says whether it is within the limit, and if not
 * how many seconds remain. The count lives in this process's memory — exact on PGlite, where one
 * process is all there is, and for one process on PostgreSQL. Several app processes on one
 * PostgreSQL each count alone, so a client gets up to the limit from each (issue 15 moves the
 * counts into PostgreSQL). A restart forgets the counts, which only ever lets a client through sooner.
 */
export function hitRateLimit(
	db: Database,
	key: string,
	{ limit, windowSeconds }: RateLimit,
	now = Date.now()
): { allowed: boolean; retryAfter: number } {
	const { windowStart, refused } = fixedWindow(windowSeconds, now);
	let counts = windows.get(db);
	if (!counts) {
		counts = new Map();
		windows.set(db, counts);
	}
	// Old windows are useless; sweeping now and then keeps the map as small as the active clients.
	if (++sinceSweep >= SWEEP_EVERY) {
		sinceSweep = 0;
		for (const [k, w] of counts) if (w.windowStart < windowStart) counts.delete(k);
	}
	let entry = counts.get(key);
	if (!entry || entry.windowStart !== windowStart) {
		entry = { windowStart, hits: 0 };
		counts.set(key, entry);
	}
	entry.hits++;
	return entry.hits <= limit ? { allowed: true, retryAfter: 0 } : refused;
}

/** Whether one more hit would be within the limit, without counting it (see `hitRateLimit`). */
export function peekRateLimit(
	db: Database,
	key: string,
	{ limit, windowSeconds }: RateLimit,
	now = Date.now()
): { allowed: boolean; retryAfter: number } {
	const { windowStart, refused } = fixedWindow(windowSeconds, now);
	const entry = windows.get(db)?.get(key);
	const full = entry?.windowStart === windowStart && entry.hits >= limit;
	return full ? refused : { allowed: true, retryAfter: 0 };
}

/** The fixed window `now` falls in, and the answer to a client refused in it. */
function fixedWindow(windowSeconds: number, now: number) {
	const windowMs = windowSeconds * 1000;
	const windowStart = Math.floor(now / windowMs) * windowMs;
	const retryAfter = Math.ceil((windowStart + windowMs - now) / 1000);
	return { windowStart, refused: { allowed: false, retryAfter } };
}
