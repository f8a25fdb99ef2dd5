import { inArray, lt, or, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db';
import { loginFailures } from '../db/schema';

/** Wrong passwords for one username from one address before that pair must wait. */
export const PAIR_LIMIT = 10;
/** Wrong passwords from one address, whatever the usernames, before it must wait. */
export const ADDRESS_LIMIT = 30;
/** Wrong passwords for one username from anywhere before its attempts are slowed (never locked). */
export const SLOW_AFTER = 10;
/** The longest an attempt on a slowed account waits before its password is checked. */
export const MAX_DELAY_MS = 8_000;
export const WINDOW_MS = 15 * 60 * 1000;

function keysFor(username: string, ip: string) {
	const user = username.trim().toLowerCase();
	return { pair: `pair:${user}|${ip}`, address: `ip:${ip}`, account: `user:${user}` };
}

export interface LoginAttempt {
	/** Seconds before this address (or this username from it) may try again; 0 when it may now. */
	retryAfter: number;
	/** How long to wait before checking the password: the account is being guessed at elsewhere. */
	delayMs: number;
	/** The rows this attempt was counted under, removed again if the password is right. */
	ids: number[];
}

/**
 * Counts a login attempt before its password is checked. An address is refused after
 * PAIR_LIMIT misses for one username or ADDRESS_LIMIT misses in all (the owner's typos, a password
 * sprayed over accounts); misses for one username from many addresses never lock it against its
 * owner — they slow every attempt on it down, doubling from 250 ms to MAX_DELAY_MS — so ten
 * addresses cannot keep admin out. The count and the reservation happen under advisory locks of
 * the address and the pair, so N attempts sent at once check at most the limit between them.
 */
export async function beginLoginAttempt(
	db: Database,
	username: string,
	ip: string
): Promise<LoginAttempt> {
	const keys = keysFor(username, ip);
	const since = new Date(Date.now() - WINDOW_MS);
	const sinceSql = sql`${since.toISOString()}::timestamptz`;
	const attempt = await db.transaction(async (tx) => {
		for (const key of [keys.address, keys.pair].sort()) {
			await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
		}
		const waitFor = async (key: string, limit: number) => {
			const rows = await queryRows<{ at: Date | string }>(
				tx as unknown as Database,
				sql`select at from ${loginFailures} where key = ${key} and at > ${sinceSql}
					order by at desc limit ${limit}`
			);
			if (rows.length < limit) return 0;
			const oldestCounted = new Date(rows[rows.length - 1].at).getTime();
			return Math.max(1, Math.ceil((oldestCounted + WINDOW_MS - Date.now()) / 1000));
		};
		const retryAfter = Math.max(
			await waitFor(keys.pair, PAIR_LIMIT),
			await waitFor(keys.address, ADDRESS_LIMIT)
		);
		if (retryAfter > 0) return { retryAfter, delayMs: 0, ids: [] };
		const [{ n }] = await queryRows<{ n: number }>(
			tx as unknown as Database,
			sql`select count(*)::int as n from ${loginFailures} where key = ${keys.account} and at > ${sinceSql}`
		);
		const misses = Number(n);
		const delayMs =
			misses >= SLOW_AFTER ? Math.min(MAX_DELAY_MS, 250 * 2 ** (misses - SLOW_AFTER)) : 0;
		const inserted = await tx
			.insert(loginFailures)
			.values([{ key: keys.pair }, { key: keys.address }, { key: keys.account }])
			.returning({ id: loginFailures.id });
		return { retryAfter: 0, delayMs, ids: inserted.map((r) => r.id) };
	});
	// Old rows are only noise; pruning here keeps the table small without a scheduler.
	await db.delete(loginFailures).where(lt(loginFailures.at, since));
	return attempt;
}

/**
 * The password was right: this attempt does not count, and the username's misses — from this
 * address and from anywhere — are forgiven (the address's misses for other usernames are not).
 */
export async function loginSucceeded(
	db: Database,
	username: string,
	ip: string,
	attempt: LoginAttempt
): Promise<void> {
	const keys = keysFor(username, ip);
	const user = keys.account.slice('user:'.length);
	const anyPair = `pair:${user.replace(/[\\%_]/g, '\\$&')}|%`;
	await db
		.delete(loginFailures)
		.where(
			or(
				attempt.ids.length ? inArray(loginFailures.id, attempt.ids) : undefined,
				sql`${loginFailures.key} = ${keys.account}`,
				sql`${loginFailures.key} like ${anyPair}`
			)
		);
}
