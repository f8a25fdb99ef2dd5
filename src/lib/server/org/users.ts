import { asc, eq, sql } from 'drizzle-orm';
import type { UserCreate, UserUpdate } from '../../schemas/admin';
import { recordAudit } from '../platform/audit';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import { assertPasswordAllowed } from '../auth/password-policy';
import { invalidateOtherSessions, invalidateUserSessions } from '../auth/session';
import { isUniqueViolation, type Database } from '../db';
import { units, users, type User } from '../db/schema';
import { Conflict, Invalid, NotFound } from '../platform/errors';

export type PublicUser = Omit<User, 'passwordHash'>;

const publicColumns = {
	id: users.id,
	username: users.username,
	displayName: users.displayName,
	role: users.role,
	unitId: users.unitId,
	active: users.active,
	createdAt: users.createdAt,
	updatedAt: users.updatedAt
};

export async function listUsers(db: Database) {
	return db
		.select({ ...publicColumns, unitName: units.name })
		.from(users)
		.leftJoin(units, eq(users.unitId, units.id))
		.orderBy(asc(users.username));
}

export async function getUser(db: Database, id: number): Promise<PublicUser> {
	const [user] = await db.select(publicColumns).from(users).where(eq(users.id, id));
	if (!user) throw new NotFound();
	return user;
}

async function assertUnitExists(db: Database, unitId: number | null) {
	if (unitId == null) return;
	const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
	if (!unit) throw new Invalid('invalid', { unitId: 'invalid' });
}

export async function createUser(
	db: Database,
	actorId: number | null,
	input: UserCreate
): Promise<PublicUser> {
	assertPasswordAllowed(input.password, input.username);
	await assertUnitExists(db, input.unitId);
	const passwordHash = await hashPassword(input.password);
	try {
		return await db.transaction(async (tx) => {
			const [user] = await tx
				.insert(users)
				.values({
					username: input.username,
					displayName: input.displayName,
					role: input.role,
					unitId: input.unitId,
					passwordHash
				})
				.returning(publicColumns);
			await recordAudit(tx, {
				actorId,
				action: 'user.create',
				entity: 'user',
				entityId: user.id,
				after: user
			});
			return user;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new Conflict('username_taken', { username: 'username_taken' });
		throw e;
	}
}

export async function updateUser(
	db: Database,
	actorId: number | null,
	id: number,
	input: UserUpdate
): Promise<PublicUser> {
	await assertUnitExists(db, input.unitId);
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select(publicColumns)
			.from(users)
			.where(eq(users.id, id))
			.for('update');
		if (!before) throw new NotFound();
		if (id === actorId && (!input.active || input.role !== before.role)) {
			// An admin locking themselves out leaves nobody to undo it.
			throw new Invalid('cannot_demote_self', { role: 'cannot_demote_self' });
		}
		const [after] = await tx
			.update(users)
			.set({ ...input, updatedAt: new Date() })
			.where(eq(users.id, id))
			.returning(publicColumns);
		// A disabled account or a changed role must not keep sessions granted under the old rights.
		if (!input.active || input.role !== before.role) await invalidateUserSessions(tx, id);
		await recordAudit(tx, {
			actorId,
			action: 'user.update',
			entity: 'user',
			entityId: id,
			before,
			after
		});
		return after;
	});
}

export async function setPassword(
	db: Database,
	actorId: number | null,
	username: string,
	password: string
): Promise<void> {
	assertPasswordAllowed(password, username);
	const passwordHash = await hashPassword(password);
	await db.transaction(async (tx) => {
		const [user] = await tx
			.update(users)
			.set({ passwordHash, updatedAt: new Date() })
			.where(eq(sql`lower(${users.username})`, username.toLowerCase()))
			.returning({ id: users.id });
		if (!user) throw new NotFound();
		await invalidateUserSessions(tx, user.id);
		await recordAudit(tx, { actorId, action: 'user.password', entity: 'user', entityId: user.id });
	});
}

/**
 * A user changing their own password: the current one must be right and the new one pass the
 * policy. Their other sessions end (a stolen session must not outlive the change); the one they
 * changed it from stays, so they are not thrown out mid-task.
 */
export async function changeOwnPassword(
	db: Database,
	userId: number,
	currentSessionId: string,
	input: { currentPassword: string; newPassword: string }
): Promise<void> {
	const [user] = await db
		.select({ username: users.username, passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, userId));
	if (!user) throw new NotFound();
	// The policy first: a refused new password is not a wrong guess at the current one.
	assertPasswordAllowed(input.newPassword, user.username, 'newPassword');
	if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
		throw new Invalid('password_wrong', { currentPassword: 'password_wrong' });
	}
	const passwordHash = await hashPassword(input.newPassword);
	await db.transaction(async (tx) => {
		await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
		const ended = await invalidateOtherSessions(tx, userId, currentSessionId);
		await recordAudit(tx, {
			actorId: userId,
			action: 'user.password_change',
			entity: 'user',
			entityId: userId,
			after: { otherSessionsEnded: ended }
		});
	});
}

/** The user for a username and password, or null; an unknown name costs the same time as a wrong password. */
export async function authenticate(
	db: Database,
	username: string,
	password: string
): Promise<PublicUser | null> {
	const [user] = await db
		.select()
		.from(users)
		.where(eq(sql`lower(${users.username})`, username.trim().toLowerCase()));
	if (!user) {
		await verifyPassword(await decoyPasswordHash(), password);
		return null;
	}
	if (!(await verifyPassword(user.passwordHash, password)) || !user.active) return null;
	const { passwordHash: _hash, ...rest } = user;
	return rest;
}

export async function countUsers(db: Database): Promise<number> {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
	return row.n;
}
