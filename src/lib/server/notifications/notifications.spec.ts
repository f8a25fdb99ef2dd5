import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db';
import {
	auditLog,
	categories,
	holidays,
	notifications,
	notificationTemplates,
	outbox,
	responses,
	units,
	users
} from '../db/schema';
import { seedDemo } from '../demo/seed';
import { ServiceError } from '../platform/errors';
import { answerFollowUp } from '../suggestions/follow-ups';
import { setSupervised } from '../suggestions/handling';
import type { Actor } from '../suggestions/actor';
import { assign, categorise, setStatus } from '../suggestions/workflow';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { demoRespondent } from '../test/demo-response';
import { startFakeSms, startSmtpSink } from '../test/message-sinks';
import { deadlineNotices } from './deadlines';
import { backoffMs, deliverDue, LEASE_MS } from './delivery';
import { channelsOf, listInbox, markRead, saveChannels, unreadCount } from './inbox';
import { deliveryLog } from './log';
import { notify } from './notify';
import { stopMessages } from './stops';
import { checkTemplate, DEFAULT_TEMPLATES, saveTemplate } from './templates';
import { smtpTransport, httpSmsTransport, transportsFromEnv, type Transports } from './transports';

const FROM = 'xinkan@example.org';
const ORIGIN = 'https://xinkan.example.org';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let sms: Awaited<ReturnType<typeof startFakeSms>>;
beforeAll(async () => {
	sink = await startSmtpSink();
	sms = await startFakeSms();
});
afterAll(async () => {
	await sink.stop();
	await sms.close();
});

function transports(): Transports {
	return {
		email: smtpTransport({ url: sink.url, from: FROM }),
		sms: httpSmsTransport(sms.url, sms.token),
		problems: {}
	};
}

describeEachDatabase('notifications through the outbox', (current) => {
	let reviewer: Actor;
	let handler: Actor;
	let colleague: Actor;
	let other: Actor;
	let categoryId = 0;
	const respond = demoRespondent('n', '10.31.0.');
	let clock = Date.now();
	/** A later "now" for each delivery run: due messages are due, leases of earlier runs are not. */
	const later = (ms = 1000) => new Date((clock = Math.max(clock, Date.now()) + ms));

	const rowsOf = (db: Database, suggestionId: number) =>
		db.select().from(outbox).where(eq(outbox.suggestionId, suggestionId)).orderBy(outbox.id);

	/** Other tests' messages still waiting are set aside, so each test counts only its own. */
	const quiet = (db: Database) =>
		db
			.update(outbox)
			.set({ state: 'cancelled' })
			.where(sql`${outbox.state} in ('pending', 'sending')`);

	async function assigned(db: Database, text: string) {
		await quiet(db);
		const r = await respond(db, text);
		await categorise(db, reviewer, [r.id], { categoryId, nature: 'routine' });
		await assign(db, reviewer, [r.id], { departmentId: handler.unitId!, deadline: '2030-06-28' });
		return r;
	}

	it('sets up a department with two handlers, one receiving e-mail and SMS', async () => {
		const { db } = current();
		await seedDemo(db, 'demo-password');
		const [marketing] = await db.select().from(units).where(eq(units.name, '营销部'));
		const [maintenance] = await db.select().from(units).where(eq(units.name, '运维检修部'));
		const [cat] = await db.select().from(categories).limit(1);
		categoryId = cat.id;
		reviewer = await makeActor(db, 'nt-rev', 'reviewer', null);
		handler = await makeActor(db, 'nt-h1', 'handler', marketing.id);
		colleague = await makeActor(db, 'nt-h2', 'handler', marketing.id);
		other = await makeActor(db, 'nt-h3', 'handler', maintenance.id);
		await saveChannels(db, handler.id, {
			email: 'h1@example.org',
			phone: '13900001111',
			emailOn: true,
			smsOn: true,
			locale: 'zh-CN'
		});
		// An address kept but the channel off: nothing is sent there.
		await saveChannels(db, colleague.id, {
			email: 'h2@example.org',
			phone: '',
			emailOn: false,
			smsOn: false,
			locale: 'en'
		});
		expect((await channelsOf(db, handler.id)).emailOn).toBe(true);
	});

	it('an assignment reaches every handler of the department in the inbox, and the chosen channels through the outbox', async () => {
		const { db } = current();
		const before = await unreadCount(db, other.id);
		const r = await assigned(db, '营业厅排队太久，希望增加窗口。');
		const inbox = await db.select().from(notifications).where(eq(notifications.suggestionId, r.id));
		expect(inbox.map((n) => n.userId).sort()).toEqual([handler.id, colleague.id].sort());
		expect(await unreadCount(db, other.id)).toBe(before);
		const rows = await rowsOf(db, r.id);
		expect(rows.map((o) => `${o.recipient}/${o.channel}/${o.state}`).sort()).toEqual([
			`u:${handler.id}/email/pending`,
			`u:${handler.id}/sms/pending`
		]);
		// In the reader's language, the template filled in.
		const { items } = await listInbox(db, colleague.id, 'en');
		expect(items[0].subject).toMatch(new RegExp(`^Assigned: #${r.id} 营业厅排队太久`));
		expect(items[0].body).toContain('营销部');
		expect(items[0].link).toBe(`/admin/suggestions/${r.id}`);
		// Assigning again to the same department (a new deadline) tells nobody twice.
		await assign(db, reviewer, [r.id], { departmentId: handler.unitId!, deadline: '2030-07-01' });
		expect(
			await db.select().from(notifications).where(eq(notifications.suggestionId, r.id))
		).toHaveLength(2);
	});

	it("mark read: only one's own", async () => {
		const { db } = current();
		const unread = await unreadCount(db, colleague.id);
		expect(unread).toBeGreaterThan(0);
		const mine = await listInbox(db, colleague.id, 'zh-CN');
		// Someone else's id changes nothing.
		expect(await markRead(db, other.id, [mine.items[0].id])).toBe(0);
		expect(await unreadCount(db, colleague.id)).toBe(unread);
		expect(await markRead(db, colleague.id, [mine.items[0].id])).toBe(1);
		expect(await unreadCount(db, colleague.id)).toBe(unread - 1);
		await markRead(db, colleague.id, 'all');
		expect(await unreadCount(db, colleague.id)).toBe(0);
	});

	it('a notification rolled back with its event leaves nothing', async () => {
		const { db } = current();
		const r = await respond(db, '抄表时间不固定。');
		await expect(
			db.transaction(async (tx) => {
				await notify(tx, {
					event: 'assigned',
					suggestion: { id: r.id, title: 't', departmentId: handler.unitId, deadline: null },
					to: 'department'
				});
				throw new Error('the event failed');
			})
		).rejects.toThrow('the event failed');
		expect(await rowsOf(db, r.id)).toHaveLength(0);
		expect(
			await db.select().from(notifications).where(eq(notifications.suggestionId, r.id))
		).toHaveLength(0);
	});

	it('delivers e-mail to the SMTP sink and SMS to the provider, once', async () => {
		const { db } = current();
		const mails = sink.received.length;
		const texts = sms.messages.size;
		const counts = await deliverDue(db, transports(), { now: later(), origin: ORIGIN });
		expect(counts.sent).toBeGreaterThanOrEqual(2);
		const mail = sink.received.slice(mails).find((m) => m.to.includes('h1@example.org'))!;
		expect(mail.subject).toMatch(/^新交办：#\d+ 营业厅排队太久/);
		expect(mail.text).toContain(`${ORIGIN}/admin/suggestions/`);
		expect(mail.messageId).toMatch(/^<outbox-\d+-\d+@example\.org>$/);
		const text = [...sms.messages.values()].slice(texts)[0];
		expect(text.body.to).toBe('13900001111');
		expect(text.authorization).toBe('Bearer sms-token');
		expect(text.body.key).toBe(text.key);
		const sent = await db.select().from(outbox).where(eq(outbox.state, 'sent'));
		expect(sent.every((o) => o.sentAt && o.attempts === 1 && o.lastError === null)).toBe(true);
		// Running again sends nothing more.
		const again = await deliverDue(db, transports(), { now: later(), origin: ORIGIN });
		expect(again.sent).toBe(0);
		expect(sink.received.length).toBe(mails + counts.sent - (sms.messages.size - texts));
	});

	it('SMTP and SMS down: messages wait with backoff and go out once they are back', async () => {
		const { db } = current();
		const r = await assigned(db, '停电通知要提前发。');
		await sink.stop();
		sms.state.down = true;
		const t0 = later();
		const first = await deliverDue(db, transports(), { now: t0 });
		expect(first.retrying).toBe(2);
		let rows = await rowsOf(db, r.id);
		expect(rows.every((o) => o.state === 'pending' && o.attempts === 1 && o.lastError)).toBe(true);
		expect(rows[0].nextAttemptAt.getTime()).toBe(t0.getTime() + backoffMs(1));
		// Not due yet: nothing is tried.
		expect(
			(await deliverDue(db, transports(), { now: new Date(t0.getTime() + 1000) })).retrying
		).toBe(0);
		// Still down at the next attempt: the wait doubles.
		const t1 = new Date(t0.getTime() + backoffMs(1));
		await deliverDue(db, transports(), { now: t1 });
		rows = await rowsOf(db, r.id);
		expect(rows.map((o) => o.attempts)).toEqual([2, 2]);
		expect(rows[0].nextAttemptAt.getTime()).toBe(t1.getTime() + backoffMs(2));
		// Back: both go out, once.
		await sink.start();
		sms.state.down = false;
		const mails = sink.received.length;
		const t2 = new Date(t1.getTime() + backoffMs(2));
		clock = t2.getTime();
		expect((await deliverDue(db, transports(), { now: t2 })).sent).toBe(2);
		expect(sink.received.length).toBe(mails + 1);
		rows = await rowsOf(db, r.id);
		expect(rows.map((o) => `${o.state}/${o.attempts}`)).toEqual(['sent/3', 'sent/3']);
	});

	it('a bad SMTP configuration never breaks the request that wrote the event', async () => {
		const { db } = current();
		const broken = transportsFromEnv({ SMTP_URL: 'smtp://127.0.0.1:1', XINKAN_MAIL_FROM: FROM });
		const unset = transportsFromEnv({ SMTP_HOST: 'mail.example.org' });
		expect(unset.email).toBeNull();
		expect(unset.problems.email).toMatch(/XINKAN_MAIL_FROM/);
		// The event is written whatever the configuration: notify never touches the network.
		const r = await assigned(db, '电费账单看不懂。');
		const counts = await deliverDue(db, { ...broken, sms: transports().sms }, { now: later() });
		expect(counts).toMatchObject({ retrying: 1, sent: 1 });
		const [mail] = (await rowsOf(db, r.id)).filter((o) => o.channel === 'email');
		expect(mail.state).toBe('pending');
		expect(mail.lastError).toMatch(/ECONNREFUSED|connect/i);
		// The log names the cause in the reader's language, the provider's words beside it.
		const logged = async () => (await deliveryLog(db)).items.find((i) => i.id === mail.id)!;
		expect((await logged()).problem).toEqual({
			problem: 'providerError',
			detail: mail.lastError
		});
		const none = await deliverDue(db, unset, { now: later(backoffMs(1)) });
		expect(none.retrying).toBe(1);
		const [again] = (await rowsOf(db, r.id)).filter((o) => o.channel === 'email');
		expect(again.lastError).toMatch(/XINKAN_MAIL_FROM/);
		expect((await logged()).problem).toEqual({ problem: 'mailFromMissing', detail: '' });
		// Mended: it goes out.
		clock += backoffMs(2);
		expect((await deliverDue(db, transports(), { now: later() })).sent).toBe(1);
	});

	it('exactly once across a restart: the worker killed between send and mark sends nothing twice', async () => {
		const { db } = current();
		const r = await assigned(db, '希望开通微信缴费。');
		const mails = sink.received.length;
		const requests = sms.requests.length;
		const uniques = sms.messages.size;
		const t0 = later();
		// The first worker hands both messages over and dies before it can mark them (its promise
		// never settles, as a killed process's work never does).
		let handed = 0;
		void deliverDue(db, transports(), {
			now: t0,
			afterHand: () => {
				handed++;
				return new Promise<never>(() => {});
			}
		});
		await expect.poll(() => handed, { timeout: 10_000 }).toBe(1);
		expect(sink.received.length + sms.requests.length).toBe(mails + requests + 1);
		// The first message is stuck in "sending"; a restarted worker before the lease ends leaves it.
		let rows = await rowsOf(db, r.id);
		const stuck = rows.find((o) => o.state === 'sending')!;
		expect(stuck.handedAt).not.toBeNull();
		// Restart after the lease: the e-mail is marked unconfirmed and never sent again; the SMS
		// is sent again under the same key, which the provider counts once.
		const t1 = new Date(t0.getTime() + LEASE_MS + 1000);
		clock = t1.getTime();
		const restart = await deliverDue(db, transports(), { now: t1 });
		rows = await rowsOf(db, r.id);
		const email = rows.find((o) => o.channel === 'email')!;
		const text = rows.find((o) => o.channel === 'sms')!;
		expect(sink.received.length).toBe(mails + 1);
		expect(sms.messages.size).toBe(uniques + 1);
		if (stuck.channel === 'email') {
			expect(email.state).toBe('unconfirmed');
			expect(restart.unconfirmed).toBe(1);
			expect(text.state).toBe('sent');
		} else {
			expect(restart.resent).toBe(1);
			expect(text.state).toBe('sent');
			expect(sms.requests.length).toBe(requests + 2);
			expect(sms.requests.at(-1)!.key).toBe(sms.requests.at(-2)!.key);
		}
		// And nothing later changes that.
		await deliverDue(db, transports(), { now: later(LEASE_MS * 3) });
		expect(sink.received.length).toBe(mails + 1);
		expect(sms.messages.size).toBe(uniques + 1);
	});

	it('SMS after a crash is resent under the same key (provider counts one); a claim that died before sending is simply retried', async () => {
		const { db } = current();
		const r = await assigned(db, '台区电压不稳。');
		const rows = await rowsOf(db, r.id);
		const smsRow = rows.find((o) => o.channel === 'sms')!;
		const mailRow = rows.find((o) => o.channel === 'email')!;
		const t0 = later();
		// SMS: handed over, then the worker died. E-mail: claimed, then died before handing over.
		await db
			.update(outbox)
			.set({
				state: 'sending',
				claim: 'dead',
				leaseUntil: t0,
				handedAt: t0,
				attempts: 1,
				messageId: `xinkan-outbox-${smsRow.id}-${smsRow.createdAt.getTime()}`
			})
			.where(eq(outbox.id, smsRow.id));
		await db
			.update(outbox)
			.set({ state: 'sending', claim: 'dead', leaseUntil: t0, attempts: 1 })
			.where(eq(outbox.id, mailRow.id));
		// The provider had accepted the first SMS.
		await httpSmsTransport(sms.url, sms.token).send({
			to: '13900001111',
			text: 'first',
			key: `xinkan-outbox-${smsRow.id}-${smsRow.createdAt.getTime()}`
		});
		const uniques = sms.messages.size;
		const mails = sink.received.length;
		const counts = await deliverDue(db, transports(), { now: later() });
		expect(counts.resent).toBe(1);
		expect(sms.messages.size).toBe(uniques);
		expect(sink.received.length).toBe(mails + 1);
		expect((await rowsOf(db, r.id)).map((o) => o.state)).toEqual(['sent', 'sent']);
	});

	it('the proposer who left a phone is told when answered, with a stop link that stops further messages', async () => {
		const { db } = current();
		const r = await assigned(db, '希望在村里设置缴费点。');
		const silent = await assigned(db, '收费员态度很好。');
		await db
			.update(responses)
			.set({ contactPhone: '13812345678' })
			.where(eq(responses.id, r.responseId));
		const answer = (id: number) =>
			setStatus(db, handler, id, {
				status: 'resolved',
				reply: '已在村委会设置代收点。',
				plan: '',
				targetDate: null,
				measures: ''
			});
		await answer(r.id);
		await answer(silent.id);
		const proposer = (id: number) =>
			db
				.select()
				.from(outbox)
				.where(eq(outbox.suggestionId, id))
				.then((rows) => rows.filter((o) => o.recipient.startsWith('r:')));
		expect(await proposer(silent.id)).toHaveLength(0); // no phone left: nothing
		const [row] = await proposer(r.id);
		expect(row).toMatchObject({
			recipient: `r:${r.responseId}`,
			channel: 'sms',
			event: 'answered'
		});
		// Nothing personal in the stored row: the code and the number are read at delivery.
		expect(JSON.stringify(row.params)).not.toContain('13812345678');
		const before = sms.messages.size;
		await deliverDue(db, transports(), { now: later(), origin: ORIGIN });
		const [code] = await db
			.select({ code: responses.receiptCode })
			.from(responses)
			.where(eq(responses.id, r.responseId));
		const sent = [...sms.messages.values()].slice(before).find((m) => m.body.to === '13812345678')!;
		expect(sent.body.text).toContain(`${ORIGIN}/r/${code.code}/stop`);
		expect(sent.body.text).toContain(`${ORIGIN}/r/${code.code}`);
		// The log shows the proposer masked.
		const log = await deliveryLog(db);
		const entry = log.items.find((i) => i.id === row.id)!;
		expect(entry.proposer).toBe(true);
		expect(entry.recipient).not.toContain('12345678');
		expect(entry.recipient).toMatch(/5678$/);
		// Reopened by 不满意 and answered again: a new round, a new message…
		await answerFollowUp(db, r.responseId, r.id, { level: 'dissatisfied', comment: '没有解决' });
		await answer(r.id);
		expect(await proposer(r.id)).toHaveLength(2);
		// …until the stop link: what waits is cancelled and nothing more is written.
		await stopMessages(db, r.responseId);
		await stopMessages(db, r.responseId); // a repeat changes nothing
		expect((await proposer(r.id)).map((o) => o.state).sort()).toEqual(['cancelled', 'sent']);
		await answerFollowUp(db, r.responseId, r.id, { level: 'dissatisfied', comment: '还是没有' });
		await answer(r.id);
		expect(await proposer(r.id)).toHaveLength(2);
		const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'notification.stop'));
		expect(audits.filter((a) => a.entityId === String(r.responseId))).toHaveLength(1);
	});

	it('the proposer who left an e-mail is told by e-mail (one message, even with a phone too), masked in the log', async () => {
		const { db } = current();
		const both = await assigned(db, '希望增加夜间抢修人员。');
		const mailOnly = await assigned(db, '希望公布停电计划。');
		await db
			.update(responses)
			.set({ contactPhone: '13812340001', contactEmail: 'Li.Si@example.com' })
			.where(eq(responses.id, both.responseId));
		await db
			.update(responses)
			.set({ contactEmail: 'wang@example.net' })
			.where(eq(responses.id, mailOnly.responseId));
		for (const id of [both.id, mailOnly.id]) {
			await setStatus(db, handler, id, {
				status: 'resolved',
				reply: '已增加人员。',
				plan: '',
				targetDate: null,
				measures: ''
			});
		}
		const proposerRows = async (id: number) =>
			(await rowsOf(db, id)).filter((o) => o.recipient.startsWith('r:'));
		for (const [r, address] of [
			[both, 'Li.Si@example.com'],
			[mailOnly, 'wang@example.net']
		] as const) {
			const rows = await proposerRows(r.id);
			expect(rows.map((o) => [o.recipient, o.channel, o.event])).toEqual([
				[`r:${r.responseId}`, 'email', 'answered']
			]);
			expect(JSON.stringify(rows[0].params)).not.toContain(address);
		}
		const mails = sink.received.length;
		const texts = sms.messages.size;
		await deliverDue(db, transports(), { now: later(), origin: ORIGIN });
		// Not by SMS as well (the handler's own SMS about the assignment went out in this run).
		const texted = [...sms.messages.values()].slice(texts).map((m) => m.body.to);
		expect(texted.length).toBeGreaterThan(0);
		expect(texted).not.toContain('13812340001');
		for (const [r, address] of [
			[both, 'Li.Si@example.com'],
			[mailOnly, 'wang@example.net']
		] as const) {
			const [{ code }] = await db
				.select({ code: responses.receiptCode })
				.from(responses)
				.where(eq(responses.id, r.responseId));
			const mail = sink.received.slice(mails).filter((m) => m.to.includes(address));
			expect(mail).toHaveLength(1);
			expect(mail[0].subject).toBe('您的意见已有答复');
			expect(mail[0].text).toContain('「希望');
			expect(mail[0].text).toContain(`${ORIGIN}/r/${code}/stop`);
			expect(mail[0].text).toContain(`${ORIGIN}/r/${code}`);
			expect(mail[0].text).not.toContain('营销部');
			const [row] = await proposerRows(r.id);
			expect(row.state).toBe('sent');
			const entry = (await deliveryLog(db)).items.find((i) => i.id === row.id)!;
			expect(entry.proposer).toBe(true);
			expect(entry.recipient).not.toContain(address);
			expect(entry.recipient).toBe(address[0] + '***' + address.slice(address.indexOf('@')));
		}
	});

	it('不满意 tells the department: the item is back', async () => {
		const { db } = current();
		const reopened = await db
			.select()
			.from(notifications)
			.where(eq(notifications.event, 'reopened'));
		expect(reopened.map((n) => n.userId)).toEqual(
			expect.arrayContaining([handler.id, colleague.id])
		);
		const { items } = await listInbox(db, handler.id, 'zh-CN');
		expect(items.find((i) => i.event === 'reopened')!.body).toContain('还是没有');
	});

	it('deadlines: near within N working days (weekends skipped) and overdue, once per item and deadline', async () => {
		const { db } = current();
		const near = await assigned(db, '变压器噪音大。');
		const late = await assigned(db, '路灯不亮。');
		const far = await assigned(db, '希望推广电动汽车充电桩。');
		// Friday 2030-06-07 (China time): Tuesday is 2 working days away, Wednesday 3.
		const now = new Date('2030-06-07T00:30:00Z');
		await assign(db, reviewer, [near.id], { departmentId: other.unitId!, deadline: '2030-06-11' });
		await assign(db, reviewer, [late.id], { departmentId: other.unitId!, deadline: '2030-06-06' });
		await assign(db, reviewer, [far.id], { departmentId: other.unitId!, deadline: '2030-06-12' });
		const first = await deadlineNotices(db, { now, days: 2 });
		// (The demo's own items, long past their deadlines by 2030, are overdue too.)
		expect(first.near).toBe(1);
		expect(first.overdue).toBeGreaterThanOrEqual(1);
		const mine = await db.select().from(notifications).where(eq(notifications.userId, other.id));
		const ours = (event: string) =>
			mine
				.filter((n) => n.event === event && [near.id, late.id, far.id].includes(n.suggestionId!))
				.map((n) => n.suggestionId);
		expect(ours('deadline_near')).toEqual([near.id]);
		expect(ours('overdue')).toEqual([late.id]);
		expect(mine.find((n) => n.event === 'deadline_near')!.params.days).toBe('2');
		// Again the same day (or on another instance): nothing more.
		expect(await deadlineNotices(db, { now, days: 2 })).toEqual({ near: 0, overdue: 0 });
	});

	it('deadlines count the admin’s holiday list, and reach the leader supervising the item', async () => {
		const { db } = current();
		const [leaderRow] = await db
			.insert(users)
			.values({ username: 'nt-leader', passwordHash: 'x', role: 'leader', unitId: null })
			.returning();
		const leader: Actor = { id: leaderRow.id, role: 'leader', unitId: null };
		const holiday = await assigned(db, '端午节前后的检修停电通知得太晚。');
		const watched = await assigned(db, '台区经理的电话总是打不通。');
		// Friday 2030-06-07; the admin lists Monday 10 June as a day off (端午节): Wednesday the
		// 12th is 2 working days away, not 3 as plain weekdays would count.
		await db.insert(holidays).values({ day: '2030-06-10', kind: 'off', name: '端午节' });
		try {
			await assign(db, reviewer, [holiday.id], {
				departmentId: other.unitId!,
				deadline: '2030-06-12'
			});
			await assign(db, reviewer, [watched.id], {
				departmentId: other.unitId!,
				deadline: '2030-06-05'
			});
			await setSupervised(db, leader, watched.id, { supervised: true, note: '本月内解决。' });
			await deadlineNotices(db, { now: new Date('2030-06-07T00:30:00Z'), days: 2 });
		} finally {
			await db.delete(holidays).where(eq(holidays.day, '2030-06-10'));
		}
		const toHandler = await db
			.select()
			.from(notifications)
			.where(eq(notifications.userId, other.id));
		const near = toHandler.find(
			(n) => n.event === 'deadline_near' && n.suggestionId === holiday.id
		);
		expect(near?.params.days).toBe('2');
		expect(toHandler.some((n) => n.event === 'overdue' && n.suggestionId === watched.id)).toBe(
			true
		);
		// The supervising leader has the overdue reminder of the supervised item only.
		const toLeader = await db
			.select()
			.from(notifications)
			.where(eq(notifications.userId, leader.id));
		const reminders = toLeader.filter((n) => ['deadline_near', 'overdue'].includes(n.event));
		expect(reminders.map((n) => [n.event, n.suggestionId])).toEqual([['overdue', watched.id]]);
	});

	it('templates: an unknown placeholder is refused with a field message and changes nothing; an override is used', async () => {
		const { db } = current();
		expect(checkTemplate('assigned', { subject: '#{number}', body: '{titel}' })).toEqual({
			body: 'template_unknown_placeholder'
		});
		expect(checkTemplate('answered', { subject: 'x', body: '{link}' })).toEqual({
			body: 'template_missing_stop_link'
		});
		expect(checkTemplate('assigned', DEFAULT_TEMPLATES.assigned['zh-CN'])).toEqual({});
		const refused = await saveTemplate(db, reviewer.id, 'assigned', 'en', {
			subject: 'Hi {name}',
			body: '{title}'
		}).catch((e) => e);
		expect(refused).toBeInstanceOf(ServiceError);
		expect((refused as ServiceError).status).toBe(400);
		expect((refused as ServiceError).fields).toEqual({ subject: 'template_unknown_placeholder' });
		expect(await db.select().from(notificationTemplates)).toHaveLength(0);
		await saveTemplate(db, reviewer.id, 'assigned', 'zh-CN', {
			subject: '【交办】{title}',
			body: '请办理 #{number}，期限 {deadline}：{link}'
		});
		const r = await assigned(db, '电价政策宣传不够。');
		const mails = sink.received.length;
		await deliverDue(db, transports(), { now: later() });
		const mail = sink.received.slice(mails).find((m) => m.to.includes('h1@example.org'))!;
		expect(mail.subject).toMatch(/^【交办】电价政策宣传不够/);
		expect(mail.text).toContain(`请办理 #${r.id}，期限 2030-06-28`);
		await saveTemplate(db, reviewer.id, 'assigned', 'zh-CN', {
			subject: '',
			body: '',
			reset: true
		});
		expect(await db.select().from(notificationTemplates)).toHaveLength(0);
	});
});
