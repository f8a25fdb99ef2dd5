import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../db';
import { loginFailures } from '../db/schema';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

function keysFor(username: string, ip: string): string[] {
	return [`user:${username.trim().toLowerCase()}`, `ip:${ip}`];
}

/**
 * Seconds until another attempt is allowed, or 0. Both the username and the client address are
 * counted, so neither guessing one password on many accounts nor many on one account gets far.
 */
export async function loginRetryAfter(db: Database, username: string, ip: string): Promise<number> {
	const since = new Date(Date.now() - WINDOW_MS);
	for (const key of keysFor(username, ip)) {
		const rows = await db
			.select({ at: loginFailures.at })
			.from(loginFailures)
			.where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)))
			.orderBy(loginFailures.at);
		if (rows.length >= MAX_FAILURES) {
			const oldestCounted = rows[rows.length - MAX_FAILURES].at.getTime();
			return Math.max(1, Math.ceil((oldestCounted + WINDOW_MS - Date.now()) / 1000));
		}
	}
	return 0;
}

export async function recordLoginFailure(
	db: Database,
	username: string,
	ip: string
): Promise<void> {
	await db.insert(loginFailures).values(keysFor(username, ip).map((key) => ({ key })));
	// Old rows are only noise; pruning here keeps the table small without a scheduler.
	await db.delete(loginFailures).where(lt(loginFailures.at, new Date(Date.now() - WINDOW_MS)));
}

/** A successful login forgives that username's failures (not the address's). */
export async function clearLoginFailures(db: Database, username: string): Promise<void> {
	await db.delete(loginFailures).where(eq(loginFailures.key, keysFor(username, '')[0]));
}
