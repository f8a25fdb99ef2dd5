import { and, asc, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import { auditLog, users } from '../db/schema';

export interface AuditInput {
	actorId: number | null;
	action: string;
	entity: string;
	entityId?: string | number | null;
	before?: unknown;
	after?: unknown;
}

/** Written inside the caller's transaction, so a change and its audit entry stand or fall together. */
export async function recordAudit(db: Database, entry: AuditInput): Promise<void> {
	await db.insert(auditLog).values({
		actorId: entry.actorId,
		action: entry.action,
		entity: entry.entity,
		entityId: entry.entityId == null ? null : String(entry.entityId),
		before: stripSecrets(entry.before) ?? null,
		after: stripSecrets(entry.after) ?? null
	});
}

/** Password hashes never reach the audit log. */
function stripSecrets(value: unknown): unknown {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
	const { passwordHash: _hash, ...rest } = value as Record<string, unknown>;
	return rest;
}

export interface AuditQuery {
	q?: string;
	entity?: string;
	actorId?: number;
	action?: string;
	/** Days in China time (YYYY-MM-DD), both included. */
	from?: string;
	to?: string;
	page?: number;
	pageSize?: number;
}

/** The start of a China-time day, as the instant PostgreSQL compares with. */
const dayStart = (day: string) => sql`(${day}::date::timestamp at time zone 'Asia/Shanghai')`;

export async function listAudit(db: Database, query: AuditQuery) {
	const pageSize = query.pageSize ?? 50;
	const page = Math.max(1, query.page ?? 1);
	const filters: SQL[] = [];
	if (query.entity) filters.push(eq(auditLog.entity, query.entity));
	if (query.actorId) filters.push(eq(auditLog.actorId, query.actorId));
	if (query.action) filters.push(eq(auditLog.action, query.action));
	if (query.from) filters.push(gte(auditLog.at, dayStart(query.from)));
	if (query.to) filters.push(lt(auditLog.at, sql`${dayStart(query.to)} + interval '1 day'`));
	if (query.q) {
		const pattern = `%${query.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
		const match = or(
			ilike(auditLog.action, pattern),
			ilike(auditLog.entityId, pattern),
			ilike(users.username, pattern),
			sql`${auditLog.before}::text ilike ${pattern}`,
			sql`${auditLog.after}::text ilike ${pattern}`
		);
		if (match) filters.push(match);
	}
	const where = filters.length ? and(...filters) : undefined;
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: auditLog.id,
				at: auditLog.at,
				actor: users.username,
				action: auditLog.action,
				entity: auditLog.entity,
				entityId: auditLog.entityId,
				before: auditLog.before,
				after: auditLog.after
			})
			.from(auditLog)
			.leftJoin(users, eq(auditLog.actorId, users.id))
			.where(where)
			.orderBy(desc(auditLog.id))
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db
			.select({ total: sql<number>`count(*)::int` })
			.from(auditLog)
			.leftJoin(users, eq(auditLog.actorId, users.id))
			.where(where)
	]);
	return { rows, total, page, pageSize };
}

/** What the audit viewer's filters offer: the people and the actions that appear in the log. */
export async function auditFilterOptions(db: Database) {
	const [actors, actions] = await Promise.all([
		db
			.selectDistinct({ id: users.id, username: users.username })
			.from(auditLog)
			.innerJoin(users, eq(auditLog.actorId, users.id))
			.orderBy(asc(users.username)),
		db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action))
	]);
	return { actors, actions: actions.map((a) => a.action) };
}
