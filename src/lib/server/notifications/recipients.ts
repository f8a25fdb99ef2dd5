import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { REVIEWERS } from '../../roles';

/** Who a notification goes to: a staff member (inbox, and the channels they chose) or a proposer. */
export type Recipient = { userId: number } | { responseId: number };

/** The active handlers of a department: whom "assigned", "reopened" and the deadlines reach. */
export async function handlersOf(tx: Database, departmentId: number | null): Promise<Recipient[]> {
	if (departmentId == null) return [];
	const rows = await tx
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'handler'), eq(users.unitId, departmentId), eq(users.active, true)));
	return rows.map((r) => ({ userId: r.id }));
}

/** The active reviewers and organisers: whom "sent back" and the requests to decide reach. */
export async function reviewersOf(tx: Database): Promise<Recipient[]> {
	const rows = await tx
		.select({ id: users.id })
		.from(users)
		.where(and(inArray(users.role, [...REVIEWERS]), eq(users.active, true)));
	return rows.map((r) => ({ userId: r.id }));
}

/** The leader supervising an item (督办), while it is supervised and they are active. */
export async function supervisorOf(
	tx: Database,
	s: { supervisedAt: Date | null; supervisedBy: number | null }
): Promise<Recipient[]> {
	if (!s.supervisedAt || s.supervisedBy == null) return [];
	const rows = await tx
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.id, s.supervisedBy), eq(users.active, true)));
	return rows.map((r) => ({ userId: r.id }));
}

/** The active leaders: supervised items' reminders reach them too. */
export async function leadersOf(tx: Database): Promise<Recipient[]> {
	const rows = await tx
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'leader'), eq(users.active, true)));
	return rows.map((r) => ({ userId: r.id }));
}

/** The active admins: told when a webhook endpoint is disabled after repeated failures. */
export async function adminsOf(tx: Database): Promise<Recipient[]> {
	const rows = await tx
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.role, 'admin'), eq(users.active, true)));
	return rows.map((r) => ({ userId: r.id }));
}
