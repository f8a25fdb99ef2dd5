import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import { queryPrepared, type Database } from '../db';
import { settings } from '../db/schema';
import { groupCommit } from './group-commit';

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
		missed: async () => void (await hitRateLimit(db, key, limit))
	};
}

export interface RateDecision {
	allowed: boolean;
	/** Seconds until the window ends when refused; 0 when allowed. */
	retryAfter: number;
}

/**
 * Counts one hit in the current fixed window and says whether it is within the limit, and if not
 * how many seconds remain. The count is kept in PostgreSQL (`rate_counters`), so every app process
 * on one database counts into the same window and a client gets the limit once, whichever
 * processes serve it. Hits are counted in batches (`countHits`): one statement adds a batch's hits
 * to their rows and returns the totals, and each hit learns its place in its window from them — as
 * exact as a counter per hit, without the per-hit upsert on one row that migration 0009 removed
 * (every submission from one address queued on that row's lock).
 */
export async function hitRateLimit(
	db: Database,
	key: string,
	{ limit, windowSeconds }: RateLimit,
	now = Date.now()
): Promise<RateDecision> {
	const { windowStart, windowEnd, refused } = fixedWindow(windowSeconds, now);
	const place = await counterOf(db)({ row: `${key}@${windowStart}`, expiresAt: windowEnd });
	return place <= limit ? { allowed: true, retryAfter: 0 } : refused;
}

/** Whether one more hit would be within the limit, without counting it (see `hitRateLimit`). */
export async function peekRateLimit(
	db: Database,
	key: string,
	{ limit, windowSeconds }: RateLimit,
	now = Date.now()
): Promise<RateDecision> {
	const { windowStart, refused } = fixedWindow(windowSeconds, now);
	const [row] = await queryPrepared<{ hits: number }>(db, PEEK, [`${key}@${windowStart}`]);
	return row && Number(row.hits) >= limit ? refused : { allowed: true, retryAfter: 0 };
}

/** The fixed window `now` falls in, and the answer to a client refused in it. */
function fixedWindow(windowSeconds: number, now: number) {
	const windowMs = windowSeconds * 1000;
	const windowStart = Math.floor(now / windowMs) * windowMs;
	const retryAfter = Math.ceil((windowStart + windowMs - now) / 1000);
	return {
		windowStart,
		windowEnd: windowStart + windowMs,
		refused: { allowed: false, retryAfter }
	};
}

interface Hit {
	/** Client key and window start: one counter row. */
	row: string;
	expiresAt: number;
}

const PEEK = 'select hits from rate_counters where key = $1';
// Rows in key order, so two batches touching the same rows lock them in the same order and cannot
// deadlock; each batch is its own short statement, so a row's lock is held for microseconds.
const COUNT = `insert into rate_counters (key, hits, expires_at)
	select k, n, e from json_to_recordset($1::text::json) as t(k text, n int, e timestamptz) order by k
	on conflict (key) do update set hits = rate_counters.hits + excluded.hits
	returning key, hits`;
const SWEEP = 'delete from rate_counters where expires_at < $1::timestamptz returning key';
/** How often each process deletes ended windows; a minute's grace keeps it off rows still counted. */
const SWEEP_EVERY_MS = 60_000;

const counters = new WeakMap<Database, (hit: Hit) => Promise<number>>();
const lastSweep = new WeakMap<Database, number>();

function counterOf(db: Database) {
	let count = counters.get(db);
	if (!count) {
		// Hits that arrive while a batch is being counted wait and go together in the next one.
		count = groupCommit<Hit, number>(
			(hits) => countHits(db, hits),
			() => false,
			{
				maxBatch: 1000,
				concurrency: 2
			}
		);
		counters.set(db, count);
	}
	return count;
}

/** Adds a batch of hits to their rows; answers each hit's place (1, 2, …) in its window, in order. */
async function countHits(db: Database, hits: Hit[]): Promise<number[]> {
	const added = new Map<string, { n: number; e: string }>();
	for (const hit of hits) {
		const entry = added.get(hit.row);
		if (entry) entry.n++;
		else added.set(hit.row, { n: 1, e: new Date(hit.expiresAt).toISOString() });
	}
	const batch = [...added].map(([k, { n, e }]) => ({ k, n, e }));
	const totals = await queryPrepared<{ key: string; hits: number }>(db, COUNT, [
		JSON.stringify(batch)
	]);
	// The batch's hits on a row are the last `n` of its new total, in the order they arrived.
	const next = new Map(totals.map((t) => [t.key, Number(t.hits) - added.get(t.key)!.n + 1]));
	sweepNowAndThen(db);
	return hits.map((hit) => {
		const place = next.get(hit.row)!;
		next.set(hit.row, place + 1);
		return place;
	});
}

/** Ended windows are useless; each process deletes them about once a minute, off the request path. */
function sweepNowAndThen(db: Database) {
	const now = Date.now();
	if (now - (lastSweep.get(db) ?? 0) < SWEEP_EVERY_MS) return;
	lastSweep.set(db, now);
	deleteEndedWindows(db, now - SWEEP_EVERY_MS).catch((e: unknown) => {
		// A sweep that fails is retried a minute later; the rows it missed only take up space.
		console.warn('Xinkan: could not delete ended rate-limit windows:', e);
	});
}

/** Deletes the counters of windows that ended before `before` (epoch ms); answers how many. */
export async function deleteEndedWindows(db: Database, before: number): Promise<number> {
	const rows = await queryPrepared(db, SWEEP, [new Date(before).toISOString()]);
	return rows.length;
}
