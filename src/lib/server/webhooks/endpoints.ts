import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { desc, eq, sql } from 'drizzle-orm';
import { WEBHOOK_TEST_EVENT, type WebhookEventType } from '../../domain';
import type { Database } from '../db';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { Conflict, NotFound } from '../platform/errors';
import { randomBytes } from '../platform/random';
import { webhookEventsWritten } from './events';

export interface EndpointInput {
	url: string;
	events: WebhookEventType[];
	personalData: boolean;
	allowPrivate: boolean;
}

/** What the audit log keeps of an endpoint: never its secret. */
const audited = (
	e: Omit<EndpointInput, 'events'> & { events: readonly string[]; enabled?: boolean }
) => ({
	url: e.url,
	events: e.events,
	personalData: e.personalData,
	allowPrivate: e.allowPrivate,
	...(e.enabled === undefined ? {} : { enabled: e.enabled })
});

export function listEndpoints(db: Database) {
	return db
		.select({
			id: webhookEndpoints.id,
			url: webhookEndpoints.url,
			events: webhookEndpoints.events,
			personalData: webhookEndpoints.personalData,
			allowPrivate: webhookEndpoints.allowPrivate,
			enabled: webhookEndpoints.enabled,
			disabledReason: webhookEndpoints.disabledReason,
			failedEvents: webhookEndpoints.failedEvents,
			createdAt: webhookEndpoints.createdAt
		})
		.from(webhookEndpoints)
		.orderBy(desc(webhookEndpoints.id));
}

/** One endpoint without its secret, or a 404. */
export async function getEndpoint(db: Database, id: number) {
	const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
	if (!row) throw new NotFound();
	const { secret: _secret, ...shown } = row;
	return shown;
}

/** Returns the secret exactly once; receivers check each delivery's signature with it. */
export async function createEndpoint(
	db: Database,
	actorId: number,
	input: EndpointInput
): Promise<{ id: number; secret: string }> {
	const secret = 'whsec_' + encodeBase32LowerCaseNoPadding(randomBytes(24));
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(webhookEndpoints)
			.values({ ...input, secret, createdBy: actorId })
			.returning({ id: webhookEndpoints.id });
		await recordAudit(tx, {
			actorId,
			action: 'webhook.create',
			entity: 'webhook',
			entityId: row.id,
			after: audited(input)
		});
		return { id: row.id, secret };
	});
}

export async function updateEndpoint(
	db: Database,
	actorId: number,
	id: number,
	input: EndpointInput
): Promise<void> {
	await db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(webhookEndpoints)
			.where(eq(webhookEndpoints.id, id))
			.for('update');
		if (!before) throw new NotFound();
		await tx
			.update(webhookEndpoints)
			.set({ ...input, updatedAt: new Date() })
			.where(eq(webhookEndpoints.id, id));
		await recordAudit(tx, {
			actorId,
			action: 'webhook.update',
			entity: 'webhook',
			entityId: id,
			before: audited(before),
			after: audited(input)
		});
	});
}

/**
 * Disabled: nothing new is written for it and what waits is held; enabled again: what waits goes
 * out and the count of failed events starts afresh.
 */
export async function setEndpointEnabled(
	db: Database,
	actorId: number,
	id: number,
	enabled: boolean
): Promise<void> {
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(webhookEndpoints)
			.set({
				enabled,
				disabledReason: enabled ? null : 'admin',
				failedEvents: enabled ? 0 : sql`${webhookEndpoints.failedEvents}`,
				updatedAt: new Date()
			})
			.where(eq(webhookEndpoints.id, id))
			.returning({ id: webhookEndpoints.id });
		if (!row) throw new NotFound();
		await recordAudit(tx, {
			actorId,
			action: enabled ? 'webhook.enable' : 'webhook.disable',
			entity: 'webhook',
			entityId: id
		});
	});
	if (enabled) webhookEventsWritten();
}

/** Deletes the endpoint, its deliveries and their log; the events other endpoints got stay. */
export async function deleteEndpoint(db: Database, actorId: number, id: number): Promise<void> {
	await db.transaction(async (tx) => {
		const [row] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning();
		if (!row) throw new NotFound();
		await recordAudit(tx, {
			actorId,
			action: 'webhook.delete',
			entity: 'webhook',
			entityId: id,
			before: audited(row)
		});
	});
}

/** The admin's "send test event": one event for this endpoint alone, delivered by the job. */
export async function sendTestEvent(db: Database, actorId: number, id: number): Promise<void> {
	await db.transaction(async (tx) => {
		const [endpoint] = await tx
			.select({ enabled: webhookEndpoints.enabled })
			.from(webhookEndpoints)
			.where(eq(webhookEndpoints.id, id))
			.for('update');
		if (!endpoint) throw new NotFound();
		if (!endpoint.enabled) throw new Conflict('webhook_disabled');
		const [event] = await tx
			.insert(webhookEvents)
			.values({ type: WEBHOOK_TEST_EVENT, data: { endpointId: id } })
			.returning({ id: webhookEvents.id });
		await tx.insert(webhookDeliveries).values({ eventId: event.id, endpointId: id });
		await recordAudit(tx, { actorId, action: 'webhook.test', entity: 'webhook', entityId: id });
	});
	webhookEventsWritten();
}

export const LOG_PAGE = 100;

/** The endpoint's delivery log, newest first: one row per attempt. */
export function deliveryLog(db: Database, endpointId: number) {
	return db
		.select({
			id: webhookAttempts.id,
			event: webhookEvents.type,
			eventId: webhookEvents.uid,
			delivery: webhookDeliveries.uid,
			state: webhookDeliveries.state,
			attempt: webhookAttempts.attempt,
			at: webhookAttempts.at,
			status: webhookAttempts.status,
			error: webhookAttempts.error,
			detail: webhookAttempts.detail,
			durationMs: webhookAttempts.durationMs
		})
		.from(webhookAttempts)
		.innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
		.innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
		.where(eq(webhookAttempts.endpointId, endpointId))
		.orderBy(desc(webhookAttempts.id))
		.limit(LOG_PAGE);
}

/** Deliveries waiting for this endpoint (shown beside the log). */
export async function waitingCount(db: Database, endpointId: number): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(webhookDeliveries)
		.where(
			sql`${webhookDeliveries.endpointId} = ${endpointId} and ${webhookDeliveries.state} in ('pending', 'sending')`
		);
	return row?.n ?? 0;
}
