import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WEBHOOK_EVENTS, type WebhookEventType } from '../../domain';
import { setCampaignStatus } from '../campaigns/campaigns';
import type { Database } from '../db';
import {
	categories,
	notifications,
	responses,
	units,
	users,
	webhookAttempts,
	webhookDeliveries,
	webhookEndpoints,
	webhookEvents
} from '../db/schema';
import { answerFollowUp } from '../suggestions/follow-ups';
import type { Actor } from '../suggestions/actor';
import { assign, categorise, setStatus } from '../suggestions/workflow';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { demoRespondent } from '../test/demo-response';
import { startWebhookReceiver } from '../test/webhook-receiver';
import { deliverWebhooks, webhookBackoffMs } from './delivery';
import { createEndpoint, deliveryLog, sendTestEvent, setEndpointEnabled } from './endpoints';
import { emitWebhookEvent } from './events';
import { verifySignature } from './signature';
import { isPublicAddress } from './target';

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
	receiver = await startWebhookReceiver();
});
afterAll(async () => {
	await receiver.close();
});

it('tells public addresses from loopback, private, link-local and mapped ones', () => {
	for (const a of ['8.8.8.8', '2001:4860:4860::8888', '114.114.114.114']) {
		expect(isPublicAddress(a), a).toBe(true);
	}
	for (const a of [
		'127.0.0.1',
		'10.1.2.3',
		'172.16.0.1',
		'192.168.1.1',
		'169.254.169.254',
		'100.64.0.1',
		'0.0.0.0',
		'::1',
		'fe80::1',
		'fd00::1',
		'::ffff:127.0.0.1',
		'not an address'
	]) {
		expect(isPublicAddress(a), a).toBe(false);
	}
});

describeEachDatabase(
	'webhooks',
	(current) => {
		let admin = 0;
		let reviewer: Actor;
		let handler: Actor;
		let categoryId = 0;
		const respond = demoRespondent('w', '10.41.0.');
		let clock = Date.now();
		/** A later "now" for each run, so retries whose backoff has passed are due. */
		const later = (ms = 1000) => new Date((clock = Math.max(clock, Date.now()) + ms));

		/** Only these endpoints listen from now on (earlier tests' endpoints are removed). */
		async function only(
			db: Database,
			...wanted: {
				path: string;
				events?: readonly WebhookEventType[];
				personalData?: boolean;
				allowPrivate?: boolean;
				host?: string;
			}[]
		) {
			await db.delete(webhookEndpoints);
			const made = [];
			for (const w of wanted) {
				const url = w.host ? `http://${w.host}:${receiver.port}${w.path}` : receiver.url(w.path);
				const { id, secret } = await createEndpoint(db, admin, {
					url,
					events: [...(w.events ?? WEBHOOK_EVENTS)],
					personalData: w.personalData ?? false,
					allowPrivate: w.allowPrivate ?? true
				});
				made.push({ id, secret });
			}
			return made;
		}

		const attemptsOf = (db: Database, endpointId: number) =>
			db
				.select()
				.from(webhookAttempts)
				.where(eq(webhookAttempts.endpointId, endpointId))
				.orderBy(webhookAttempts.id);

		it('sets up a reviewer, a handler and the admin', async () => {
			const { db } = current();
			receiver.reset();
			const [a] = await db.select().from(users).where(eq(users.username, 'admin'));
			admin = a.id;
			const [marketing] = await db.select().from(units).where(eq(units.name, '营销部'));
			const [cat] = await db.select().from(categories).limit(1);
			categoryId = cat.id;
			reviewer = await makeActor(db, 'wh-rev', 'reviewer', null);
			handler = await makeActor(db, 'wh-h', 'handler', marketing.id);
			expect(a.role).toBe('admin');
		});

		it('writes nothing when no endpoint listens, and the event with its deliveries in the same transaction as the change', async () => {
			const { db } = current();
			await only(db);
			const before = await db.$count(webhookEvents);
			await respond(db, '村口路灯坏了很久。');
			expect(await db.$count(webhookEvents)).toBe(before);

			const [hook] = await only(db, { path: '/rolled-back' });
			await expect(
				db.transaction(async (tx) => {
					await emitWebhookEvent(tx, 'campaign.opened', { campaignId: 1 });
					throw new Error('the change failed');
				})
			).rejects.toThrow('the change failed');
			expect(await db.$count(webhookDeliveries, eq(webhookDeliveries.endpointId, hook.id))).toBe(0);
		});

		it('each service writes its event: response, suggestion created, categorised, assigned, answered, follow-up, reopened, campaign closed and opened', async () => {
			const { db } = current();
			const [hook] = await only(db, { path: '/all' });
			const r = await respond(db, '希望增加缴费点。');
			await categorise(db, reviewer, [r.id], { categoryId, nature: 'routine' });
			await assign(db, reviewer, [r.id], { departmentId: handler.unitId!, deadline: '2030-06-28' });
			await setStatus(db, handler, r.id, {
				status: 'resolved',
				reply: '已在村委会设置代收点。',
				plan: '',
				targetDate: null,
				measures: ''
			});
			await answerFollowUp(db, r.responseId, r.id, { level: 'dissatisfied', comment: '没有解决' });
			await setCampaignStatus(db, admin, 'liuyang-2014', 'closed');
			await setCampaignStatus(db, admin, 'liuyang-2014', 'open');
			const rows = await db
				.select({ type: webhookEvents.type, data: webhookEvents.data })
				.from(webhookDeliveries)
				.innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
				.where(eq(webhookDeliveries.endpointId, hook.id))
				.orderBy(webhookEvents.id);
			expect(rows.map((e) => e.type)).toEqual([
				'response.created',
				'suggestion.created',
				'suggestion.categorised',
				'suggestion.assigned',
				'suggestion.answered',
				'followup.answered',
				'suggestion.reopened',
				'campaign.closed',
				'campaign.opened'
			]);
			expect(rows[0].data).toMatchObject({ responseId: r.responseId });
			expect(rows[1].data).toMatchObject({ suggestionId: r.id, responseId: r.responseId });
			expect(rows[3].data).toMatchObject({ suggestionId: r.id, departmentId: handler.unitId });
		});

		it('delivers once with a signature the receiver can check; contact details only where allowed, free text masked elsewhere', async () => {
			const { db } = current();
			const [plain, personal] = await only(
				db,
				{ path: '/plain', events: ['suggestion.created'] },
				{ path: '/personal', events: ['suggestion.created'], personalData: true }
			);
			await deliverWebhooks(db, { now: later() });
			const r = await respond(db, '请联系13912345678，路灯坏了。');
			// Left on the response after it was stored: read at delivery, not copied into the event.
			await db
				.update(responses)
				.set({ contactName: '王小明', contactPhone: '13987654321' })
				.where(eq(responses.id, r.responseId));
			const [stored] = await db
				.select()
				.from(webhookEvents)
				.where(sql`${webhookEvents.data} ->> 'suggestionId' = ${String(r.id)}`);
			expect(JSON.stringify(stored.data)).not.toContain('13987654321');

			const counts = await deliverWebhooks(db, { now: later() });
			expect(counts.delivered).toBe(2);
			const [got] = receiver.at('/plain');
			const body = JSON.parse(got.body);
			expect(body).toMatchObject({
				id: stored.uid,
				type: 'suggestion.created',
				data: { suggestionId: r.id, responseId: r.responseId }
			});
			expect(new Date(body.occurredAt).getTime()).toBe(stored.occurredAt.getTime());
			expect(got.headers['x-xinkan-event']).toBe('suggestion.created');
			expect(got.headers['content-type']).toBe('application/json');
			const signed = {
				timestamp: got.headers['x-xinkan-timestamp'] as string,
				signature: got.headers['x-xinkan-signature'] as string
			};
			expect(signed.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
			expect(verifySignature(plain.secret, signed, got.body)).toBe(true);
			// Another secret, a changed body or an old timestamp fail.
			expect(verifySignature(personal.secret, signed, got.body)).toBe(false);
			expect(verifySignature(plain.secret, signed, got.body.replace('}', ' }'))).toBe(false);
			expect(verifySignature(plain.secret, signed, got.body, Number(signed.timestamp) + 301)).toBe(
				false
			);
			expect(body.data.contact).toBeUndefined();
			expect(got.body).not.toContain('13912345678');
			expect(got.body).not.toContain('13987654321');

			const [mine] = receiver.at('/personal');
			const full = JSON.parse(mine.body);
			expect(full.data.contact).toEqual({ name: '王小明', phone: '13987654321' });
			expect(full.data.title).toContain('13912345678');
			expect(
				verifySignature(
					personal.secret,
					{
						timestamp: mine.headers['x-xinkan-timestamp'] as string,
						signature: mine.headers['x-xinkan-signature'] as string
					},
					mine.body
				)
			).toBe(true);
			// Two endpoints, one event: one delivery id each.
			expect(mine.headers['x-xinkan-delivery']).not.toBe(got.headers['x-xinkan-delivery']);

			// Acknowledged: never sent again.
			await deliverWebhooks(db, { now: later(3_600_000) });
			expect(receiver.at('/plain')).toHaveLength(1);
			expect(receiver.at('/personal')).toHaveLength(1);
			const log = await deliveryLog(db, plain.id);
			expect(log).toMatchObject([
				{ event: 'suggestion.created', attempt: 1, status: 200, error: null, state: 'delivered' }
			]);
		});

		it('retries after a 500 with backoff, under the same delivery id, until a 2xx', async () => {
			const { db } = current();
			receiver.on('/flaky', [500, 200]);
			const [hook] = await only(db, { path: '/flaky', events: ['campaign.closed'] });
			await setCampaignStatus(db, admin, 'liuyang-2014', 'closed');
			const now = later();
			expect(await deliverWebhooks(db, { now })).toMatchObject({ retrying: 1, delivered: 0 });
			// Not due yet: nothing is sent before the backoff has passed.
			await deliverWebhooks(db, { now: new Date(now.getTime() + webhookBackoffMs(1) - 1000) });
			expect(receiver.at('/flaky')).toHaveLength(1);
			expect(
				await deliverWebhooks(db, { now: new Date(now.getTime() + webhookBackoffMs(1) + 1) })
			).toMatchObject({ delivered: 1 });
			clock = now.getTime() + webhookBackoffMs(1) + 1;
			const [first, second] = receiver.at('/flaky');
			expect(second.headers['x-xinkan-delivery']).toBe(first.headers['x-xinkan-delivery']);
			expect(JSON.parse(second.body).id).toBe(JSON.parse(first.body).id);
			expect((await attemptsOf(db, hook.id)).map((a) => [a.attempt, a.status, a.error])).toEqual([
				[1, 500, 'status'],
				[2, 200, null]
			]);
			await setCampaignStatus(db, admin, 'liuyang-2014', 'open');
		});

		it('a hanging receiver times out without holding up the others; a redirect is not followed', async () => {
			const { db } = current();
			receiver.on('/hang', 'hang');
			receiver.on('/moved', { status: 302, location: receiver.url('/moved-here') });
			const [hang, fine, moved] = await only(
				db,
				{ path: '/hang', events: ['campaign.opened'] },
				{ path: '/fine', events: ['campaign.opened'] },
				{ path: '/moved', events: ['campaign.opened'] }
			);
			await db.transaction((tx) => emitWebhookEvent(tx, 'campaign.opened', { campaignId: 1 }));
			const started = Date.now();
			const counts = await deliverWebhooks(db, { now: later(), timeoutMs: 1500 });
			const took = Date.now() - started;
			expect(counts).toMatchObject({ delivered: 1, retrying: 2 });
			// The good receiver got its event long before the hanging one was given up.
			expect(receiver.at('/fine')[0].at - started).toBeLessThan(1000);
			expect(took).toBeGreaterThanOrEqual(1400);
			expect(took).toBeLessThan(5000);
			const [timedOut] = await attemptsOf(db, hang.id);
			expect(timedOut).toMatchObject({ status: null, error: 'timeout' });
			expect(timedOut.durationMs).toBeGreaterThanOrEqual(1400);
			expect((await attemptsOf(db, fine.id))[0]).toMatchObject({ status: 200, error: null });
			const [redirect] = await attemptsOf(db, moved.id);
			expect(redirect).toMatchObject({ status: 302, error: 'redirect' });
			expect(receiver.at('/moved-here')).toHaveLength(0);
		});

		it('refuses private-network targets unless the endpoint allows them, by address or by name', async () => {
			const { db } = current();
			const [byAddress, byName] = await only(
				db,
				{ path: '/private-a', events: ['campaign.opened'], allowPrivate: false },
				{ path: '/private-b', events: ['campaign.opened'], allowPrivate: false, host: 'localhost' }
			);
			await db.transaction((tx) => emitWebhookEvent(tx, 'campaign.opened', { campaignId: 1 }));
			await deliverWebhooks(db, { now: later() });
			expect(receiver.at('/private-a')).toHaveLength(0);
			expect(receiver.at('/private-b')).toHaveLength(0);
			expect((await attemptsOf(db, byAddress.id))[0]).toMatchObject({
				error: 'private_target',
				detail: '127.0.0.1'
			});
			expect((await attemptsOf(db, byName.id))[0]).toMatchObject({ error: 'private_target' });
		});

		it('disables an endpoint after repeated failed events and tells the admins; enabling again sends what waited', async () => {
			const { db } = current();
			receiver.on('/down', 500);
			const [hook] = await only(db, { path: '/down', events: ['campaign.opened'] });
			for (let i = 0; i < 3; i++) {
				await db.transaction((tx) => emitWebhookEvent(tx, 'campaign.opened', { campaignId: i }));
			}
			const counts = await deliverWebhooks(db, {
				now: later(),
				maxAttempts: 1,
				disableAfter: 3
			});
			expect(counts).toMatchObject({ failed: 3, disabled: 1 });
			const [after] = await db
				.select()
				.from(webhookEndpoints)
				.where(eq(webhookEndpoints.id, hook.id));
			expect(after).toMatchObject({ enabled: false, disabledReason: 'failures', failedEvents: 3 });
			const told = await db
				.select()
				.from(notifications)
				.where(and(eq(notifications.userId, admin), eq(notifications.event, 'webhook_disabled')));
			expect(told).toHaveLength(1);
			expect(told[0].params).toMatchObject({ url: receiver.url('/down'), failures: '3' });
			// Disabled: new events are not written for it, and the test button is refused.
			await db.transaction((tx) => emitWebhookEvent(tx, 'campaign.opened', { campaignId: 9 }));
			expect(await db.$count(webhookDeliveries, eq(webhookDeliveries.endpointId, hook.id))).toBe(3);
			await expect(sendTestEvent(db, admin, hook.id)).rejects.toMatchObject({ status: 409 });
			// Enabled again, the receiver back: the test event goes through and the count starts afresh.
			receiver.on('/down', 200);
			await setEndpointEnabled(db, admin, hook.id, true);
			await sendTestEvent(db, admin, hook.id);
			expect(await deliverWebhooks(db, { now: later() })).toMatchObject({ delivered: 1 });
			expect(JSON.parse(receiver.at('/down').at(-1)!.body).type).toBe('webhook.test');
		});
	},
	{ demo: true }
);
