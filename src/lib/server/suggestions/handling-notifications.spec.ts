import { and, count, eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { addCalendarDays } from '../../working-days';
import { localDate } from '../../campaign-availability';
import type { Database } from '../db';
import { categories, notifications, units, users } from '../db/schema';
import { seedDemo } from '../demo/seed';
import { listInbox } from '../notifications/inbox';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { demoRespondent } from '../test/demo-response';
import type { Actor } from './actor';
import {
	decideRequest,
	requestExtension,
	requestTransfer,
	sendBack,
	setSupervised
} from './handling';
import { assign, categorise } from './workflow';

const TODAY = localDate(new Date());
const DEADLINE = addCalendarDays(TODAY, 20);
const LATER = addCalendarDays(TODAY, 40);

/*
 * The handler actions tell the people the handling notes name, in the action's own transaction:
 * an in-app row per recipient, and nothing at all when the action is refused.
 */
describeEachDatabase('handling → notifications', (current) => {
	let reviewer: Actor;
	let handlerA: Actor;
	let handlerA2: Actor;
	let handlerB: Actor;
	let leader: Actor;
	let admin: Actor;
	let categoryId = 0;
	let deptA = 0;
	let deptB = 0;
	let nameA = '';
	let nameB = '';
	const respond = demoRespondent('w', '10.29.0.');

	async function assigned(db: Database, text: string) {
		const r = await respond(db, text);
		await categorise(db, reviewer, [r.id], { categoryId, nature: 'routine' });
		await assign(db, reviewer, [r.id], { departmentId: deptA, deadline: DEADLINE });
		return r.id;
	}
	/** Who got an in-app row for this item and event, sorted (one row per person per event). */
	const told = async (db: Database, id: number, event: string) =>
		(
			await db
				.select({ userId: notifications.userId })
				.from(notifications)
				.where(and(eq(notifications.suggestionId, id), eq(notifications.event, event)))
		)
			.map((r) => r.userId)
			.sort((a, b) => a - b);
	const paramsOf = async (db: Database, id: number, event: string) =>
		(
			await db
				.select({ params: notifications.params })
				.from(notifications)
				.where(and(eq(notifications.suggestionId, id), eq(notifications.event, event)))
				.orderBy(notifications.id)
		).map((r) => r.params);
	const total = async (db: Database) => (await db.select({ n: count() }).from(notifications))[0].n;
	/** The database's own answer to "who has this role", independent of the code under test. */
	const active = async (db: Database, roles: string[], unitId?: number) =>
		(
			await db
				.select({ id: users.id })
				.from(users)
				.where(
					and(
						inArray(users.role, roles as never[]),
						eq(users.active, true),
						unitId === undefined ? undefined : eq(users.unitId, unitId)
					)
				)
		)
			.map((u) => u.id)
			.sort((a, b) => a - b);
	const sorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

	it('sets up the demo organisation', async () => {
		const { db } = current();
		await seedDemo(db, 'demo-password');
		const departments = (await db.select().from(units).where(eq(units.kind, 'department'))).filter(
			(u) => u.active
		);
		[{ id: deptA, name: nameA }, { id: deptB, name: nameB }] = departments;
		const [other] = await db.select().from(categories).where(eq(categories.key, 'other'));
		categoryId = other.id;
		reviewer = await makeActor(db, 'hn-rev', 'reviewer', null);
		handlerA = await makeActor(db, 'hn-ha', 'handler', deptA);
		handlerA2 = await makeActor(db, 'hn-ha2', 'handler', deptA);
		handlerB = await makeActor(db, 'hn-hb', 'handler', deptB);
		const l = await makeActor(db, 'hn-lead', 'reviewer', null);
		await db.update(users).set({ role: 'leader' }).where(eq(users.id, l.id));
		leader = { ...l, role: 'leader' };
		await makeActor(db, 'hn-lead2', 'reviewer', null).then((x) =>
			db.update(users).set({ role: 'leader' }).where(eq(users.id, x.id))
		);
		const [a] = await db.select().from(users).where(eq(users.role, 'admin'));
		admin = { id: a.id, role: 'admin', unitId: null };
		expect(deptA).not.toBe(deptB);
		expect((await active(db, ['leader'])).length).toBeGreaterThanOrEqual(2);
	});

	it('退回 tells the reviewers, with the reason and the department; a refused one tells nobody', async () => {
		const { db } = current();
		const id = await assigned(db, '退回通知：路灯不亮');
		const before = await total(db);
		// A reviewer may not send back, and another department's handler does not see it.
		await expect(sendBack(db, reviewer, id, '不归我们')).rejects.toMatchObject({ status: 403 });
		await expect(sendBack(db, handlerB, id, '不归我们')).rejects.toMatchObject({ status: 404 });
		expect(await total(db)).toBe(before);

		await sendBack(db, handlerA, id, '应由物业处理');
		const reviewers = await active(db, ['reviewer', 'organiser']);
		expect(reviewers).toContain(reviewer.id);
		expect(await told(db, id, 'sent_back')).toEqual(reviewers);
		expect(await paramsOf(db, id, 'sent_back')).toContainEqual(
			expect.objectContaining({ reason: '应由物业处理', department: nameA })
		);
		const [mine] = (await listInbox(db, reviewer.id, 'zh-CN')).items;
		expect(mine.body).toContain(`${nameA}将意见 #${id}`);
		expect(mine.body).toContain('应由物业处理');
	});

	it('转办: the request reaches the reviewers; the decision the asking department; approval assigns the new one', async () => {
		const { db } = current();
		const id = await assigned(db, '转办通知：公交站牌');
		const before = await total(db);
		await expect(
			requestTransfer(db, handlerA, id, { departmentId: deptA, reason: '本部室' })
		).rejects.toMatchObject({ status: 400 });
		await expect(
			requestTransfer(db, reviewer, id, { departmentId: deptB, reason: 'x' })
		).rejects.toMatchObject({ status: 403 });
		expect(await total(db)).toBe(before);

		const first = await requestTransfer(db, handlerA, id, {
			departmentId: deptB,
			reason: '归交通'
		});
		const reviewers = await active(db, ['reviewer', 'organiser']);
		expect(await told(db, id, 'transfer_requested')).toEqual(reviewers);
		expect((await paramsOf(db, id, 'transfer_requested'))[0]).toMatchObject({
			department: nameB,
			reason: '归交通'
		});
		// A second pending one is a 409 and tells nobody again.
		const mid = await total(db);
		await expect(
			requestTransfer(db, handlerA2, id, { departmentId: deptB, reason: '再问' })
		).rejects.toMatchObject({ status: 409 });
		// A leader does not decide transfers.
		await expect(
			decideRequest(db, leader, id, { requestId: first, decision: 'approve', note: '' })
		).rejects.toMatchObject({ status: 403 });
		expect(await total(db)).toBe(mid);

		await decideRequest(db, reviewer, id, { requestId: first, decision: 'refuse', note: '不同意' });
		const deptAHandlers = await active(db, ['handler'], deptA);
		expect(deptAHandlers).toEqual(sorted([handlerA.id, handlerA2.id, ...deptAHandlers]));
		expect(await told(db, id, 'transfer_decided')).toEqual(deptAHandlers);
		expect((await paramsOf(db, id, 'transfer_decided'))[0]).toMatchObject({
			decision: 'refuse',
			department: nameB
		});
		// Refused: nobody new is assigned (the first assignment went to A only).
		expect(await told(db, id, 'assigned')).toEqual(deptAHandlers);
		// Deciding it again: 409, nothing written.
		const afterRefusal = await total(db);
		await expect(
			decideRequest(db, reviewer, id, { requestId: first, decision: 'approve', note: '' })
		).rejects.toMatchObject({ status: 409 });
		expect(await total(db)).toBe(afterRefusal);

		const second = await requestTransfer(db, handlerA, id, { departmentId: deptB, reason: '再议' });
		await decideRequest(db, reviewer, id, { requestId: second, decision: 'approve', note: '' });
		// Each of A's handlers has now heard two decisions; B's handlers are told it is theirs.
		expect(await told(db, id, 'transfer_decided')).toEqual(
			[...deptAHandlers, ...deptAHandlers].sort((a, b) => a - b)
		);
		const deptBHandlers = await active(db, ['handler'], deptB);
		expect(deptBHandlers).toContain(handlerB.id);
		expect(await told(db, id, 'assigned')).toEqual(sorted([...deptAHandlers, ...deptBHandlers]));
		const assignedToB = (await paramsOf(db, id, 'assigned')).at(-1)!;
		expect(assignedToB.department).toBe(nameB);
		// The decision is said in the reader's language.
		const zh = (await listInbox(db, handlerA.id, 'zh-CN')).items.map((n) => n.subject);
		expect(zh).toContain(`转办申请已同意：#${id} 转办通知：公交站牌`);
		expect(zh).toContain(`转办申请未同意：#${id} 转办通知：公交站牌`);
		const en = (await listInbox(db, handlerA.id, 'en')).items.map((n) => n.body);
		expect(en.some((b) => b.includes(`to ${nameB} was approved.`))).toBe(true);
	});

	it('延期: the request reaches reviewers, leaders and the supervisor; the decision the asking department', async () => {
		const { db } = current();
		const id = await assigned(db, '延期通知：河道清淤');
		// The admin (who may supervise) supervises it: they are neither reviewer nor leader.
		await setSupervised(db, admin, id, { supervised: true, note: '月底前办结' });
		const before = await total(db);
		await expect(
			requestExtension(db, handlerA, id, { deadline: addCalendarDays(TODAY, -1), reason: 'x' })
		).rejects.toMatchObject({ status: 400 });
		await expect(
			requestExtension(db, handlerA, id, { deadline: DEADLINE, reason: 'x' })
		).rejects.toMatchObject({ status: 400 });
		await expect(
			requestExtension(db, handlerB, id, { deadline: LATER, reason: 'x' })
		).rejects.toMatchObject({ status: 404 });
		expect(await total(db)).toBe(before);

		const request = await requestExtension(db, handlerA, id, { deadline: LATER, reason: '汛期' });
		const deciders = await active(db, ['reviewer', 'organiser', 'leader']);
		expect(deciders).not.toContain(admin.id);
		expect(await told(db, id, 'extension_requested')).toEqual(sorted([...deciders, admin.id]));
		expect((await paramsOf(db, id, 'extension_requested'))[0]).toMatchObject({
			deadline: LATER,
			reason: '汛期',
			department: nameA
		});

		await expect(
			decideRequest(db, handlerA, id, { requestId: request, decision: 'approve', note: '' })
		).rejects.toMatchObject({ status: 403 });
		expect(await told(db, id, 'extension_decided')).toEqual([]);
		await decideRequest(db, leader, id, { requestId: request, decision: 'approve', note: '同意' });
		expect(await told(db, id, 'extension_decided')).toEqual(await active(db, ['handler'], deptA));
		expect((await paramsOf(db, id, 'extension_decided'))[0]).toMatchObject({
			deadline: LATER,
			decision: 'approve'
		});
		const en = (await listInbox(db, handlerA2.id, 'en')).items.map((n) => n.subject);
		expect(en).toContain(`Extension approved: #${id} 延期通知：河道清淤`);
	});

	it('督办 tells the lead department and the other leaders; ending it or a refusal tells nobody', async () => {
		const { db } = current();
		const id = await assigned(db, '督办通知：菜市场');
		const before = await total(db);
		await expect(
			setSupervised(db, handlerA, id, { supervised: true, note: '快办' })
		).rejects.toMatchObject({ status: 403 });
		await expect(
			setSupervised(db, leader, id, { supervised: true, note: '  ' })
		).rejects.toMatchObject({ status: 400 });
		expect(await total(db)).toBe(before);

		await setSupervised(db, leader, id, { supervised: true, note: '两周内答复' });
		const expected = sorted([
			...(await active(db, ['handler'], deptA)),
			...(await active(db, ['leader']))
		]).filter((u) => u !== leader.id);
		expect(expected.length).toBeGreaterThan(2);
		expect(await told(db, id, 'supervised')).toEqual(expected);
		expect((await paramsOf(db, id, 'supervised'))[0]).toMatchObject({
			note: '两周内答复',
			department: nameA
		});
		const afterSupervising = await total(db);
		await setSupervised(db, leader, id, { supervised: false, note: '' });
		expect(await total(db)).toBe(afterSupervising);
	});
});
