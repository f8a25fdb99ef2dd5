import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db';
import {
	coHandlers,
	handlingRequests,
	suggestionEvents,
	suggestions,
	units,
	users
} from '../db/schema';
import { canReview, readableBy, visibleTo, type Actor } from './actor';
import { closedList, overdueSql } from './queries';

/*
 * The lists the handling steps feed: supervised items (督办), the requests waiting for a decision,
 * items sent back (退回) and items co-handled (协办), for the inbox and the supervised page.
 */

const supervisor = alias(users, 'supervisor');
const toUnit = alias(units, 'to_unit');

const itemColumns = {
	id: suggestions.id,
	title: suggestions.title,
	status: suggestions.status,
	deadline: suggestions.deadline,
	originalDeadline: suggestions.originalDeadline,
	overdue: sql<boolean>`${overdueSql()}`
};

/**
 * Supervised items this actor may read (a handler: their department's and those it co-handles),
 * open ones first by deadline, then the closed ones.
 */
export function listSupervised(db: Database, actor: Actor, { openOnly = false, limit = 500 } = {}) {
	return db
		.select({
			...itemColumns,
			campaignId: suggestions.campaignId,
			department: units.name,
			supervisedAt: suggestions.supervisedAt,
			supervisedNote: suggestions.supervisedNote,
			supervisedBy: supervisor.username
		})
		.from(suggestions)
		.leftJoin(units, eq(units.id, suggestions.departmentId))
		.leftJoin(supervisor, eq(supervisor.id, suggestions.supervisedBy))
		.where(
			and(
				readableBy(actor),
				isNotNull(suggestions.supervisedAt),
				openOnly ? sql`${suggestions.status} not in (${closedList})` : undefined
			)
		)
		.orderBy(
			sql`${suggestions.status} in (${closedList})`,
			sql`${suggestions.deadline} asc nulls last`,
			asc(suggestions.id)
		)
		.limit(limit);
}

/**
 * Requests waiting for this actor's decision: a reviewer decides both kinds, a leader extensions;
 * anyone else none.
 */
export async function pendingRequests(db: Database, actor: Actor) {
	const kinds = canReview(actor)
		? (['transfer', 'extension'] as const)
		: actor.role === 'leader'
			? (['extension'] as const)
			: [];
	if (!kinds.length) return [];
	return db
		.select({
			id: handlingRequests.id,
			suggestionId: suggestions.id,
			title: suggestions.title,
			kind: handlingRequests.kind,
			from: units.name,
			to: toUnit.name,
			currentDeadline: handlingRequests.currentDeadline,
			requestedDeadline: handlingRequests.requestedDeadline,
			reason: handlingRequests.reason,
			createdAt: handlingRequests.createdAt
		})
		.from(handlingRequests)
		.innerJoin(suggestions, eq(suggestions.id, handlingRequests.suggestionId))
		.leftJoin(units, eq(units.id, handlingRequests.fromDepartmentId))
		.leftJoin(toUnit, eq(toUnit.id, handlingRequests.toDepartmentId))
		.where(
			and(
				visibleTo(actor),
				eq(handlingRequests.status, 'pending'),
				inArray(handlingRequests.kind, [...kinds])
			)
		)
		.orderBy(asc(handlingRequests.id))
		.limit(100);
}

/** Items a department sent back, waiting to be routed again, with the reason (reviewers only). */
export async function sentBackItems(db: Database, actor: Actor) {
	if (!canReview(actor)) return [];
	const rows = await db
		.select({ ...itemColumns, sentBackAt: suggestions.sentBackAt })
		.from(suggestions)
		.where(and(visibleTo(actor), isNotNull(suggestions.sentBackAt)))
		.orderBy(asc(suggestions.sentBackAt))
		.limit(100);
	if (!rows.length) return [];
	const reasons = await db
		.selectDistinctOn([suggestionEvents.suggestionId], {
			id: suggestionEvents.suggestionId,
			data: suggestionEvents.data
		})
		.from(suggestionEvents)
		.where(
			and(
				inArray(
					suggestionEvents.suggestionId,
					rows.map((r) => r.id)
				),
				eq(suggestionEvents.kind, 'send_back')
			)
		)
		.orderBy(suggestionEvents.suggestionId, desc(suggestionEvents.id));
	const data = (id: number) =>
		(reasons.find((r) => r.id === id)?.data ?? {}) as { reason?: string; department?: string };
	return rows.map((r) => ({
		...r,
		reason: String(data(r.id).reason ?? ''),
		from: String(data(r.id).department ?? '')
	}));
}

/** Open items a handler's department co-handles (协办). */
export function coHandledItems(db: Database, actor: Actor) {
	if (actor.role !== 'handler' || actor.unitId == null) return Promise.resolve([]);
	return db
		.select({ ...itemColumns, department: units.name })
		.from(suggestions)
		.innerJoin(
			coHandlers,
			and(eq(coHandlers.suggestionId, suggestions.id), eq(coHandlers.unitId, actor.unitId))
		)
		.leftJoin(units, eq(units.id, suggestions.departmentId))
		.where(
			and(sql`${suggestions.mergedInto} is null`, sql`${suggestions.status} not in (${closedList})`)
		)
		.orderBy(sql`${suggestions.deadline} asc nulls last`, asc(suggestions.id))
		.limit(50);
}

/**
 * The weekly report's 督办 list: a campaign's supervised items still open now, by deadline (the
 * report is read at the 推进会 to push exactly these).
 */
export function supervisedOfCampaign(db: Database, campaignId: number, limit = 200) {
	return db
		.select({
			...itemColumns,
			department: units.name,
			supervisedNote: suggestions.supervisedNote
		})
		.from(suggestions)
		.leftJoin(units, eq(units.id, suggestions.departmentId))
		.where(
			and(
				eq(suggestions.campaignId, campaignId),
				sql`${suggestions.mergedInto} is null`,
				isNotNull(suggestions.supervisedAt),
				sql`${suggestions.status} not in (${closedList})`
			)
		)
		.orderBy(sql`${suggestions.deadline} asc nulls last`, asc(suggestions.id))
		.limit(limit);
}
