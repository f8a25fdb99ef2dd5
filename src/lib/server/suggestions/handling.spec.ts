import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { addCalendarDays } from '../../working-days';
import { localDate } from '../../campaign-availability';
import { getCampaign } from '../campaigns/queries';
import type { Database } from '../db';
import {
	auditLog,
	categories,
	coHandlers,
	handlingRequests,
	holidays,
	suggestionEvents,
	suggestions,
	units
} from '../db/schema';
import { seedDemo } from '../demo/seed';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { demoRespondent } from '../test/demo-response';
import type { Actor } from './actor';
import { saveCategory } from './categories';
import { onTimeFigures } from './deadline-figures';
import {
	addCoHandler,
	addProgressNote,
	decideRequest,
	removeCoHandler,
	requestExtension,
	requestTransfer,
	sendBack,
	setSupervised
} from './handling';
import {
	coHandledItems,
	listSupervised,
	pendingRequests,
	sentBackItems,
	supervisedOfCampaign
} from './handling-lists';
import { getSuggestion } from './queries';
import { proposeRouting, removeHoliday, saveHoliday } from './service-levels';
import { assign, categorise, setStatus } from './workflow';

const TODAY = localDate(new Date());
const DEADLINE = addCalendarDays(TODAY, 20);

describeEachDatabase('handling: routing, 退回, 转办, 协办, 延期, 督办', (current) => {
	let campaignId = 0;
	let reviewer: Actor;
	let handlerA: Actor;
	let handlerB: Actor;
	let handlerC: Actor;
	let leader: Actor;
	let categoryId = 0;
	let deptA = 0;
	let deptB = 0;
	let deptC = 0;
	const respondents = [demoRespondent('k', '10.28.0.'), demoRespondent('m', '10.28.1.')];
	let sent = 0;

	/** A fresh suggestion, categorised and assigned to department A with DEADLINE. */
	async function assigned(db: Database, text: string) {
		const respond = respondents[Math.floor(sent++ / 24)];
		const r = await respond(db, `${text}（${sent}）`);
		await categorise(db, reviewer, [r.id], { categoryId, nature: 'routine' });
		await assign(db, reviewer, [r.id], { departmentId: deptA, deadline: DEADLINE });
		return r.id;
	}
	const row = async (db: Database, id: number) =>
		(await db.select().from(suggestions).where(eq(suggestions.id, id)))[0];
	const eventsOf = async (db: Database, id: number, kind: string) =>
		db
			.select()
			.from(suggestionEvents)
			.where(and(eq(suggestionEvents.suggestionId, id), eq(suggestionEvents.kind, kind)));
	const auditOf = async (db: Database, id: number, action: string) =>
		db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, String(id)), eq(auditLog.action, action)));
	const requestsOf = (db: Database, id: number) =>
		db.select().from(handlingRequests).where(eq(handlingRequests.suggestionId, id));

	it('sets up the demo organisation', async () => {
		const { db } = current();
		await seedDemo(db, 'demo-password');
		campaignId = (await getCampaign(db, 'liuyang-2014')).id;
		const departments = (await db.select().from(units).where(eq(units.kind, 'department'))).filter(
			(u) => u.active
		);
		[deptA, deptB, deptC] = departments.map((u) => u.id);
		const [other] = await db.select().from(categories).where(eq(categories.key, 'other'));
		categoryId = other.id;
		reviewer = await makeActor(db, 'hd-rev', 'reviewer', null);
		handlerA = await makeActor(db, 'hd-ha', 'handler', deptA);
		handlerB = await makeActor(db, 'hd-hb', 'handler', deptB);
		handlerC = await makeActor(db, 'hd-hc', 'handler', deptC);
		leader = { ...(await makeActor(db, 'hd-lead', 'reviewer', null)), role: 'leader' };
		expect(new Set([deptA, deptB, deptC]).size).toBe(3);
	});

	it('proposes the category’s department and a deadline in working days over the holiday list', async () => {
		const { db } = current();
		const [category] = await db.select().from(categories).where(eq(categories.id, categoryId));
		const base = {
			key: category.key,
			nameZh: category.nameZh,
			nameEn: category.nameEn,
			sortOrder: category.sortOrder,
			active: true
		};
		// The company itself is not a department to route to: 400, nothing saved.
		const [company] = await db.select().from(units).where(eq(units.kind, 'company'));
		await expect(
			saveCategory(db, reviewer.id, categoryId, {
				...base,
				defaultDepartmentId: company.id,
				serviceDays: 5
			})
		).rejects.toMatchObject({ status: 400, fields: { defaultDepartmentId: 'invalid' } });
		expect(await proposeRouting(db, categoryId)).toBeNull();
		await saveCategory(db, reviewer.id, categoryId, {
			...base,
			defaultDepartmentId: deptA,
			serviceDays: 5
		});
		// 国庆 2024: 1–7 October off, Sunday 29 September and Saturday 12 October worked.
		for (const day of ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07']) {
			await saveHoliday(db, reviewer.id, { day, kind: 'off', name: '国庆节' });
		}
		await saveHoliday(db, reviewer.id, { day: '2024-09-29', kind: 'work', name: '国庆调休' });
		await saveHoliday(db, reviewer.id, { day: '2024-10-12', kind: 'work', name: '国庆调休' });
		// A weekend listed as off, or a weekday as worked, changes nothing and is refused.
		await expect(
			saveHoliday(db, reviewer.id, { day: '2024-10-05', kind: 'off', name: '' })
		).rejects.toMatchObject({ status: 400, fields: { day: 'holiday_weekend' } });
		await expect(
			saveHoliday(db, reviewer.id, { day: '2024-10-08', kind: 'work', name: '' })
		).rejects.toMatchObject({ status: 400, fields: { day: 'workday_weekday' } });
		expect(await proposeRouting(db, categoryId, '2024-09-30')).toEqual({
			departmentId: deptA,
			serviceDays: 5,
			deadline: '2024-10-12'
		});
		// Friday 27 September + 5: Sunday 29, Monday 30, then 8, 9 and 10 October.
		expect((await proposeRouting(db, categoryId, '2024-09-27'))?.deadline).toBe('2024-10-10');
		// Taking a day off the list counts it as a working day again.
		await removeHoliday(db, reviewer.id, '2024-10-07');
		expect((await proposeRouting(db, categoryId, '2024-09-30'))?.deadline).toBe('2024-10-11');
		await expect(removeHoliday(db, reviewer.id, '2024-10-07')).rejects.toMatchObject({
			status: 404
		});
		expect(await db.select().from(holidays)).toHaveLength(6);
		expect((await db.select().from(auditLog).where(eq(auditLog.entity, 'holiday'))).length).toBe(8);
	});

	it('退回: only the lead department sends back; reviewers see it and route it again', async () => {
		const { db } = current();
		const id = await assigned(db, '抄表数据错误，应由营销部处理');
		const before = await row(db, id);
		// Another department's handler: the item is not theirs to know (404); a reviewer is no handler (403).
		await expect(sendBack(db, handlerB, id, '不归我们')).rejects.toMatchObject({ status: 404 });
		await expect(sendBack(db, reviewer, id, '不归我们')).rejects.toMatchObject({ status: 403 });
		expect(await row(db, id)).toEqual(before);
		await sendBack(db, handlerA, id, '属于运维检修部的职责');
		const after = await row(db, id);
		expect(after).toMatchObject({ departmentId: null, status: 'categorised' });
		expect(after.sentBackAt).not.toBeNull();
		expect(await eventsOf(db, id, 'send_back')).toMatchObject([
			{ userId: handlerA.id, data: { reason: '属于运维检修部的职责' } }
		]);
		expect(await auditOf(db, id, 'suggestion.send_back')).toHaveLength(1);
		await expect(getSuggestion(db, handlerA, id)).rejects.toMatchObject({ status: 404 });
		expect((await sentBackItems(db, reviewer)).map((r) => r.id)).toContain(id);
		expect(await sentBackItems(db, handlerA)).toEqual([]);
		// Sent back already: no longer the department's to send back.
		await expect(sendBack(db, handlerA, id, '再退')).rejects.toMatchObject({ status: 404 });
		await assign(db, reviewer, [id], { departmentId: deptB, deadline: DEADLINE });
		expect((await row(db, id)).sentBackAt).toBeNull();
		expect((await sentBackItems(db, reviewer)).map((r) => r.id)).not.toContain(id);
		// A closed item is not sent back.
		await setStatus(db, handlerB, id, {
			status: 'resolved',
			reply: '已处理',
			plan: '',
			targetDate: null,
			measures: ''
		});
		await expect(sendBack(db, handlerB, id, '晚了')).rejects.toMatchObject({
			status: 409,
			message: 'item_closed'
		});
	});

	it('转办: the handler asks, a reviewer approves or refuses, once', async () => {
		const { db } = current();
		const id = await assigned(db, '线路老化需要更换');
		await expect(
			requestTransfer(db, handlerA, id, { departmentId: deptA, reason: '同一个' })
		).rejects.toMatchObject({ status: 400, fields: { departmentId: 'same_department' } });
		await expect(
			requestTransfer(db, handlerB, id, { departmentId: deptC, reason: '不是我的' })
		).rejects.toMatchObject({ status: 404 });
		await expect(
			requestTransfer(db, reviewer, id, { departmentId: deptB, reason: 'x' })
		).rejects.toMatchObject({ status: 403 });
		expect(await requestsOf(db, id)).toEqual([]);
		const requestId = await requestTransfer(db, handlerA, id, {
			departmentId: deptB,
			reason: '线路归运维检修部'
		});
		await expect(
			requestTransfer(db, handlerA, id, { departmentId: deptC, reason: '再申请' })
		).rejects.toMatchObject({ status: 409, message: 'request_pending' });
		expect((await pendingRequests(db, reviewer)).map((r) => r.id)).toContain(requestId);
		// A leader decides extensions, not transfers; a handler decides nothing.
		expect((await pendingRequests(db, leader)).map((r) => r.id)).not.toContain(requestId);
		const decision = { requestId, decision: 'approve' as const, note: '同意' };
		await expect(decideRequest(db, leader, id, decision)).rejects.toMatchObject({ status: 403 });
		await expect(decideRequest(db, handlerA, id, decision)).rejects.toMatchObject({
			status: 403
		});
		expect((await row(db, id)).departmentId).toBe(deptA);
		await decideRequest(db, reviewer, id, decision);
		expect(await row(db, id)).toMatchObject({ departmentId: deptB, status: 'assigned' });
		await expect(decideRequest(db, reviewer, id, decision)).rejects.toMatchObject({
			status: 409,
			message: 'request_decided'
		});
		expect(await eventsOf(db, id, 'transfer_requested')).toHaveLength(1);
		expect(await eventsOf(db, id, 'transfer_decided')).toMatchObject([
			{ data: { decision: 'approve', note: '同意' } }
		]);
		expect(await auditOf(db, id, 'suggestion.transfer_decided')).toHaveLength(1);
		// The old department lost it, the new one has it.
		await expect(getSuggestion(db, handlerA, id)).rejects.toMatchObject({ status: 404 });
		await getSuggestion(db, handlerB, id);

		// Refused: nothing moves; a wrong request id for this item is a 404.
		const other = await assigned(db, '营业厅空调坏了');
		const refused = await requestTransfer(db, handlerA, other, {
			departmentId: deptC,
			reason: '后勤归办公室'
		});
		await expect(
			decideRequest(db, reviewer, id, { requestId: refused, decision: 'refuse', note: '' })
		).rejects.toMatchObject({ status: 404 });
		await decideRequest(db, reviewer, other, {
			requestId: refused,
			decision: 'refuse',
			note: '请本部室办理'
		});
		expect((await row(db, other)).departmentId).toBe(deptA);
		expect((await requestsOf(db, other))[0]).toMatchObject({
			status: 'refused',
			decidedBy: reviewer.id
		});
	});

	it('routing elsewhere withdraws the old department’s requests and starts the deadline afresh', async () => {
		const { db } = current();
		const id = await assigned(db, '营业厅停车位太少');
		const requestId = await requestExtension(db, handlerA, id, {
			deadline: addCalendarDays(DEADLINE, 3),
			reason: '等场地'
		});
		await decideRequest(db, reviewer, id, { requestId, decision: 'approve', note: '' });
		expect((await row(db, id)).originalDeadline).toBe(DEADLINE);
		await requestTransfer(db, handlerA, id, { departmentId: deptC, reason: '归办公室' });
		await assign(db, reviewer, [id], { departmentId: deptB, deadline: DEADLINE });
		expect(await row(db, id)).toMatchObject({ departmentId: deptB, originalDeadline: null });
		expect((await requestsOf(db, id)).map((r) => r.status).sort()).toEqual(['approved', 'refused']);
		// The new department may ask in its turn.
		await requestTransfer(db, handlerB, id, { departmentId: deptC, reason: '归办公室' });
	});

	it('decides a request once when two decide at the same time', async () => {
		const { db } = current();
		const id = await assigned(db, '停电通知太晚');
		const requestId = await requestExtension(db, handlerA, id, {
			deadline: addCalendarDays(DEADLINE, 10),
			reason: '需要协调供电所'
		});
		const results = await Promise.allSettled([
			decideRequest(db, reviewer, id, { requestId, decision: 'approve', note: '' }),
			decideRequest(db, leader, id, { requestId, decision: 'refuse', note: '' })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(failed.reason).toMatchObject({ status: 409, message: 'request_decided' });
		expect(await eventsOf(db, id, 'extension_decided')).toHaveLength(1);
	});

	it('申请延期: refuses bad dates; approval keeps the original deadline; on-time counts the granted one', async () => {
		const { db } = current();
		const id = await assigned(db, '电费账单看不懂');
		const yesterday = addCalendarDays(TODAY, -1);
		await expect(
			requestExtension(db, handlerA, id, { deadline: yesterday, reason: '忙' })
		).rejects.toMatchObject({ status: 400, fields: { deadline: 'extension_in_past' } });
		await expect(
			requestExtension(db, handlerA, id, { deadline: DEADLINE, reason: '忙' })
		).rejects.toMatchObject({ status: 400, fields: { deadline: 'extension_not_later' } });
		await expect(
			requestExtension(db, handlerB, id, { deadline: addCalendarDays(DEADLINE, 5), reason: '忙' })
		).rejects.toMatchObject({ status: 404 });
		expect(await requestsOf(db, id)).toEqual([]);
		const first = addCalendarDays(DEADLINE, 10);
		const requestId = await requestExtension(db, handlerA, id, {
			deadline: first,
			reason: '需要采购'
		});
		expect((await pendingRequests(db, leader)).map((r) => r.id)).toContain(requestId);
		// Pending: the deadline has not moved.
		expect(await row(db, id)).toMatchObject({ deadline: DEADLINE, originalDeadline: null });
		await decideRequest(db, leader, id, { requestId, decision: 'approve', note: '同意延期' });
		expect(await row(db, id)).toMatchObject({ deadline: first, originalDeadline: DEADLINE });
		// A second extension keeps the first deadline as the original.
		const second = addCalendarDays(first, 10);
		const again = await requestExtension(db, handlerA, id, {
			deadline: second,
			reason: '设备未到'
		});
		await decideRequest(db, reviewer, id, { requestId: again, decision: 'approve', note: '' });
		expect(await row(db, id)).toMatchObject({ deadline: second, originalDeadline: DEADLINE });
		// A refused one changes nothing.
		const third = await requestExtension(db, handlerA, id, {
			deadline: addCalendarDays(second, 10),
			reason: '再延'
		});
		await decideRequest(db, leader, id, { requestId: third, decision: 'refuse', note: '不再延期' });
		expect(await row(db, id)).toMatchObject({ deadline: second, originalDeadline: DEADLINE });
		expect(await eventsOf(db, id, 'extension_decided')).toHaveLength(3);
		expect(await auditOf(db, id, 'suggestion.extension_requested')).toHaveLength(3);

		// On-time: an item closed after its original deadline but within an approved extension
		// counts as on time; one closed after a deadline never extended does not.
		const late = await assigned(db, '路灯不亮');
		const before = await onTimeFigures(db, campaignId);
		await db.update(suggestions).set({ deadline: yesterday }).where(eq(suggestions.id, late));
		await db
			.update(suggestions)
			.set({ deadline: yesterday, originalDeadline: addCalendarDays(TODAY, -5) })
			.where(eq(suggestions.id, id));
		for (const s of [id, late]) {
			await setStatus(db, handlerA, s, {
				status: 'resolved',
				reply: '已办',
				plan: '',
				targetDate: null,
				measures: ''
			});
		}
		const after = await onTimeFigures(db, campaignId);
		expect(after.total.due - before.total.due).toBe(2);
		expect(after.total.onTime - before.total.onTime).toBe(0);
		await db.update(suggestions).set({ deadline: second }).where(eq(suggestions.id, id));
		const granted = await onTimeFigures(db, campaignId);
		expect(granted.total.onTime - before.total.onTime).toBe(1);
		const [extended] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(suggestions)
			.where(
				and(
					eq(suggestions.campaignId, campaignId),
					isNull(suggestions.mergedInto),
					isNotNull(suggestions.originalDeadline)
				)
			);
		expect(granted.total.extended).toBe(Number(extended.n));
		expect(granted.total.extended).toBeGreaterThan(0);
		const a = granted.byDepartment.find((d) => d.id === deptA)!;
		expect(a.rate).toBeCloseTo(a.onTime / a.due, 10);
		// Closed: no more requests.
		await expect(
			requestExtension(db, handlerA, id, { deadline: addCalendarDays(second, 30), reason: 'x' })
		).rejects.toMatchObject({ status: 409, message: 'item_closed' });
	});

	it('协办: co-handlers read the item and add progress notes; only the lead replies', async () => {
		const { db } = current();
		const id = await assigned(db, '台区电压低');
		await expect(addCoHandler(db, reviewer, id, deptA)).rejects.toMatchObject({
			status: 400,
			fields: { unitId: 'co_handler_lead' }
		});
		await expect(addCoHandler(db, handlerA, id, deptB)).rejects.toMatchObject({ status: 403 });
		await expect(getSuggestion(db, handlerB, id)).rejects.toMatchObject({ status: 404 });
		await expect(addProgressNote(db, handlerB, id, '已勘察')).rejects.toMatchObject({
			status: 404
		});
		await addCoHandler(db, reviewer, id, deptB);
		await addCoHandler(db, reviewer, id, deptB); // twice: one row, one event
		expect(await db.select().from(coHandlers).where(eq(coHandlers.suggestionId, id))).toHaveLength(
			1
		);
		expect(await eventsOf(db, id, 'co_handler_added')).toHaveLength(1);
		expect((await getSuggestion(db, handlerB, id)).suggestion.id).toBe(id);
		expect((await coHandledItems(db, handlerB)).map((r) => r.id)).toContain(id);
		await addProgressNote(db, handlerB, id, '已到现场勘察，需更换变压器');
		expect(await eventsOf(db, id, 'progress_note')).toMatchObject([
			{ userId: handlerB.id, data: { text: '已到现场勘察，需更换变压器' } }
		]);
		// The co-handler does not reply, send back or ask; department C has nothing to do with it.
		const reply = {
			status: 'resolved' as const,
			reply: '已办',
			plan: '',
			targetDate: null,
			measures: ''
		};
		await expect(setStatus(db, handlerB, id, reply)).rejects.toMatchObject({ status: 404 });
		await expect(sendBack(db, handlerB, id, 'x')).rejects.toMatchObject({ status: 404 });
		await expect(addProgressNote(db, handlerC, id, 'x')).rejects.toMatchObject({ status: 404 });
		await expect(addProgressNote(db, handlerA, id, 'x')).rejects.toMatchObject({ status: 404 });
		await removeCoHandler(db, reviewer, id, deptB);
		await expect(removeCoHandler(db, reviewer, id, deptB)).rejects.toMatchObject({ status: 404 });
		await expect(getSuggestion(db, handlerB, id)).rejects.toMatchObject({ status: 404 });
		expect(await auditOf(db, id, 'suggestion.progress_note')).toHaveLength(1);
	});

	it('督办: a leader supervises with a note; supervised items head the lists', async () => {
		const { db } = current();
		const id = await assigned(db, '农网改造进度慢');
		const note = { supervised: true, note: '请本月内拿出方案' };
		await expect(setSupervised(db, handlerA, id, note)).rejects.toMatchObject({ status: 403 });
		await expect(setSupervised(db, reviewer, id, note)).rejects.toMatchObject({ status: 403 });
		await expect(
			setSupervised(db, leader, id, { supervised: true, note: ' ' })
		).rejects.toMatchObject({ status: 400, fields: { note: 'required' } });
		expect((await row(db, id)).supervisedAt).toBeNull();
		await setSupervised(db, leader, id, note);
		expect(await row(db, id)).toMatchObject({
			supervisedBy: leader.id,
			supervisedNote: '请本月内拿出方案'
		});
		expect((await listSupervised(db, handlerA)).map((r) => r.id)).toContain(id);
		expect((await listSupervised(db, handlerB)).map((r) => r.id)).not.toContain(id);
		expect((await listSupervised(db, leader, { openOnly: true }))[0]).toMatchObject({
			supervisedBy: 'hd-lead'
		});
		expect((await supervisedOfCampaign(db, campaignId)).map((r) => r.id)).toContain(id);
		await setSupervised(db, leader, id, { supervised: false, note: '' });
		expect((await row(db, id)).supervisedAt).toBeNull();
		expect((await supervisedOfCampaign(db, campaignId)).map((r) => r.id)).not.toContain(id);
		await expect(
			setSupervised(db, leader, id, { supervised: false, note: '' })
		).rejects.toMatchObject({ status: 409, message: 'not_supervised' });
		expect(await eventsOf(db, id, 'supervise')).toHaveLength(1);
		expect(await auditOf(db, id, 'suggestion.unsupervise')).toHaveLength(1);
	});
});
