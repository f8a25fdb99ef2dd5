import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { sessions, users } from '../db/schema';
import { describeEachDatabase } from '../test/databases';
import { authenticate, createUser, setPassword, updateUser } from '../org/users';
import {
	ADDRESS_LIMIT,
	beginLoginAttempt,
	loginSucceeded,
	MAX_DELAY_MS,
	PAIR_LIMIT,
	SLOW_AFTER
} from './login-throttle';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	sessionIdOf,
	validateSessionToken
} from './session';

describeEachDatabase('accounts and sessions', (current) => {
	const newUser = (username: string, role: 'clerk' | 'admin' = 'clerk') =>
		createUser(current().db, null, {
			username,
			password: 'correct horse',
			displayName: '',
			role,
			unitId: null
		});

	it('stores only the hash of a session token and resolves the token to its user', async () => {
		const { db } = current();
		const user = await newUser('sess1');
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		const [row] = await db.select().from(sessions).where(eq(sessions.userId, user.id));
		expect(row.id).toBe(sessionIdOf(token));
		expect(row.id).not.toContain(token);
		const result = await validateSessionToken(db, token);
		expect(result?.user.username).toBe('sess1');
		expect(await validateSessionToken(db, token + 'x')).toBeNull();
	});

	it('deletes an expired session and extends one in the second half of its life', async () => {
		const { db } = current();
		const user = await newUser('sess2');
		const expired = generateSessionToken();
		await createSession(db, expired, user.id);
		await db
			.update(sessions)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(sessions.id, sessionIdOf(expired)));
		expect(await validateSessionToken(db, expired)).toBeNull();
		expect(
			await db
				.select()
				.from(sessions)
				.where(eq(sessions.id, sessionIdOf(expired)))
		).toHaveLength(0);

		const ageing = generateSessionToken();
		await createSession(db, ageing, user.id);
		const soon = new Date(Date.now() + 2 * 24 * 3600 * 1000);
		await db
			.update(sessions)
			.set({ expiresAt: soon })
			.where(eq(sessions.id, sessionIdOf(ageing)));
		const refreshed = await validateSessionToken(db, ageing);
		expect(refreshed!.session.expiresAt.getTime()).toBeGreaterThan(
			Date.now() + 13 * 24 * 3600 * 1000
		);
	});

	it('logout invalidates the session for good', async () => {
		const { db } = current();
		const user = await newUser('sess3');
		const token = generateSessionToken();
		const session = await createSession(db, token, user.id);
		await invalidateSession(db, session.id);
		expect(await validateSessionToken(db, token)).toBeNull();
	});

	it('authenticates by password, case-insensitively by username, and refuses disabled users', async () => {
		const { db } = current();
		const user = await newUser('Alice');
		expect((await authenticate(db, 'alice', 'correct horse'))?.id).toBe(user.id);
		expect(await authenticate(db, 'alice', 'wrong horse')).toBeNull();
		expect(await authenticate(db, 'nobody', 'correct horse')).toBeNull();
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		await updateUser(db, null, user.id, {
			displayName: '',
			role: 'clerk',
			unitId: null,
			active: false
		});
		expect(await authenticate(db, 'alice', 'correct horse')).toBeNull();
		expect(await validateSessionToken(db, token)).toBeNull();
	});

	it('refuses a second user with the same username in any letter case', async () => {
		await newUser('bob');
		await expect(newUser('BOB')).rejects.toMatchObject({
			status: 409,
			fields: { username: 'username_taken' }
		});
	});

	it('a password reset logs the user out everywhere and stores an argon2id hash', async () => {
		const { db } = current();
		const user = await newUser('carol');
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		await setPassword(db, null, 'carol', 'new password 1');
		expect(await validateSessionToken(db, token)).toBeNull();
		expect(await authenticate(db, 'carol', 'new password 1')).not.toBeNull();
		const [row] = await db.select().from(users).where(eq(users.id, user.id));
		expect(row.passwordHash.startsWith('$argon2id$')).toBe(true);
	});

	it('refuses an address after ten misses for one username, and forgives the username on success', async () => {
		const { db } = current();
		for (let i = 0; i < PAIR_LIMIT; i++) {
			expect((await beginLoginAttempt(db, 'dave', '10.0.0.1')).retryAfter).toBe(0);
		}
		const refused = await beginLoginAttempt(db, 'DAVE', '10.0.0.1');
		expect(refused.retryAfter).toBeGreaterThan(0);
		expect(refused.retryAfter).toBeLessThanOrEqual(15 * 60);
		// Dave from his own desk is not refused, and his success forgives his misses everywhere.
		const own = await beginLoginAttempt(db, 'dave', '10.0.0.9');
		expect(own.retryAfter).toBe(0);
		await loginSucceeded(db, 'dave', '10.0.0.9', own);
		expect((await beginLoginAttempt(db, 'dave', '10.0.0.1')).retryAfter).toBe(0);
	});

	it('never locks an account against its owner: misses from ten addresses slow it down instead', async () => {
		const { db } = current();
		for (let i = 0; i < SLOW_AFTER; i++) await beginLoginAttempt(db, 'frank', `10.9.0.${i}`);
		const owner = await beginLoginAttempt(db, 'frank', '10.8.0.1');
		expect(owner.retryAfter).toBe(0);
		expect(owner.delayMs).toBeGreaterThan(0);
		// Each further miss doubles the wait, up to its ceiling; it never becomes a refusal.
		let last = owner.delayMs;
		for (let i = 0; i < 8; i++) {
			const next = await beginLoginAttempt(db, 'frank', `10.7.0.${i}`);
			expect(next.retryAfter).toBe(0);
			expect(next.delayMs).toBeGreaterThanOrEqual(last);
			last = next.delayMs;
		}
		expect(last).toBe(MAX_DELAY_MS);
	});

	it('refuses an address that sprays passwords over many usernames', async () => {
		const { db } = current();
		for (let i = 0; i < ADDRESS_LIMIT; i++) {
			expect((await beginLoginAttempt(db, `user${i}`, '10.6.0.1')).retryAfter).toBe(0);
		}
		expect((await beginLoginAttempt(db, 'someone-else', '10.6.0.1')).retryAfter).toBeGreaterThan(0);
	});

	it('counts attempts sent at once atomically: 40 together check at most ten passwords', async () => {
		const { db } = current();
		const attempts = await Promise.all(
			Array.from({ length: 40 }, () => beginLoginAttempt(db, 'grace', '10.5.0.1'))
		);
		expect(attempts.filter((a) => a.retryAfter === 0)).toHaveLength(PAIR_LIMIT);
	});
});
