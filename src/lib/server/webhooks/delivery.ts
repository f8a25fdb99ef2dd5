import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../db';
import {
	responses,
	webhookAttempts,
	webhookDeliveries,
	webhookEndpoints,
	webhookEvents,
	type WebhookDelivery,
	type WebhookEndpoint
} from '../db/schema';
import { adminsOf, notify } from '../notifications';
import { doublingBackoff } from '../platform/backoff';
import { maskPersonalData } from '../platform/personal-data';
import { signatureOf } from './signature';
import { postToTarget, type PostOutcome } from './target';

/** A claimed delivery is this worker's for this long: far longer than one request may take. */
export const LEASE_MS = 2 * 60_000;
/** Attempts of one event to one endpoint before it is given up: about 3 hours of retries. */
export const MAX_ATTEMPTS = 10;
/** Events given up in a row (no 2xx in between) before the endpoint is disabled. */
export const DISABLE_AFTER = 10;
/** The longest a receiver may take to answer. */
export const TIMEOUT_MS = 5_000;
/** Deliveries sent at once by one worker: a hanging receiver holds one of them, not the rest. */
const CONCURRENCY = 8;

/** Before attempt `n + 1`: 30 s doubling, at most an hour (30 s, 1, 2, 4 … 60 min). */
export function webhookBackoffMs(attempts: number): number {
	return doublingBackoff(attempts, 30_000, 3_600_000);
}

/** Free-text fields of an event: masked for endpoints not allowed personal data. */
const TEXT_FIELDS = ['title', 'reply', 'plan', 'comment'];

export interface WebhookDeliveryOptions {
	now?: Date;
	batch?: number;
	timeoutMs?: number;
	maxAttempts?: number;
	disableAfter?: number;
}

export interface WebhookDeliveryCounts {
	delivered: number;
	retrying: number;
	failed: number;
	disabled: number;
}

/**
 * The `webhook-delivery` job's work. Settles deliveries whose worker died (an expired lease: sent
 * again, under the same delivery id), then claims due deliveries of enabled endpoints in batches
 * (FOR UPDATE SKIP LOCKED: any number of processes, each delivery by one at a time) and sends them
 * side by side. "Exactly once as far as the receiver acknowledges": a delivery ends at the first
 * 2xx; a retry after a lost answer carries the same X-Xinkan-Delivery, for the receiver to drop.
 */
export async function deliverWebhooks(
	db: Database,
	options: WebhookDeliveryOptions = {}
): Promise<WebhookDeliveryCounts> {
	const counts: WebhookDeliveryCounts = { delivered: 0, retrying: 0, failed: 0, disabled: 0 };
	const now = options.now ?? new Date();
	const back = await db
		.update(webhookDeliveries)
		.set({ state: 'pending', claim: null, leaseUntil: null })
		.where(and(eq(webhookDeliveries.state, 'sending'), lt(webhookDeliveries.leaseUntil, now)))
		.returning({ id: webhookDeliveries.id });
	counts.retrying += back.length;
	for (;;) {
		const claim = randomUUID();
		const due = db
			.select({ id: webhookDeliveries.id })
			.from(webhookDeliveries)
			.innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
			.where(
				and(
					eq(webhookDeliveries.state, 'pending'),
					lte(webhookDeliveries.nextAttemptAt, now),
					eq(webhookEndpoints.enabled, true)
				)
			)
			.orderBy(asc(webhookDeliveries.id))
			.limit(options.batch ?? 20)
			.for('update', { of: webhookDeliveries, skipLocked: true });
		const rows = await db
			.update(webhookDeliveries)
			.set({
				state: 'sending',
				claim,
				leaseUntil: new Date(now.getTime() + LEASE_MS),
				attempts: sql`${webhookDeliveries.attempts} + 1`
			})
			.where(inArray(webhookDeliveries.id, due))
			.returning();
		if (!rows.length) break;
		rows.sort((a, b) => a.id - b.id);
		const queue = [...rows];
		const worker = async () => {
			for (let row = queue.shift(); row; row = queue.shift()) {
				await deliverOne(db, row, claim, now, options, counts);
			}
		};
		await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));
	}
	return counts;
}

/** The JSON body for one endpoint: the event as stored, masked and without contact details unless allowed. */
export async function payloadFor(
	db: Database,
	event: typeof webhookEvents.$inferSelect,
	endpoint: Pick<WebhookEndpoint, 'personalData'>
): Promise<string> {
	const data: Record<string, unknown> = { ...event.data };
	if (endpoint.personalData) {
		// Read now, not copied into the event: a contact corrected or erased since is respected.
		if (typeof data.responseId === 'number') {
			const [r] = await db
				.select({ name: responses.contactName, phone: responses.contactPhone })
				.from(responses)
				.where(eq(responses.id, data.responseId));
			if (r && (r.name || r.phone)) data.contact = { name: r.name ?? '', phone: r.phone ?? '' };
		}
	} else {
		for (const field of TEXT_FIELDS) {
			if (typeof data[field] === 'string') data[field] = maskPersonalData(data[field] as string);
		}
	}
	return JSON.stringify({
		id: event.uid,
		type: event.type,
		occurredAt: event.occurredAt.toISOString(),
		data
	});
}

async function deliverOne(
	db: Database,
	row: WebhookDelivery,
	claim: string,
	now: Date,
	options: WebhookDeliveryOptions,
	counts: WebhookDeliveryCounts
) {
	const mine = and(eq(webhookDeliveries.id, row.id), eq(webhookDeliveries.claim, claim));
	const [[event], [endpoint]] = await Promise.all([
		db.select().from(webhookEvents).where(eq(webhookEvents.id, row.eventId)),
		db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, row.endpointId))
	]);
	const body = await payloadFor(db, event, endpoint);
	const timestamp = Math.floor(Date.now() / 1000);
	const outcome = await postToTarget(
		endpoint.url,
		body,
		{
			'content-type': 'application/json',
			'user-agent': 'Xinkan-Webhooks/1',
			'x-xinkan-event': event.type,
			'x-xinkan-delivery': row.uid,
			'x-xinkan-timestamp': String(timestamp),
			'x-xinkan-signature': signatureOf(endpoint.secret, timestamp, body)
		},
		{ timeoutMs: options.timeoutMs ?? TIMEOUT_MS, allowPrivate: endpoint.allowPrivate }
	);
	await db.transaction(async (tx) => {
		const [still] = await tx
			.select({ id: webhookDeliveries.id })
			.from(webhookDeliveries)
			.where(mine)
			.for('update');
		if (!still) return; // the lease was lost to another worker, which logs its own attempt
		await logAttempt(tx, row, outcome);
		const end = (set: Partial<typeof webhookDeliveries.$inferInsert>) =>
			tx
				.update(webhookDeliveries)
				.set({ claim: null, leaseUntil: null, ...set })
				.where(mine);
		if (outcome.error === null) {
			await end({ state: 'delivered', deliveredAt: new Date() });
			await tx
				.update(webhookEndpoints)
				.set({ failedEvents: 0 })
				.where(
					and(eq(webhookEndpoints.id, endpoint.id), sql`${webhookEndpoints.failedEvents} > 0`)
				);
			counts.delivered++;
			return;
		}
		if (row.attempts < (options.maxAttempts ?? MAX_ATTEMPTS)) {
			await end({
				state: 'pending',
				nextAttemptAt: new Date(now.getTime() + webhookBackoffMs(row.attempts))
			});
			counts.retrying++;
			return;
		}
		await end({ state: 'failed' });
		counts.failed++;
		if (await countFailedEvent(tx, endpoint, options.disableAfter ?? DISABLE_AFTER)) {
			counts.disabled++;
		}
	});
}

async function logAttempt(tx: Database, row: WebhookDelivery, outcome: PostOutcome) {
	await tx.insert(webhookAttempts).values({
		deliveryId: row.id,
		endpointId: row.endpointId,
		attempt: row.attempts,
		status: outcome.status,
		error: outcome.error,
		detail: outcome.detail,
		durationMs: outcome.durationMs
	});
}

/**
 * One more event given up for this endpoint; at `disableAfter` in a row the endpoint is disabled
 * and every admin told in the inbox, in the same transaction. Answers whether it was disabled now.
 */
async function countFailedEvent(
	tx: Database,
	endpoint: WebhookEndpoint,
	disableAfter: number
): Promise<boolean> {
	const [after] = await tx
		.update(webhookEndpoints)
		.set({ failedEvents: sql`${webhookEndpoints.failedEvents} + 1` })
		.where(eq(webhookEndpoints.id, endpoint.id))
		.returning();
	if (!after?.enabled || after.failedEvents < disableAfter) return false;
	await tx
		.update(webhookEndpoints)
		.set({ enabled: false, disabledReason: 'failures', updatedAt: new Date() })
		.where(eq(webhookEndpoints.id, endpoint.id));
	await notify(tx, {
		event: 'webhook_disabled',
		to: await adminsOf(tx),
		params: {
			url: endpoint.url,
			failures: String(after.failedEvents),
			link: `/admin/webhooks/${endpoint.id}`
		}
	});
	return true;
}
