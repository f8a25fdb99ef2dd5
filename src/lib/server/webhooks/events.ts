import { sql } from 'drizzle-orm';
import type { WebhookEventType } from '../../domain';
import { queryRows, type Database } from '../db';
import { wakeSignal } from '../platform/wake';

const wake = wakeSignal();

/** The job queue's way to be told that webhook deliveries are waiting (jobs/index.ts sets it). */
export function onWebhookEvent(callback: (() => void) | null): void {
	wake.on(callback);
}

/**
 * Writes an event in the caller's transaction, so it exists exactly when the change does: the
 * event and one delivery per enabled endpoint that asked for its type, in one statement; nothing
 * at all when no endpoint asked. `data`: ids and fields anyone may see — contact details are
 * never copied here (the delivery reads them for endpoints allowed to receive them), and free
 * texts (titles, replies) are masked at delivery for the others. No network here.
 *
 *     await emitWebhookEvent(tx, 'suggestion.assigned', { suggestionId, departmentId });
 */
export async function emitWebhookEvent(
	tx: Database,
	type: WebhookEventType,
	data: Record<string, unknown>
): Promise<void> {
	const rows = await queryRows(
		tx,
		sql`
		with targets as (
			select id from webhook_endpoints where enabled and ${type} = any(events)
		), ev as (
			insert into webhook_events (type, data)
			select ${type}, ${JSON.stringify(data)}::jsonb where exists (select 1 from targets)
			returning id
		)
		insert into webhook_deliveries (event_id, endpoint_id)
		select ev.id, targets.id from ev, targets
		returning id`
	);
	if (rows.length) wake.ring();
}

/** Rings the queue for events written by a statement of its own (intake/record-response.ts). */
export function webhookEventsWritten(): void {
	wake.ring();
}

/**
 * The part of the intake's batch statement that writes `response.created` for each stored
 * response (CTE `r`) and `suggestion.created` for each new suggestion (CTE `t`), with their
 * deliveries: the same statement, so the same transaction, as the responses themselves. Costs one
 * look at the (small) endpoint table when no endpoint listens.
 */
export const INTAKE_WEBHOOK_CTES = `, hooks as (
	select id, events from webhook_endpoints where enabled
), ev as (
	insert into webhook_events (type, data)
	select 'response.created', jsonb_build_object('responseId', r.id, 'campaignId', r.campaign_id,
		'channel', r.channel)
	from r where exists (select 1 from hooks where 'response.created' = any(hooks.events))
	union all
	select 'suggestion.created', jsonb_build_object('suggestionId', t.sid, 'campaignId', t.campaign_id,
		'responseId', t.rid, 'title', t.title)
	from t where exists (select 1 from hooks where 'suggestion.created' = any(hooks.events))
	returning id, type
), hd as (
	insert into webhook_deliveries (event_id, endpoint_id)
	select ev.id, hooks.id from ev join hooks on ev.type = any(hooks.events)
	returning id
)`;
