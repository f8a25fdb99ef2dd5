import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { sessions } from '../db/schema';
import { createUser } from '../org/users';
import { describeEachDatabase } from '../test/databases';
import {
	createSession,
	generateSessionToken,
	SESSION_ABSOLUTE_DAYS,
	SESSION_IDLE_DAYS,
	sessionIdOf,
	validateSessionToken
} from './session';

const DAY = 24 * 3600 * 1000;

describeEachDatabase('session lifetime', (current) => {
	const sessionOf = async (username: string) => {
		const { db } = current();
		const user = await createUser(db, null, {
			username,
			password: 'long enough words',
			displayName: '',
			role: 'clerk',
			unitId: null
		});
		const token = generateSessionToken();
		await createSession(db, token, user.id);
		return token;
	};
	const age = (token: string, days: number, expiresInDays: number) =>
		current()
			.db.update(sessions)
			.set({
				createdAt: new Date(Date.now() - days * DAY),
				expiresAt: new Date(Date.now() + expiresInDays * DAY)
			})
			.where(eq(sessions.id, sessionIdOf(token)));

	it('ends a session used every day once it is 30 days old', async () => {
		const { db } = current();
		const token = await sessionOf('daily1');
		// Used yesterday, so its sliding expiry is days away: only its age ends it.
		await age(token, SESSION_ABSOLUTE_DAYS + 0.01, SESSION_IDLE_DAYS - 1);
		expect(await validateSessionToken(db, token)).toBeNull();
		expect(
			await db
				.select()
				.from(sessions)
				.where(eq(sessions.id, sessionIdOf(token)))
		).toEqual([]);
	});

	it('never extends a session past 30 days from its creation', async () => {
		const { db } = current();
		const token = await sessionOf('daily2');
		await age(token, SESSION_ABSOLUTE_DAYS - 2, 1);
		const result = await validateSessionToken(db, token);
		expect(result).not.toBeNull();
		const [row] = await db
			.select()
			.from(sessions)
			.where(eq(sessions.id, sessionIdOf(token)));
		const end = row.createdAt.getTime() + SESSION_ABSOLUTE_DAYS * DAY;
		expect(result!.session.expiresAt.getTime()).toBe(end);
		expect(row.expiresAt.getTime()).toBe(end);
	});

	it('still slides: a young session in the second half of its idle time is extended', async () => {
		const { db } = current();
		const token = await sessionOf('daily3');
		await age(token, 3, 2);
		const result = await validateSessionToken(db, token);
		expect(result!.session.expiresAt.getTime()).toBeGreaterThan(
			Date.now() + (SESSION_IDLE_DAYS - 1) * DAY
		);
	});
});
