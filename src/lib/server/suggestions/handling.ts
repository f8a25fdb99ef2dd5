import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { localDate } from '../../campaign-availability';
import { CLOSED_STATUSES } from '../../domain';
import { EXTENSION_DECIDERS, hasRole, SUPERVISORS } from '../../roles';
import { isUniqueViolation, type Database } from '../db';
import { coHandlers, handlingRequests, suggestions, units, users } from '../db/schema';
import { notify } from '../notifications/notify';
import { handlersOf, leadersOf, reviewersOf, type Recipient } from '../notifications/recipients';
import { Conflict, Forbidden, Invalid, NotFound } from '../platform/errors';
import { assertReviewer, type Actor } from './actor';
import { change, lockVisible, recordEvent } from './workflow';

/*
 * What a department does with an item besides answering it (issue 18, item 3): 退回 (send back
 * to the reviewers), 转办 (ask to transfer it to another department), 申请延期 (ask for a later
 * deadline), 协办 (co-handling departments' progress notes), and the leaders' 督办 (supervision).
 * Each step is one transaction with its history event and audit entry (`recordEvent`).
 */

/** The handler of the item's own (lead) department: only they send back or ask. */
function assertHandler(actor: Actor): void {
	if (actor.role !== 'handler' || actor.unitId == null) throw new Forbidden();
}

/** The item, locked, as its lead department's handler may change it; closed ones refuse. */
async function lockOpenOwn(tx: Database, actor: Actor, id: number) {
	const [s] = await lockVisible(tx, actor, [id]);
	if (!s.departmentId) throw new Conflict('not_assigned');
	if (CLOSED_STATUSES.includes(s.status)) throw new Conflict('item_closed');
	return s;
}

async function activeDepartment(db: Database, id: number, field: string) {
	const [unit] = await db.select().from(units).where(eq(units.id, id));
	if (!unit?.active || unit.kind === 'company') {
		throw new Invalid('invalid', { [field]: 'invalid' });
	}
	return unit;
}

const unitName = async (db: Database, id: number | null) =>
	id == null
		? ''
		: ((await db.select({ name: units.name }).from(units).where(eq(units.id, id)))[0]?.name ?? '');

/** A pending request of the same kind already waits: one at a time, by the partial unique index. */
async function insertRequest(tx: Database, values: typeof handlingRequests.$inferInsert) {
	try {
		// A savepoint, so the refusal leaves the caller's transaction usable on PostgreSQL.
		return await tx.transaction(async (sp) => {
			const [row] = await sp.insert(handlingRequests).values(values).returning();
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new Conflict('request_pending');
		throw e;
	}
}

/**
 * 退回: the lead department's handler sends the item back to the reviewers (it was not theirs).
 * It leaves the department (status back to categorised, or new without a category), shows as
 * sent back in the reviewers' inbox until assigned again, and its pending requests are withdrawn.
 */
export async function sendBack(db: Database, actor: Actor, id: number, reason: string) {
	assertHandler(actor);
	await change(db, async (tx) => {
		const s = await lockOpenOwn(tx, actor, id);
		const withdrawn = await tx
			.update(handlingRequests)
			.set({ status: 'refused', decidedBy: actor.id, decidedAt: new Date(), updatedAt: new Date() })
			.where(and(eq(handlingRequests.suggestionId, s.id), eq(handlingRequests.status, 'pending')))
			.returning({ id: handlingRequests.id });
		const status = s.categoryId ? 'categorised' : 'new';
		await tx
			.update(suggestions)
			.set({ departmentId: null, status, sentBackAt: new Date(), updatedAt: new Date() })
			.where(eq(suggestions.id, s.id));
		await recordEvent(
			tx,
			actor,
			s,
			'send_back',
			{
				department: await unitName(tx, s.departmentId),
				reason,
				status,
				withdrawn: withdrawn.map((w) => w.id)
			},
			{ departmentId: s.departmentId, status: s.status }
		);
		// `s` is the item as it was: {department} names the department that sent it back.
		await notify(tx, { event: 'sent_back', suggestion: s, to: 'reviewers', params: { reason } });
	});
}

/** 转办: the lead department asks that another department take the item; a reviewer decides. */
export async function requestTransfer(
	db: Database,
	actor: Actor,
	id: number,
	input: { departmentId: number; reason: string }
): Promise<number> {
	assertHandler(actor);
	const to = await activeDepartment(db, input.departmentId, 'departmentId');
	return change(db, async (tx) => {
		const s = await lockOpenOwn(tx, actor, id);
		if (to.id === s.departmentId) {
			throw new Invalid('same_department', { departmentId: 'same_department' });
		}
		const request = await insertRequest(tx, {
			suggestionId: s.id,
			kind: 'transfer',
			fromDepartmentId: s.departmentId!,
			toDepartmentId: to.id,
			currentDeadline: s.deadline,
			reason: input.reason,
			requestedBy: actor.id
		});
		await recordEvent(tx, actor, s, 'transfer_requested', {
			request: request.id,
			from: await unitName(tx, s.departmentId),
			to: to.name,
			reason: input.reason
		});
		await notify(tx, {
			event: 'transfer_requested',
			suggestion: s,
			to: 'reviewers',
			params: { department: to.name, reason: input.reason }
		});
		return request.id;
	});
}

/**
 * 申请延期: the lead department asks for a later deadline. The new one must be today or later (China
 * time) and after the current deadline; a reviewer or a leader decides.
 */
export async function requestExtension(
	db: Database,
	actor: Actor,
	id: number,
	input: { deadline: string; reason: string },
	today = localDate(new Date())
): Promise<number> {
	assertHandler(actor);
	if (input.deadline < today) {
		throw new Invalid('extension_in_past', { deadline: 'extension_in_past' });
	}
	return change(db, async (tx) => {
		const s = await lockOpenOwn(tx, actor, id);
		if (!s.deadline) throw new Invalid('no_deadline', { deadline: 'no_deadline' });
		if (input.deadline <= s.deadline) {
			throw new Invalid('extension_not_later', { deadline: 'extension_not_later' });
		}
		const request = await insertRequest(tx, {
			suggestionId: s.id,
			kind: 'extension',
			fromDepartmentId: s.departmentId!,
			currentDeadline: s.deadline,
			requestedDeadline: input.deadline,
			reason: input.reason,
			requestedBy: actor.id
		});
		await recordEvent(tx, actor, s, 'extension_requested', {
			request: request.id,
			from: s.deadline,
			to: input.deadline,
			reason: input.reason
		});
		// Whoever may decide it, and the leader supervising the item (if still active).
		const supervisor: Recipient[] =
			s.supervisedAt && s.supervisedBy != null
				? (
						await tx
							.select({ id: users.id })
							.from(users)
							.where(and(eq(users.id, s.supervisedBy), eq(users.active, true)))
					).map((u) => ({ userId: u.id }))
				: [];
		await notify(tx, {
			event: 'extension_requested',
			suggestion: s,
			to: [...(await reviewersOf(tx)), ...(await leadersOf(tx)), ...supervisor],
			params: { deadline: input.deadline, reason: input.reason }
		});
		return request.id;
	});
}

/**
 * A reviewer decides a transfer, a reviewer or leader an extension. A request is decided once: the
 * update takes it only while pending, so a second decision (or two at once) is a 409, and a request
 * the item no longer has (sent back, transferred away) was withdrawn with it.
 *
 * Approving a transfer moves the item to the new department (assigned afresh, keeping its
 * deadline); approving an extension keeps the first deadline in `originalDeadline` and makes the
 * granted one the deadline, which overdue and the on-time rate then count against.
 */
export async function decideRequest(
	db: Database,
	actor: Actor,
	suggestionId: number,
	input: { requestId: number; decision: 'approve' | 'refuse'; note: string }
): Promise<void> {
	if (!hasRole(actor.role, EXTENSION_DECIDERS)) throw new Forbidden();
	await change(db, async (tx) => {
		const [s] = await lockVisible(tx, actor, [suggestionId]);
		const [request] = await tx
			.select()
			.from(handlingRequests)
			.where(
				and(eq(handlingRequests.id, input.requestId), eq(handlingRequests.suggestionId, s.id))
			);
		if (!request) throw new NotFound();
		if (request.kind === 'transfer') assertReviewer(actor);
		if (request.status !== 'pending') throw new Conflict('request_decided');
		const approve = input.decision === 'approve';
		const to =
			approve && request.kind === 'transfer'
				? await activeDepartment(tx, request.toDepartmentId!, 'requestId')
				: null;
		const [taken] = await tx
			.update(handlingRequests)
			.set({
				status: approve ? 'approved' : 'refused',
				decidedBy: actor.id,
				decidedAt: new Date(),
				decisionNote: input.note,
				updatedAt: new Date()
			})
			.where(and(eq(handlingRequests.id, request.id), eq(handlingRequests.status, 'pending')))
			.returning({ id: handlingRequests.id });
		if (!taken) throw new Conflict('request_decided');
		if (request.kind === 'transfer') {
			if (to) {
				await tx
					.update(suggestions)
					.set({ departmentId: to.id, status: 'assigned', updatedAt: new Date() })
					.where(eq(suggestions.id, s.id));
				// The new lead is no longer a co-handler of its own item.
				await tx
					.delete(coHandlers)
					.where(and(eq(coHandlers.suggestionId, s.id), eq(coHandlers.unitId, to.id)));
			}
			await recordEvent(
				tx,
				actor,
				s,
				'transfer_decided',
				{
					request: request.id,
					decision: input.decision,
					from: await unitName(tx, request.fromDepartmentId),
					to: await unitName(tx, request.toDepartmentId),
					note: input.note
				},
				{ departmentId: s.departmentId, status: s.status }
			);
			// The asking department hears the decision; {department} is where it was to go.
			await notify(tx, {
				event: 'transfer_decided',
				suggestion: s,
				to: await handlersOf(tx, request.fromDepartmentId),
				params: {
					department: await unitName(tx, request.toDepartmentId),
					decision: input.decision
				}
			});
			// Approved: the new department is assigned the item, as `assign` in workflow.ts tells it.
			if (to) {
				await notify(tx, {
					event: 'assigned',
					suggestion: { ...s, departmentId: to.id },
					to: 'department'
				});
			}
			return;
		}
		if (approve) {
			await tx
				.update(suggestions)
				.set({
					originalDeadline: s.originalDeadline ?? s.deadline,
					deadline: request.requestedDeadline,
					updatedAt: new Date()
				})
				.where(eq(suggestions.id, s.id));
		}
		await recordEvent(
			tx,
			actor,
			s,
			'extension_decided',
			{
				request: request.id,
				decision: input.decision,
				from: request.currentDeadline,
				to: request.requestedDeadline,
				original: s.originalDeadline ?? s.deadline,
				note: input.note
			},
			{ deadline: s.deadline, originalDeadline: s.originalDeadline }
		);
		await notify(tx, {
			event: 'extension_decided',
			suggestion: s,
			to: await handlersOf(tx, request.fromDepartmentId),
			params: { deadline: request.requestedDeadline ?? '', decision: input.decision }
		});
	});
}

/** 协办: a reviewer names another department to co-handle the item (not its lead). */
export async function addCoHandler(db: Database, actor: Actor, id: number, unitId: number) {
	assertReviewer(actor);
	const unit = await activeDepartment(db, unitId, 'unitId');
	await change(db, async (tx) => {
		const [s] = await lockVisible(tx, actor, [id]);
		if (s.departmentId === unit.id) {
			throw new Invalid('co_handler_lead', { unitId: 'co_handler_lead' });
		}
		const added = await tx
			.insert(coHandlers)
			.values({ suggestionId: s.id, unitId: unit.id, addedBy: actor.id })
			.onConflictDoNothing()
			.returning();
		if (added.length) {
			await recordEvent(tx, actor, s, 'co_handler_added', { department: unit.name });
		}
	});
}

export async function removeCoHandler(db: Database, actor: Actor, id: number, unitId: number) {
	assertReviewer(actor);
	await change(db, async (tx) => {
		const [s] = await lockVisible(tx, actor, [id]);
		const removed = await tx
			.delete(coHandlers)
			.where(and(eq(coHandlers.suggestionId, s.id), eq(coHandlers.unitId, unitId)))
			.returning();
		if (!removed.length) throw new NotFound();
		await recordEvent(tx, actor, s, 'co_handler_removed', {
			department: await unitName(tx, unitId)
		});
	});
}

/**
 * A co-handling department's progress note. Only a handler of a co-handling department writes
 * one (the lead department comments and replies); another department's item is a 404.
 */
export async function addProgressNote(db: Database, actor: Actor, id: number, text: string) {
	assertHandler(actor);
	await change(db, async (tx) => {
		const [s] = await tx
			.select({ id: suggestions.id })
			.from(suggestions)
			.where(
				and(
					eq(suggestions.id, id),
					isNull(suggestions.mergedInto),
					sql`exists (select 1 from ${coHandlers} c where c.suggestion_id = ${suggestions.id} and c.unit_id = ${actor.unitId})`
				)
			)
			.for('update');
		if (!s) throw new NotFound();
		await recordEvent(tx, actor, s, 'progress_note', {
			department: await unitName(tx, actor.unitId),
			text
		});
	});
}

/** 督办: a leader marks the item supervised, with a note saying what is expected, or ends it. */
export async function setSupervised(
	db: Database,
	actor: Actor,
	id: number,
	input: { supervised: boolean; note: string }
) {
	if (!hasRole(actor.role, SUPERVISORS)) throw new Forbidden();
	if (input.supervised && !input.note.trim()) throw new Invalid('required', { note: 'required' });
	await change(db, async (tx) => {
		const [s] = await lockVisible(tx, actor, [id]);
		if (!input.supervised && !s.supervisedAt) throw new Conflict('not_supervised');
		await tx
			.update(suggestions)
			.set(
				input.supervised
					? {
							supervisedAt: s.supervisedAt ?? new Date(),
							supervisedBy: actor.id,
							supervisedNote: input.note.trim()
						}
					: { supervisedAt: null, supervisedBy: null, supervisedNote: '' }
			)
			.where(eq(suggestions.id, s.id));
		await recordEvent(
			tx,
			actor,
			s,
			input.supervised ? 'supervise' : 'unsupervise',
			{ note: input.note.trim() },
			{ supervisedNote: s.supervisedNote }
		);
		if (input.supervised) {
			// The lead department and the leaders, but not the leader who did it.
			const to = [...(await handlersOf(tx, s.departmentId)), ...(await leadersOf(tx))].filter(
				(r) => !('userId' in r) || r.userId !== actor.id
			);
			await notify(tx, {
				event: 'supervised',
				suggestion: s,
				to,
				params: { note: input.note.trim() }
			});
		}
	});
}

const decider = alias(users, 'decider');
const requester = alias(users, 'requester');
const toUnit = alias(units, 'to_unit');

/** An item's transfer and extension requests, newest first, with who asked and who decided. */
export function requestsOf(db: Database, suggestionId: number) {
	return db
		.select({
			id: handlingRequests.id,
			kind: handlingRequests.kind,
			status: handlingRequests.status,
			to: toUnit.name,
			currentDeadline: handlingRequests.currentDeadline,
			requestedDeadline: handlingRequests.requestedDeadline,
			reason: handlingRequests.reason,
			requestedBy: requester.username,
			createdAt: handlingRequests.createdAt,
			decidedBy: decider.username,
			decidedAt: handlingRequests.decidedAt,
			decisionNote: handlingRequests.decisionNote
		})
		.from(handlingRequests)
		.leftJoin(toUnit, eq(toUnit.id, handlingRequests.toDepartmentId))
		.leftJoin(requester, eq(requester.id, handlingRequests.requestedBy))
		.leftJoin(decider, eq(decider.id, handlingRequests.decidedBy))
		.where(eq(handlingRequests.suggestionId, suggestionId))
		.orderBy(sql`${handlingRequests.id} desc`);
}

/** The departments co-handling an item. */
export function coHandlersOf(db: Database, suggestionId: number) {
	return db
		.select({ id: units.id, name: units.name })
		.from(coHandlers)
		.innerJoin(units, eq(units.id, coHandlers.unitId))
		.where(eq(coHandlers.suggestionId, suggestionId))
		.orderBy(asc(units.sortOrder), asc(units.id));
}
