import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog, sessions } from '../db/schema';
import { authenticate, changeOwnPassword, createUser } from '../org/users';
import { describeEachDatabase } from '../test/databases';
import { createSession, generateSessionToken, validateSessionToken } from './session';

describeEachDatabase('users change their own password', (current) => {
	const OLD = 'first-long-password';
	const withSessions = async (username: string) => {
		const { db } = current();
		const user = await createUser(db, null, {
			username,
			password: OLD,
			displayName: '',
			role: 'reviewer',
			unitId: null
		});
		const here = generateSessionToken();
		const elsewhere = generateSessionToken();
		const hereSession = await createSession(db, here, user.id);
		await createSession(db, elsewhere, user.id);
		return { user, here, hereSession, elsewhere };
	};

	it('ends their other sessions, keeps this one, and records it in the audit log', async () => {
		const { db } = current();
		const { user, here, hereSession, elsewhere } = await withSessions('chenjing');
		await changeOwnPassword(db, user.id, hereSession.id, {
			currentPassword: OLD,
			newPassword: 'second-long-password'
		});
		expect(await validateSessionToken(db, here)).not.toBeNull();
		expect(await validateSessionToken(db, elsewhere)).toBeNull();
		expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
		expect(await authenticate(db, 'chenjing', OLD)).toBeNull();
		expect(await authenticate(db, 'chenjing', 'second-long-password')).not.toBeNull();
		const entries = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'user.password_change'), eq(auditLog.actorId, user.id)));
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ entity: 'user', entityId: String(user.id) });
		expect(JSON.stringify(entries[0])).not.toContain('argon2');
	});

	it('refuses a wrong current password or a weak new one, and changes nothing', async () => {
		const { db } = current();
		const { user, hereSession, elsewhere } = await withSessions('sunli');
		await expect(
			changeOwnPassword(db, user.id, hereSession.id, {
				currentPassword: 'not-the-password',
				newPassword: 'second-long-password'
			})
		).rejects.toMatchObject({ status: 400, fields: { currentPassword: 'password_wrong' } });
		await expect(
			changeOwnPassword(db, user.id, hereSession.id, {
				currentPassword: OLD,
				newPassword: 'iloveyou1314'
			})
		).rejects.toMatchObject({ status: 400, fields: { newPassword: 'password_common' } });
		await expect(
			changeOwnPassword(db, user.id, hereSession.id, {
				currentPassword: OLD,
				newPassword: 'SunLi-forever'
			})
		).rejects.toMatchObject({ fields: { newPassword: 'password_has_username' } });
		expect(await authenticate(db, 'sunli', OLD)).not.toBeNull();
		expect(await validateSessionToken(db, elsewhere)).not.toBeNull();
		const entries = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'user.password_change'), eq(auditLog.actorId, user.id)));
		expect(entries).toHaveLength(0);
	});
});
