import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getCampaign } from '../campaigns/queries';
import { queryRows, type Database } from '../db';
import {
	auditLog,
	categories,
	followUps,
	suggestionEvents,
	suggestions,
	units
} from '../db/schema';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { demoRespondent } from '../test/demo-response';
import type { Actor } from './actor';
import { answerFollowUp, recordFollowUp } from './follow-ups';
import { suggestionsOfResponse } from './reports';
import { satisfactionFigures, type SatisfactionCounts } from './satisfaction';
import { assign, categorise, setStatus } from './workflow';

const DAY_MS = 86_400_000;
const REPLY = '已在营业厅增设两台自助缴费机，排队时间缩短到十分钟以内。';

describeEachDatabase(
	'回访 (follow-up satisfaction)',
	(current) => {
		let campaignId = 0;
		let reviewer: Actor;
		let handlerA: Actor;
		let handlerB: Actor;
		let leader: Actor;
		let otherCategoryId = 0;
		const respond = demoRespondent('h', '10.18.0.');

		/** A suggestion filed, assigned to handler A's department and answered "resolved". */
		async function answered(db: Database, text: string) {
			const r = await respond(db, text);
			await categorise(db, reviewer, [r.id], { categoryId: otherCategoryId, nature: 'routine' });
			await assign(db, reviewer, [r.id], {
				departmentId: handlerA.unitId!,
				deadline: '2030-06-30'
			});
			await reply(db, r.id);
			return r;
		}
		const reply = (db: Database, id: number, by: Actor = handlerA) =>
			setStatus(db, by, id, {
				status: 'resolved',
				reply: REPLY,
				plan: '',
				targetDate: null,
				measures: ''
			});
		const row = async (db: Database, id: number) =>
			(await db.select().from(suggestions).where(eq(suggestions.id, id)))[0];
		const answersOf = (db: Database, id: number) =>
			db.select().from(followUps).where(eq(followUps.suggestionId, id)).orderBy(followUps.id);
		const delta = (a: SatisfactionCounts, b: SatisfactionCounts) => ({
			satisfied: a.satisfied - b.satisfied,
			basic: a.basic - b.basic,
			dissatisfied: a.dissatisfied - b.dissatisfied,
			notFollowedUp: a.notFollowedUp - b.notFollowedUp,
			pending: a.pending - b.pending
		});

		it('sets up the demo organisation, whose closed items have 回访 answers', async () => {
			const { db } = current();
			campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			const [marketing] = await db.select().from(units).where(eq(units.name, '营销部'));
			const [maintenance] = await db.select().from(units).where(eq(units.name, '运维检修部'));
			const [other] = await db.select().from(categories).where(eq(categories.key, 'other'));
			otherCategoryId = other.id;
			reviewer = await makeActor(db, 'fu-rev', 'reviewer', null);
			handlerA = await makeActor(db, 'fu-ha', 'handler', marketing.id);
			handlerB = await makeActor(db, 'fu-hb', 'handler', maintenance.id);
			leader = { ...(await makeActor(db, 'fu-lead', 'reviewer', null)), role: 'leader' };

			// The demo: answers on its closed items, some first rounds 不满意, some items 未回访 — and the
			// figures agree with a count over the rows.
			const figures = await satisfactionFigures(db, campaignId);
			expect(figures.total.answered).toBeGreaterThan(100);
			expect(figures.total.dissatisfied).toBeGreaterThan(0);
			expect(figures.total.notFollowedUp).toBeGreaterThan(0);
			expect(figures.total.pending).toBe(0);
			const [recount] = await queryRows<{ satisfied: number; basic: number; dissatisfied: number }>(
				db,
				sql`select count(*) filter (where f.level = 'satisfied')::int as satisfied,
				count(*) filter (where f.level = 'basic')::int as basic,
				count(*) filter (where f.level = 'dissatisfied')::int as dissatisfied
			from follow_ups f join suggestions s on s.id = f.suggestion_id
			where s.campaign_id = ${campaignId} and s.merged_into is null`
			);
			expect(figures.total).toMatchObject(recount);
			expect(figures.total.rate).toBeCloseTo(
				(recount.satisfied + recount.basic) /
					(recount.satisfied + recount.basic + recount.dissatisfied),
				10
			);
			// The parts add up to the whole, by department and by category.
			const sum = (rows: SatisfactionCounts[], k: keyof SatisfactionCounts) =>
				rows.reduce((n, r) => n + Number(r[k]), 0);
			for (const k of ['satisfied', 'basic', 'dissatisfied', 'notFollowedUp'] as const) {
				expect(sum(figures.byDepartment, k)).toBe(figures.total[k]);
				expect(sum(figures.byCategory, k)).toBe(figures.total[k]);
			}
			// Every reopened demo item's current round holds no 不满意 (it would have reopened it again).
			const [stray] = await queryRows<{ n: number }>(
				db,
				sql`select count(*)::int as n from follow_ups f join suggestions s on s.id = f.suggestion_id
			where s.campaign_id = ${campaignId} and f.round = s.follow_up_round and f.level = 'dissatisfied'`
			);
			expect(stray.n).toBe(0);
		});

		it('refuses an answer for an unanswered item, an unknown one or someone else’s, changing nothing', async () => {
			const { db } = current();
			const r = await respond(db, '抄表员上门时间不固定，家里常没人');
			await expect(
				answerFollowUp(db, r.responseId, r.id, { level: 'satisfied', comment: '' })
			).rejects.toMatchObject({ status: 409, message: 'follow_up_not_answered' });
			const mine = await answered(db, '营业厅排队太久，希望增加自助缴费机');
			// Another receipt's suggestion: as unknown as a code that does not exist.
			await expect(
				answerFollowUp(db, r.responseId, mine.id, { level: 'dissatisfied', comment: '' })
			).rejects.toMatchObject({ status: 404 });
			await expect(
				answerFollowUp(db, r.responseId, 2_000_000, { level: 'satisfied', comment: '' })
			).rejects.toMatchObject({ status: 404 });
			expect(await answersOf(db, r.id)).toHaveLength(0);
			expect(await answersOf(db, mine.id)).toHaveLength(0);
			expect((await row(db, mine.id)).status).toBe('resolved');
		});

		it('keeps one answer per receipt and round, changeable until the round ends, then refused', async () => {
			const { db } = current();
			const r = await answered(db, '电费短信通知有时收不到');
			const s = await row(db, r.id);
			await answerFollowUp(db, r.responseId, r.id, { level: 'basic', comment: '还可以' });
			// Two at once (a double click): still one row, by the unique constraint.
			await Promise.all([
				answerFollowUp(db, r.responseId, r.id, { level: 'satisfied', comment: '' }),
				answerFollowUp(db, r.responseId, r.id, { level: 'satisfied', comment: '' })
			]);
			let rows = await answersOf(db, r.id);
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({ round: 1, level: 'satisfied', method: 'receipt' });
			// The constraint itself: a second row for the same receipt and round is refused.
			await expect(
				db.insert(followUps).values({
					suggestionId: r.id,
					round: 1,
					method: 'receipt',
					responseId: r.responseId,
					level: 'basic'
				})
			).rejects.toMatchObject({ cause: { code: '23505' } });
			// Past the campaign's window (15 days by default) the round is over.
			const late = new Date(s.closedAt!.getTime() + 15 * DAY_MS + 1000);
			await expect(
				answerFollowUp(db, r.responseId, r.id, { level: 'dissatisfied', comment: '' }, late)
			).rejects.toMatchObject({ status: 409, message: 'follow_up_round_ended' });
			rows = await answersOf(db, r.id);
			expect(rows).toHaveLength(1);
			expect(rows[0].level).toBe('satisfied');
			expect((await row(db, r.id)).status).toBe('resolved');
			// What /r shows: the proposer's own answer in this round, the timeline's dates.
			const [shown] = (await suggestionsOfResponse(db, r.responseId)).filter((x) => x.id === r.id);
			expect(shown.myLevel).toBe('satisfied');
			expect(shown.assignedAt).toBeInstanceOf(Date);
			expect(shown.followedUpAt).toBeInstanceOf(Date);
			expect(shown.roundEnds!.getTime()).toBe(s.closedAt!.getTime() + 15 * DAY_MS);
		});

		it('reopens on 不满意 with the comment, and asks again after the new reply', async () => {
			const { db } = current();
			const r = await answered(db, '台区经理电话打不通，停电不知道找谁');
			const comment = '电话还是打不通，问题没解决';
			expect(
				await answerFollowUp(db, r.responseId, r.id, { level: 'dissatisfied', comment })
			).toEqual({ reopened: true });
			const reopened = await row(db, r.id);
			expect(reopened).toMatchObject({
				status: 'in_progress',
				closedAt: null,
				reopenedCount: 1,
				followUpRound: 2,
				departmentId: handlerA.unitId
			});
			const events = await db
				.select()
				.from(suggestionEvents)
				.where(
					and(
						eq(suggestionEvents.suggestionId, r.id),
						eq(suggestionEvents.kind, 'reopen_dissatisfied')
					)
				);
			expect(events).toHaveLength(1);
			expect(events[0].data).toMatchObject({ comment, round: 1 });
			const audit = await db
				.select()
				.from(auditLog)
				.where(
					and(
						eq(auditLog.entityId, String(r.id)),
						eq(auditLog.action, 'suggestion.reopen_dissatisfied')
					)
				);
			expect(audit).toHaveLength(1);
			// The round is over: no changing the 不满意, no second answer until the new reply.
			await expect(
				answerFollowUp(db, r.responseId, r.id, { level: 'satisfied', comment: '' })
			).rejects.toMatchObject({ status: 409, message: 'follow_up_not_answered' });
			// The department answers again: round 2 is open, and the receipt answers afresh.
			await reply(db, r.id);
			expect((await row(db, r.id)).followUpRound).toBe(2);
			expect(
				await answerFollowUp(db, r.responseId, r.id, { level: 'satisfied', comment: '' })
			).toEqual({ reopened: false });
			const rows = await answersOf(db, r.id);
			expect(rows.map((x) => [x.round, x.level])).toEqual([
				[1, 'dissatisfied'],
				[2, 'satisfied']
			]);
		});

		it('lets the item’s department, reviewers and admins record phone or visit follow-ups, nobody else', async () => {
			const { db } = current();
			const r = await answered(db, '农网改造后电压还是低，空调开不起来');
			const s = await row(db, r.id);
			const call = {
				method: 'phone' as const,
				contactedAt: new Date(s.closedAt!.getTime() + 60_000),
				level: 'basic' as const,
				note: '电话回访，群众表示基本满意'
			};
			const now = new Date(s.closedAt!.getTime() + 2 * DAY_MS);
			// Another department's handler does not see the item; a leader records nothing.
			await expect(recordFollowUp(db, handlerB, r.id, call, now)).rejects.toMatchObject({
				status: 404
			});
			await expect(recordFollowUp(db, leader, r.id, call, now)).rejects.toMatchObject({
				status: 403
			});
			// Bad times: in the future, or before the reply.
			await expect(
				recordFollowUp(
					db,
					handlerA,
					r.id,
					{ ...call, contactedAt: new Date(now.getTime() + DAY_MS) },
					now
				)
			).rejects.toMatchObject({ status: 400, fields: { contactedAt: 'follow_up_in_future' } });
			await expect(
				recordFollowUp(
					db,
					handlerA,
					r.id,
					{ ...call, contactedAt: new Date(s.closedAt!.getTime() - DAY_MS) },
					now
				)
			).rejects.toMatchObject({ status: 400, fields: { contactedAt: 'follow_up_before_reply' } });
			expect(await answersOf(db, r.id)).toHaveLength(0);

			await recordFollowUp(db, handlerA, r.id, call, now);
			await recordFollowUp(db, reviewer, r.id, { ...call, method: 'visit', level: null }, now);
			const rows = await answersOf(db, r.id);
			expect(rows.map((x) => [x.method, x.level, x.recordedBy, x.responseId])).toEqual([
				['phone', 'basic', handlerA.id, null],
				['visit', null, reviewer.id, null]
			]);
			// After the window staff cannot record into the round either.
			await expect(
				recordFollowUp(db, handlerA, r.id, call, new Date(s.closedAt!.getTime() + 16 * DAY_MS))
			).rejects.toMatchObject({ status: 409, message: 'follow_up_round_ended' });
			// A staff-recorded 不满意 reopens the item as a proposer's does.
			await recordFollowUp(db, handlerA, r.id, { ...call, level: 'dissatisfied' }, now);
			expect(await row(db, r.id)).toMatchObject({ status: 'in_progress', reopenedCount: 1 });
		});

		it('opens a new round when staff take a reply back, without counting it as a 不满意 reopening', async () => {
			const { db } = current();
			const r = await answered(db, '营业厅周末不开门');
			await answerFollowUp(db, r.responseId, r.id, { level: 'satisfied', comment: '' });
			await setStatus(db, handlerA, r.id, {
				status: 'in_progress',
				reply: REPLY,
				plan: '',
				targetDate: null,
				measures: ''
			});
			expect(await row(db, r.id)).toMatchObject({ followUpRound: 2, reopenedCount: 0 });
			await reply(db, r.id);
			// The earlier answer belongs to round 1: this round has none yet.
			const [shown] = (await suggestionsOfResponse(db, r.responseId)).filter((x) => x.id === r.id);
			expect(shown.myLevel).toBeNull();
		});

		it('counts satisfaction by hand: levels, rate, 待回访 within the window and 未回访 after it', async () => {
			const { db } = current();
			const [marketing] = await db.select().from(units).where(eq(units.id, handlerA.unitId!));
			const depOf = (f: Awaited<ReturnType<typeof satisfactionFigures>>) =>
				f.byDepartment.find((d) => d.key === String(marketing.id))!;
			const catOf = (f: Awaited<ReturnType<typeof satisfactionFigures>>) =>
				f.byCategory.find((c) => c.key === 'other')!;
			const t0 = new Date();
			const before = await satisfactionFigures(db, campaignId, t0);
			const later = new Date(t0.getTime() + 20 * DAY_MS);
			const beforeLater = await satisfactionFigures(db, campaignId, later);

			// Four new answered items: one answered 满意, one 基本满意…
			const a = await answered(db, '希望在乡镇设缴费点，进城缴费太远');
			await answerFollowUp(db, a.responseId, a.id, { level: 'satisfied', comment: '' });
			const b = await answered(db, '停电通知能不能提前一天发短信');
			await answerFollowUp(db, b.responseId, b.id, { level: 'basic', comment: '' });
			// …one 不满意 (reopened, not answered again: not counted as waiting for follow-up),
			const c = await answered(db, '抢修人员到得太慢，等了四个小时');
			await answerFollowUp(db, c.responseId, c.id, { level: 'dissatisfied', comment: '太慢' });
			// …and one nobody answered: waiting now, 未回访 twenty days on, never satisfied.
			await answered(db, '线路老化，雷雨天经常跳闸');
			const now = new Date();
			const after = await satisfactionFigures(db, campaignId, now);
			const hand = { satisfied: 1, basic: 1, dissatisfied: 1, notFollowedUp: 0, pending: 1 };
			expect(delta(after.total, before.total)).toEqual(hand);
			expect(delta(depOf(after), depOf(before))).toEqual(hand);
			expect(delta(catOf(after), catOf(before))).toEqual(hand);
			const afterLater = await satisfactionFigures(db, campaignId, later);
			expect(delta(afterLater.total, beforeLater.total)).toEqual({
				...hand,
				notFollowedUp: 1,
				pending: 0
			});
			// The rate is (满意 + 基本满意) ÷ answers.
			const t = after.total;
			expect(t.answered).toBe(t.satisfied + t.basic + t.dissatisfied);
			expect(t.rate).toBeCloseTo((t.satisfied + t.basic) / t.answered, 10);
		});

		it('reads a campaign’s own window', async () => {
			const { db } = current();
			await db.execute(sql`update campaigns set follow_up_days = 3 where id = ${campaignId}`);
			const r = await answered(db, '电费账单看不懂');
			const s = await row(db, r.id);
			await expect(
				answerFollowUp(
					db,
					r.responseId,
					r.id,
					{ level: 'basic', comment: '' },
					new Date(s.closedAt!.getTime() + 3 * DAY_MS + 1000)
				)
			).rejects.toMatchObject({ status: 409, message: 'follow_up_round_ended' });
			await answerFollowUp(
				db,
				r.responseId,
				r.id,
				{ level: 'basic', comment: '' },
				new Date(s.closedAt!.getTime() + 2 * DAY_MS)
			);
			await db.execute(sql`update campaigns set follow_up_days = 15 where id = ${campaignId}`);
			expect(await answersOf(db, r.id)).toHaveLength(1);
		});
	},
	{ demo: true }
);
