import ExcelJS from 'exceljs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getCampaign } from '../campaigns/queries';
import type { Database } from '../db';
import { categories, holidays, suggestionEvents, suggestions, units } from '../db/schema';
import { DEMO_EARLIER_SLUG } from '../demo/earlier-campaign';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { demoRespondent } from '../test/demo-response';
import type { Actor } from './actor';
import { departmentFigures, figuresFor, type RankedDepartment } from './department-figures';
import { departmentWorkbook } from './department-workbook';
import { onTimeFigures } from './deadline-figures';
import { recordFollowUp } from './follow-ups';
import { satisfactionFigures } from './satisfaction';
import { weeklyReport } from './weekly';
import { weeklyWorkbook } from './weekly-workbook';
import { decideRequest, requestExtension } from './handling';
import { assign, categorise, setStatus } from './workflow';

/*
 * A small organisation built by hand inside the demo: two new departments whose items are all
 * made here, so every figure of theirs can be counted on paper. Items are filed, assigned,
 * answered and followed up through the services; then their assignment and reply times are moved
 * to March 2026 (the services stamp "now"), with Friday 6 March listed as a day off.
 *
 *   考核甲部, assigned Mon 2 Mar, deadline Tue 10 Mar:
 *     a1 replied Wed 4 Mar   → 2 working days, on time;       回访 满意
 *     a2 replied Mon 9 Mar   → 4 (Fri 6 off), on time;         回访 满意
 *     a3 replied Fri 13 Mar  → 8, late;                        回访 基本满意
 *     a4 extension to 20 Mar approved, replied Mon 16 Mar → 9, on time by the granted deadline; 满意
 *     a5 replied Tue 3 Mar   → 1; 回访 不满意 reopens it; replied again Thu 12 Mar: late; then 满意
 *     a6 open, deadline 10 Mar → overdue
 *   甲: assigned 6, answered 5, overdue 1, due 5, on time 3 (60 %), extended 1, median of
 *       1, 2, 4, 8, 9 = 4 working days, reopened 1/5, 回访 6 answers: 满意 4, 基本 1, 不满意 1.
 *       score = 100 × (0.4 × 0.6 + 0.4 × 5/6 + 0.2 × 0.8) = 73.3, ranked (every base ≥ 5).
 *   考核乙部: b1 replied the day it was assigned (0 working days), on time, 满意; b2 moved to the
 *       earlier campaign, open, no deadline. This campaign: assigned 1; all campaigns: 2. Not ranked.
 */
const REPLY = '已完成线路改造，电压恢复正常。';
const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

describeEachDatabase(
	'leader figures by department (考核)',
	(current) => {
		let campaignId = 0;
		let deptA = 0;
		let deptB = 0;
		let reviewer: Actor;
		let handlerA: Actor;
		let handlerB: Actor;
		let leader: Actor;
		const ids: Record<string, number> = {};
		const respond = demoRespondent('l', '10.31.0.');

		const reply = (db: Database, by: Actor, id: number) =>
			setStatus(db, by, id, {
				status: 'resolved',
				reply: REPLY,
				plan: '',
				targetDate: null,
				measures: ''
			});
		const followUp = (
			db: Database,
			by: Actor,
			id: number,
			level: 'satisfied' | 'basic' | 'dissatisfied'
		) => recordFollowUp(db, by, id, { method: 'phone', contactedAt: new Date(), level, note: '' });
		/** Moves the item's first assignment and its reply events (in order) to the given times. */
		async function backdate(db: Database, id: number, assigned: Date, replies: Date[]) {
			await db
				.update(suggestionEvents)
				.set({ at: assigned })
				.where(and(eq(suggestionEvents.suggestionId, id), eq(suggestionEvents.kind, 'assign')));
			const closes = await db
				.select({ id: suggestionEvents.id })
				.from(suggestionEvents)
				.where(and(eq(suggestionEvents.suggestionId, id), eq(suggestionEvents.kind, 'close')))
				.orderBy(suggestionEvents.id);
			expect(closes.length).toBe(replies.length);
			for (const [i, c] of closes.entries()) {
				await db
					.update(suggestionEvents)
					.set({ at: replies[i] })
					.where(eq(suggestionEvents.id, c.id));
			}
			if (replies.length) {
				await db
					.update(suggestions)
					.set({ closedAt: replies.at(-1) })
					.where(and(eq(suggestions.id, id), sql`${suggestions.closedAt} is not null`));
			}
		}

		it('builds the hand-counted data set', async () => {
			const { db } = current();
			campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			const [company] = await db
				.select()
				.from(units)
				.where(sql`${units.parentId} is null`);
			[{ id: deptA }, { id: deptB }] = await db
				.insert(units)
				.values([
					{ name: '考核甲部', kind: 'department', parentId: company.id },
					{ name: '考核乙部', kind: 'department', parentId: company.id }
				])
				.returning();
			const [other] = await db.select().from(categories).where(eq(categories.key, 'other'));
			reviewer = await makeActor(db, 'lf-rev', 'reviewer', null);
			handlerA = await makeActor(db, 'lf-ha', 'handler', deptA);
			handlerB = await makeActor(db, 'lf-hb', 'handler', deptB);
			leader = { ...(await makeActor(db, 'lf-lead', 'reviewer', null)), role: 'leader' };
			await db.insert(holidays).values({ day: '2026-03-06', kind: 'off', name: '考核测试' });

			for (const key of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'b1', 'b2']) {
				const r = await respond(db, `考核测试意见 ${key}：台区电压偏低，晚上灯泡发暗。`);
				ids[key] = r.id;
				await categorise(db, reviewer, [r.id], { categoryId: other.id, nature: 'routine' });
				const b = key.startsWith('b');
				await assign(db, reviewer, [r.id], {
					departmentId: b ? deptB : deptA,
					deadline: key === 'b2' ? null : b ? '2026-03-04' : '2026-03-10'
				});
			}
			const requestId = await requestExtension(
				db,
				handlerA,
				ids.a4,
				{ deadline: '2026-03-20', reason: '需要停电施工，等待调度安排。' },
				'2026-03-01'
			);
			await decideRequest(db, leader, ids.a4, { requestId, decision: 'approve', note: '同意' });
			for (const key of ['a1', 'a2', 'a3', 'a4', 'a5']) await reply(db, handlerA, ids[key]);
			await reply(db, handlerB, ids.b1);
			for (const key of ['a1', 'a2', 'a4', 'b1']) {
				await followUp(db, key === 'b1' ? handlerB : handlerA, ids[key], 'satisfied');
			}
			await followUp(db, handlerA, ids.a3, 'basic');
			expect((await followUp(db, handlerA, ids.a5, 'dissatisfied')).reopened).toBe(true);
			await reply(db, handlerA, ids.a5);
			await followUp(db, handlerA, ids.a5, 'satisfied');

			const [a4] = await db.select().from(suggestions).where(eq(suggestions.id, ids.a4));
			expect([a4.originalDeadline, a4.deadline]).toEqual(['2026-03-10', '2026-03-20']);
			const monday = at('2026-03-02', '09:30');
			await backdate(db, ids.a1, monday, [at('2026-03-04')]);
			await backdate(db, ids.a2, monday, [at('2026-03-09')]);
			await backdate(db, ids.a3, monday, [at('2026-03-13')]);
			await backdate(db, ids.a4, monday, [at('2026-03-16')]);
			await backdate(db, ids.a5, monday, [at('2026-03-03'), at('2026-03-12')]);
			await backdate(db, ids.a6, monday, []);
			// Replied late in the evening of the day it was assigned: still that day, 0 working days.
			await backdate(db, ids.b1, at('2026-03-03', '08:00'), [at('2026-03-03', '23:30')]);
			const [earlier] = await db
				.select({ id: sql<number>`id` })
				.from(sql`campaigns`)
				.where(sql`slug = ${DEMO_EARLIER_SLUG}`);
			await db
				.update(suggestions)
				.set({ campaignId: earlier.id })
				.where(eq(suggestions.id, ids.b2));
			const moved = await db
				.select()
				.from(suggestions)
				.where(inArray(suggestions.id, [ids.b2]));
			expect(moved[0].campaignId).toBe(earlier.id);
		});

		const mine = (rows: RankedDepartment[], id: number) => rows.find((r) => r.id === id)!;

		it('counts each department as counted by hand, and ranks only on enough items', async () => {
			const { db } = current();
			const rows = await departmentFigures(db, campaignId);
			expect(mine(rows, deptA)).toEqual({
				id: deptA,
				department: '考核甲部',
				assigned: 6,
				answered: 5,
				overdueOpen: 1,
				due: 5,
				onTime: 3,
				extended: 1,
				onTimeRate: 3 / 5,
				medianReplyDays: 4,
				reopened: 1,
				reopenedRate: 1 / 5,
				satisfied: 4,
				basic: 1,
				dissatisfied: 1,
				satisfactionAnswers: 6,
				satisfactionRate: 5 / 6,
				score: 73.3,
				rank: expect.any(Number) as number,
				tied: expect.any(Boolean) as boolean,
				notRanked: false
			});
			expect(mine(rows, deptB)).toMatchObject({
				assigned: 1,
				answered: 1,
				overdueOpen: 0,
				due: 1,
				onTime: 1,
				onTimeRate: 1,
				medianReplyDays: 0,
				reopenedRate: 0,
				satisfactionAnswers: 1,
				satisfactionRate: 1,
				score: null,
				rank: null,
				notRanked: true
			});
			// The ranking: ranked ones first by score, each rank one more than the count of better ones.
			const ranked = rows.filter((r) => !r.notRanked);
			for (const r of ranked) {
				expect(r.rank).toBe(1 + ranked.filter((x) => x.score! > r.score!).length);
			}
			expect(rows.findIndex((r) => r.notRanked)).toBe(ranked.length);
		});

		it('counts over every campaign when no campaign is chosen', async () => {
			const { db } = current();
			const all = await departmentFigures(db, null);
			expect(mine(all, deptB)).toMatchObject({ assigned: 2, answered: 1, due: 1 });
			expect(mine(all, deptA)).toMatchObject({ assigned: 6, score: 73.3 });
		});

		it('shows a handler their own department only', async () => {
			const { db } = current();
			const rows = await departmentFigures(db, campaignId);
			expect(figuresFor(rows, handlerB).map((r) => r.id)).toEqual([deptB]);
			expect(figuresFor(rows, leader)).toHaveLength(rows.length);
		});

		it('writes the same figures into the XLSX', async () => {
			const { db } = current();
			const rows = await departmentFigures(db, campaignId);
			const bytes = await departmentWorkbook(rows, '测试活动', 'zh-CN');
			const book = new ExcelJS.Workbook();
			await book.xlsx.load(bytes as unknown as ArrayBuffer);
			const figures = book.worksheets[0];
			const line = (name: string) => {
				let found: (string | number | null)[] = [];
				figures.eachRow((row) => {
					const values = (row.values as (string | number | null)[]).slice(1);
					if (values[0] === name) found = values;
				});
				return found;
			};
			const a = mine(rows, deptA);
			expect(line('考核甲部')).toEqual([
				'考核甲部',
				a.assigned,
				a.answered,
				a.overdueOpen,
				a.onTimeRate,
				a.onTime,
				a.due,
				a.extended,
				a.medianReplyDays,
				a.reopenedRate,
				a.satisfactionRate,
				a.satisfactionAnswers
			]);
			const ranking = book.worksheets[1];
			let rankedLine: unknown[] = [];
			ranking.eachRow((row) => {
				const values = (row.values as unknown[]).slice(1);
				if (values[1] === '考核甲部') rankedLine = values;
			});
			expect(rankedLine.slice(0, 6)).toEqual([
				a.rank,
				'考核甲部',
				73.3,
				a.onTimeRate,
				a.satisfactionRate,
				a.reopenedRate
			]);
		});

		it('adds satisfaction and on-time sheets to the weekly XLSX, as the figures give them', async () => {
			const { db } = current();
			const [report, satisfaction, onTime] = await Promise.all([
				weeklyReport(db, campaignId, '2026-12-01'),
				satisfactionFigures(db, campaignId),
				onTimeFigures(db, campaignId)
			]);
			const book = new ExcelJS.Workbook();
			await book.xlsx.load(
				(await weeklyWorkbook(report, '测试活动', 'zh-CN', {
					satisfaction,
					onTime
				})) as unknown as ArrayBuffer
			);
			expect(book.worksheets.map((w) => w.name)).toEqual([
				'推进会周报',
				'回访满意度',
				'按期办结率'
			]);
			const lineOf = (sheet: ExcelJS.Worksheet, name: string) => {
				let found: unknown[] = [];
				sheet.eachRow((row) => {
					const values = (row.values as unknown[]).slice(1);
					if (values[0] === name) found = values;
				});
				return found;
			};
			const s = satisfaction.byDepartment.find((d) => d.key === String(deptA))!;
			expect(lineOf(book.worksheets[1], '考核甲部')).toEqual([
				'考核甲部',
				4,
				1,
				1,
				6,
				5 / 6,
				s.pending,
				s.notFollowedUp
			]);
			const t = satisfaction.total;
			expect(lineOf(book.worksheets[1], '合计')).toEqual([
				'合计',
				t.satisfied,
				t.basic,
				t.dissatisfied,
				t.answered,
				t.rate,
				t.pending,
				t.notFollowedUp
			]);
			expect(lineOf(book.worksheets[2], '考核甲部')).toEqual(['考核甲部', 5, 3, 3 / 5, 1]);
			const o = onTime.total;
			expect(lineOf(book.worksheets[2], '合计')).toEqual([
				'合计',
				o.due,
				o.onTime,
				o.rate,
				o.extended
			]);
		});
	},
	{ demo: true }
);
