import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db';
import {
	campaigns,
	notifications,
	notificationSettings,
	notificationStops,
	outbox,
	responses,
	suggestionItems,
	units,
	type Suggestion
} from '../db/schema';
import { wakeSignal } from '../platform/wake';
import { handlersOf, leadersOf, reviewersOf, type Recipient } from './recipients';
import type { NotificationEvent } from './templates';

export type { Recipient } from './recipients';

/** Who: named recipients, or a shorthand resolved in the same transaction. */
export type RecipientList = Recipient[] | 'department' | 'reviewers' | 'leaders';

export interface Notice {
	event: NotificationEvent;
	/** The item it is about: fills {number}, {title}, {link}, {department}, {deadline}. */
	suggestion?: Pick<Suggestion, 'id' | 'title' | 'departmentId' | 'deadline'>;
	to: RecipientList;
	/** The event's own placeholders ({reason}, {decision}, {comment}…): no contact details. */
	params?: Record<string, string>;
	/**
	 * What makes this event one event: a repeat with the same key adds nothing (the daily deadline
	 * job names the item and its deadline). Default: a new key, one per call.
	 */
	key?: string;
}

const wake = wakeSignal();

/** The job queue's way to be told that messages are waiting (jobs/index.ts sets it). */
export function onNotify(callback: (() => void) | null): void {
	wake.on(callback);
}

/**
 * Writes a notification in the caller's transaction, so it exists exactly when the event does:
 * one inbox row per staff recipient, and one outbox row per channel each of them chose (e-mail,
 * SMS) and per proposer who may be told (e-mail to the address they left, else SMS to their phone, unless
 * they stopped it). No
 * network here: delivery is the `notification-delivery` job's, so a broken SMTP server never
 * fails the request that wrote the event. Answers how many rows were written.
 *
 *     await notify(tx, { event: 'sent_back', suggestion: s, to: 'reviewers', params: { reason } });
 */
export async function notify(tx: Database, notice: Notice): Promise<number> {
	const s = notice.suggestion;
	const recipients = await resolve(tx, notice.to, s?.departmentId ?? null);
	if (!recipients.length) return 0;
	const key = notice.key ?? `${notice.event}:${s?.id ?? '-'}:${randomUUID()}`;
	const params: Record<string, string> = { ...(await itemParams(tx, s)), ...notice.params };
	const userIds = [...new Set(recipients.flatMap((r) => ('userId' in r ? [r.userId] : [])))].sort(
		(a, b) => a - b
	);
	const responseIds = [
		...new Set(recipients.flatMap((r) => ('responseId' in r ? [r.responseId] : [])))
	].sort((a, b) => a - b);
	let written = 0;
	if (userIds.length) {
		const inbox = await tx
			.insert(notifications)
			.values(
				userIds.map((userId) => ({
					userId,
					eventKey: key,
					event: notice.event,
					suggestionId: s?.id ?? null,
					params
				}))
			)
			.onConflictDoNothing()
			.returning({ id: notifications.id });
		written += inbox.length;
		const chosen = await tx
			.select()
			.from(notificationSettings)
			.where(inArray(notificationSettings.userId, userIds));
		const rows = chosen.flatMap((c) => [
			...(c.emailOn && c.email ? [{ userId: c.userId, channel: 'email' as const }] : []),
			...(c.smsOn && c.phone ? [{ userId: c.userId, channel: 'sms' as const }] : [])
		]);
		written += await addToOutbox(
			tx,
			rows.map((r) => ({ recipient: `u:${r.userId}`, channel: r.channel })),
			key,
			notice,
			params
		);
	}
	if (responseIds.length) {
		// A proposer is told only where they may be: a phone or e-mail left on a campaign that is
		// not anonymous (the contact question's consent, roles.ts), and no stop since. One channel
		// per proposer: e-mail when they left one (it costs nothing, carries the links whole and is
		// what they chose to type), SMS otherwise — the same news twice teaches people to press stop.
		const reachable = await tx
			.select({ id: responses.id, email: responses.contactEmail })
			.from(responses)
			.innerJoin(campaigns, eq(campaigns.id, responses.campaignId))
			.where(
				and(
					inArray(responses.id, responseIds),
					eq(campaigns.anonymous, false),
					sql`(coalesce(${responses.contactPhone}, '') <> '' or coalesce(${responses.contactEmail}, '') <> '')`,
					sql`not exists (select 1 from ${notificationStops} st where st.response_id = ${responses.id})`
				)
			);
		written += await addToOutbox(
			tx,
			reachable.map((r) => ({
				recipient: `r:${r.id}`,
				channel: r.email ? ('email' as const) : ('sms' as const)
			})),
			key,
			notice,
			// What reaches a proposer names no staff link or department; the code and links are
			// added at delivery from their own response.
			{ title: params.title ?? '' }
		);
	}
	if (written) wake.ring();
	return written;
}

async function addToOutbox(
	tx: Database,
	rows: { recipient: string; channel: 'email' | 'sms' }[],
	key: string,
	notice: Notice,
	params: Record<string, string>
): Promise<number> {
	if (!rows.length) return 0;
	const added = await tx
		.insert(outbox)
		.values(
			rows.map((r) => ({
				eventKey: key,
				event: notice.event,
				recipient: r.recipient,
				channel: r.channel,
				suggestionId: notice.suggestion?.id ?? null,
				params
			}))
		)
		.onConflictDoNothing()
		.returning({ id: outbox.id });
	return added.length;
}

async function resolve(
	tx: Database,
	to: RecipientList,
	departmentId: number | null
): Promise<Recipient[]> {
	if (to === 'department') return handlersOf(tx, departmentId);
	if (to === 'reviewers') return reviewersOf(tx);
	if (to === 'leaders') return leadersOf(tx);
	return to;
}

async function itemParams(tx: Database, s: Notice['suggestion']): Promise<Record<string, string>> {
	if (!s) return {};
	let department = '';
	if (s.departmentId != null) {
		const [unit] = await tx
			.select({ name: units.name })
			.from(units)
			.where(eq(units.id, s.departmentId));
		department = unit?.name ?? '';
	}
	return {
		number: String(s.id),
		title: s.title,
		link: `/admin/suggestions/${s.id}`,
		department,
		deadline: s.deadline ?? '—'
	};
}

/** The proposers of an item: one recipient per response whose answer became (part of) it. */
export async function proposersOf(tx: Database, suggestionId: number): Promise<Recipient[]> {
	const rows = await tx
		.selectDistinct({ id: suggestionItems.responseId })
		.from(suggestionItems)
		.where(eq(suggestionItems.suggestionId, suggestionId));
	return rows.map((r) => ({ responseId: r.id }));
}
