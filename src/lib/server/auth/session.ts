import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Database } from '../db';
import { sessions, users, type Role } from '../db/schema';

export const SESSION_COOKIE = 'xinkan_session';
const DAY_MS = 24 * 60 * 60 * 1000;
/** A session not used for this long ends (sliding: each use in its second half extends it). */
export const SESSION_IDLE_DAYS = 14;
/**
 * However much it is used, a session ends this long after it was created: a stolen cookie is not
 * good for ever, and its owner logs in again at least once a month.
 */
export const SESSION_ABSOLUTE_DAYS = 30;

export interface SessionUser {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	unitId: number | null;
}

export interface ValidSession {
	id: string;
	userId: number;
	expiresAt: Date;
}

/** 20 random bytes: 160 bits, beyond guessing; the cookie carries this, the database only its hash. */
export function generateSessionToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: Database,
	token: string,
	userId: number
): Promise<ValidSession> {
	const now = Date.now();
	const session = {
		id: sessionIdOf(token),
		userId,
		expiresAt: new Date(now + SESSION_IDLE_DAYS * DAY_MS)
	};
	await db.insert(sessions).values({ ...session, createdAt: new Date(now) });
	return session;
}

/**
 * Looks a token up; an expired session is deleted, a session in the second half of its idle time is
 * extended (sliding expiry) but never past SESSION_ABSOLUTE_DAYS after its creation, and a
 * disabled user has no valid session at all.
 */
export async function validateSessionToken(
	db: Database,
	token: string
): Promise<{ session: ValidSession; user: SessionUser } | null> {
	const id = sessionIdOf(token);
	const [row] = await db
		.select({
			session: sessions,
			user: {
				id: users.id,
				username: users.username,
				displayName: users.displayName,
				role: users.role,
				unitId: users.unitId,
				active: users.active
			}
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, id));
	if (!row) return null;
	const { session, user } = row;
	const now = Date.now();
	const absoluteEnd = session.createdAt.getTime() + SESSION_ABSOLUTE_DAYS * DAY_MS;
	if (now >= session.expiresAt.getTime() || now >= absoluteEnd || !user.active) {
		await db.delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	const extended = Math.min(now + SESSION_IDLE_DAYS * DAY_MS, absoluteEnd);
	if (
		now >= session.expiresAt.getTime() - (SESSION_IDLE_DAYS / 2) * DAY_MS &&
		extended > session.expiresAt.getTime()
	) {
		session.expiresAt = new Date(extended);
		await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
	}
	const { active: _active, ...sessionUser } = user;
	return {
		session: { id, userId: session.userId, expiresAt: session.expiresAt },
		user: sessionUser
	};
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Database, userId: number): Promise<void> {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends every session of a user but one (the one they are using); returns how many ended. */
export async function invalidateOtherSessions(
	db: Database,
	userId: number,
	keepSessionId: string
): Promise<number> {
	const ended = await db
		.delete(sessions)
		.where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
		.returning({ id: sessions.id });
	return ended.length;
}

/**
 * Deletes the sessions that have ended (idle too long, or past SESSION_ABSOLUTE_DAYS), which
 * `validateSessionToken` only deletes when their cookie comes back; answers how many. Daily
 * housekeeping (jobs/kinds.ts).
 */
export async function deleteEndedSessions(db: Database, now = Date.now()): Promise<number> {
	const ended = await db
		.delete(sessions)
		.where(
			or(
				lt(sessions.expiresAt, new Date(now)),
				lt(sessions.createdAt, new Date(now - SESSION_ABSOLUTE_DAYS * DAY_MS))
			)
		)
		.returning({ id: sessions.id });
	return ended.length;
}
