import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Locale } from '../../i18n';
import type { Database } from '../db';
import {
	notificationSettings,
	notificationStops,
	outbox,
	responses,
	type OutboxRow
} from '../db/schema';
import { doublingBackoff } from '../platform/backoff';
import { maskPersonalData } from '../platform/personal-data';
import { DELIVERY_ERRORS, UNKNOWN_EVENT_PREFIX } from './delivery-errors';
import { render, templateFor, isNotificationEvent } from './templates';
import { PermanentFailure, type Transports } from './transports';

/** How long a claimed message is this worker's: longer than any send (SMTP socket 30 s). */
export const LEASE_MS = 2 * 60_000;
/** Attempts before a message is given up (the backoff reaches an hour: about 15 hours in all). */
export const MAX_ATTEMPTS = 20;

/** Seconds before attempt `n + 1`: 30 s doubling, at most an hour. */
export function backoffMs(attempts: number): number {
	return doublingBackoff(attempts, 30_000, 3_600_000);
}

export interface DeliveryOptions {
	now?: Date;
	batch?: number;
	/** The site's address for links in messages (default ORIGIN). */
	origin?: string;
	/** Tests only: runs after the provider accepted a message and before it is marked sent. */
	afterHand?: (row: OutboxRow) => Promise<void>;
}

export interface DeliveryCounts {
	sent: number;
	retrying: number;
	failed: number;
	cancelled: number;
	unconfirmed: number;
	resent: number;
}

/**
 * The delivery job's work: first settles messages whose worker died (an expired lease), then
 * claims due messages in batches (FOR UPDATE SKIP LOCKED: any number of processes deliver, each
 * message by one) and sends each. The state machine that makes it "exactly once" as far as a
 * provider allows it is in docs/notes/notifications.md:
 *
 * - claimed (`sending`, a lease and a claim token) → `handedAt` written and committed → handed to
 *   the provider → `sent`. Every write after the claim checks the token, so a worker that lost its
 *   lease changes nothing.
 * - a lease that expired with no `handedAt`: nothing left this system; pending again.
 * - expired after `handedAt`: the provider may have it. SMS is sent again under the same
 *   idempotency key (the provider's contract deduplicates it); e-mail has no such key in SMTP,
 *   so it is marked `unconfirmed` and never sent a second time (its Message-ID is in the log).
 */
export async function deliverDue(
	db: Database,
	transports: Transports,
	options: DeliveryOptions = {}
): Promise<DeliveryCounts> {
	const counts: DeliveryCounts = {
		sent: 0,
		retrying: 0,
		failed: 0,
		cancelled: 0,
		unconfirmed: 0,
		resent: 0
	};
	const now = options.now ?? new Date();
	await recoverExpired(db, now, counts);
	const origin = (options.origin ?? process.env.ORIGIN ?? 'http://localhost:3000').replace(
		/\/$/,
		''
	);
	for (;;) {
		const claim = randomUUID();
		const due = db
			.select({ id: outbox.id })
			.from(outbox)
			.where(and(eq(outbox.state, 'pending'), lte(outbox.nextAttemptAt, now)))
			.orderBy(asc(outbox.id))
			.limit(options.batch ?? 20)
			.for('update', { skipLocked: true });
		const rows = await db
			.update(outbox)
			.set({
				state: 'sending',
				claim,
				leaseUntil: new Date(now.getTime() + LEASE_MS),
				handedAt: null,
				attempts: sql`${outbox.attempts} + 1`
			})
			.where(inArray(outbox.id, due))
			.returning();
		if (!rows.length) break;
		rows.sort((a, b) => a.id - b.id);
		for (const row of rows) {
			await deliverOne(db, transports, row, claim, now, origin, options, counts);
		}
	}
	return counts;
}

async function recoverExpired(db: Database, now: Date, counts: DeliveryCounts) {
	const expired = and(eq(outbox.state, 'sending'), lt(outbox.leaseUntil, now));
	const back = await db
		.update(outbox)
		.set({
			state: 'pending',
			claim: null,
			leaseUntil: null,
			lastError: DELIVERY_ERRORS.workerStopped
		})
		.where(and(expired, isNull(outbox.handedAt)))
		.returning({ id: outbox.id });
	counts.retrying += back.length;
	const unsure = await db
		.update(outbox)
		.set({
			state: 'unconfirmed',
			claim: null,
			leaseUntil: null,
			lastError: DELIVERY_ERRORS.unconfirmed
		})
		.where(and(expired, isNotNull(outbox.handedAt), eq(outbox.channel, 'email')))
		.returning({ id: outbox.id });
	counts.unconfirmed += unsure.length;
	const again = await db
		.update(outbox)
		.set({
			state: 'pending',
			claim: null,
			leaseUntil: null,
			nextAttemptAt: now,
			lastError: DELIVERY_ERRORS.resent
		})
		.where(and(expired, isNotNull(outbox.handedAt), eq(outbox.channel, 'sms')))
		.returning({ id: outbox.id });
	counts.resent += again.length;
}

/** Where a message goes and in which language, read now (a stop or a changed choice counts). */
async function addressOf(
	db: Database,
	row: OutboxRow,
	origin: string
): Promise<
	{ to: string; shown: string; locale: Locale; params: Record<string, string> } | { cancel: string }
> {
	const [kind, idText] = row.recipient.split(':');
	const id = Number(idText);
	if (kind === 'u') {
		const [c] = await db
			.select()
			.from(notificationSettings)
			.where(eq(notificationSettings.userId, id));
		const on = row.channel === 'email' ? c?.emailOn : c?.smsOn;
		const to = (row.channel === 'email' ? c?.email : c?.phone) ?? '';
		if (!on || !to) return { cancel: DELIVERY_ERRORS.channelOff };
		const params = { ...row.params };
		if (params.link?.startsWith('/')) params.link = origin + params.link;
		return { to, shown: to, locale: c.locale === 'en' ? 'en' : 'zh-CN', params };
	}
	const [r] = await db
		.select({
			phone: responses.contactPhone,
			email: responses.contactEmail,
			code: responses.receiptCode,
			stopped: notificationStops.responseId
		})
		.from(responses)
		.leftJoin(notificationStops, eq(notificationStops.responseId, responses.id))
		.where(eq(responses.id, id));
	const to = (row.channel === 'email' ? r?.email : r?.phone) ?? '';
	if (!to) {
		return { cancel: row.channel === 'email' ? DELIVERY_ERRORS.noEmail : DELIVERY_ERRORS.noPhone };
	}
	if (r!.stopped != null) return { cancel: DELIVERY_ERRORS.stopped };
	return {
		to,
		shown: row.channel === 'email' ? maskEmail(to) : maskPhone(to),
		locale: 'zh-CN',
		params: {
			// A proposer's message is checked like any public text: no names, numbers or addresses.
			title: maskPersonalData(row.params.title ?? ''),
			code: r!.code,
			link: `${origin}/r/${r!.code}`,
			stopLink: `${origin}/r/${r!.code}/stop`
		}
	};
}

function maskPhone(phone: string): string {
	const masked = maskPersonalData(phone);
	if (masked !== phone) return masked;
	return phone.length > 4 ? `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}` : '****';
}

/** The log shows a proposer's address as `z***@example.com`: enough to tell two apart. */
function maskEmail(email: string): string {
	const at = email.lastIndexOf('@');
	return `${email.slice(0, Math.min(1, at))}***${email.slice(at)}`;
}

async function deliverOne(
	db: Database,
	transports: Transports,
	row: OutboxRow,
	claim: string,
	now: Date,
	origin: string,
	options: DeliveryOptions,
	counts: DeliveryCounts
) {
	const mine = and(eq(outbox.id, row.id), eq(outbox.claim, claim));
	const end = (set: Partial<typeof outbox.$inferInsert>) =>
		db
			.update(outbox)
			.set({ claim: null, leaseUntil: null, ...set })
			.where(mine)
			.returning({ id: outbox.id });
	if (!isNotificationEvent(row.event)) {
		await end({ state: 'failed', lastError: `${UNKNOWN_EVENT_PREFIX}${row.event}` });
		counts.failed++;
		return;
	}
	const address = await addressOf(db, row, origin);
	if ('cancel' in address) {
		await end({ state: 'cancelled', lastError: address.cancel });
		counts.cancelled++;
		return;
	}
	const transport = row.channel === 'email' ? transports.email : transports.sms;
	const retry = async (error: string) => {
		const give = row.attempts >= MAX_ATTEMPTS;
		await end({
			state: give ? 'failed' : 'pending',
			handedAt: null,
			lastError: error.slice(0, 500),
			nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts))
		});
		if (give) counts.failed++;
		else counts.retrying++;
	};
	if (!transport) {
		await retry(
			transports.problems[row.channel] ??
				(row.channel === 'email'
					? DELIVERY_ERRORS.emailNotConfigured
					: DELIVERY_ERRORS.smsNotConfigured)
		);
		return;
	}
	const template = await templateFor(db, row.event, address.locale);
	const subject = render(template.subject, address.params, address.locale);
	const text = render(template.body, address.params, address.locale);
	const messageId =
		row.channel === 'email' && transports.email
			? `<outbox-${row.id}-${row.createdAt.getTime()}@${transports.email.domain}>`
			: `xinkan-outbox-${row.id}-${row.createdAt.getTime()}`;
	// Committed before the message leaves: from here on a crash means "perhaps sent".
	const handed = await db
		.update(outbox)
		.set({ handedAt: new Date(), messageId, sentTo: address.shown })
		.where(mine)
		.returning({ id: outbox.id });
	if (!handed.length) return; // the lease was lost to another worker
	try {
		if (row.channel === 'email') {
			await transports.email!.send({ to: address.to, subject, text, messageId });
		} else {
			await transports.sms!.send({ to: address.to, text, key: messageId });
		}
	} catch (e) {
		if (e instanceof PermanentFailure) {
			await end({ state: 'failed', handedAt: null, lastError: e.message.slice(0, 500) });
			counts.failed++;
		} else {
			await retry((e as Error).message || String(e));
		}
		return;
	}
	await options.afterHand?.(row);
	await end({ state: 'sent', sentAt: new Date(), lastError: null });
	counts.sent++;
}
