import { and, count, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getCampaign, latestVersion } from '../campaigns/queries';
import { queryRows } from '../db';
import {
	auditLog,
	categories,
	suggestionEvents,
	suggestionItems,
	suggestions,
	units
} from '../db/schema';
import { categoriserSettled } from '../insight/categoriser-service';
import { duplicateCandidates } from '../insight/duplicate-hints';
import { HINT_FLOOR, HINT_WEAK_FLOOR } from '../insight/hints';
import { submitPublicForm } from '../intake/public-form';
import { findReceipt } from '../intake/receipt-lookup';
import { describeEachDatabase } from '../test/databases';
import type { Actor } from './actor';
import { getSuggestion, listQueue } from './queries';
import { boardItems, suggestionStats, suggestionsOfResponse } from './reports';
import { weeklyReport } from './weekly';
import {
	addComment,
	assign,
	categorise,
	merge,
	setPublished,
	setStatus,
	split,
	unmerge
} from './workflow';
import { makeActor } from '../test/actors';
import { listCategories } from './categories';

const token = (c: string) => c.repeat(32);

describeEachDatabase(
	'suggestions',
	(current) => {
		let campaignId = 0;
		let reviewer: Actor;
		let handlerA: Actor;
		let handlerB: Actor;

		it('turns the demo’s 602 answers into 182 suggestions whose statistics add up', async () => {
			const { db } = current();
			campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			const stats = await suggestionStats(db, campaignId);
			expect([stats.total, stats.rawAnswers]).toEqual([182, 602]);
			// The category list counts the suggestions filed under each category.
			const filed = await listCategories(db);
			for (const c of stats.byCategory.filter((x) => x.key)) {
				expect(filed.find((f) => f.key === c.key)!.used).toBeGreaterThanOrEqual(c.count);
			}
			const [{ n: withCategory }] = await db
				.select({ n: count() })
				.from(suggestions)
				.where(isNotNull(suggestions.categoryId));
			expect(filed.reduce((sum, c) => sum + c.used, 0)).toBe(withCategory);
			for (const part of [stats.byCategory, stats.byNature, stats.byStatus, stats.byDepartment]) {
				expect(part.reduce((s, r) => s + r.count, 0)).toBe(182);
			}
			expect(stats.overdue).toBeGreaterThan(0);
			expect(stats.byStatus.find((s) => s.key === 'planned')!.count).toBeGreaterThan(0);
			const [{ n }] = await db
				.select({ n: count() })
				.from(suggestions)
				.where(and(eq(suggestions.campaignId, campaignId), isNull(suggestions.mergedInto)));
			expect(n).toBe(182);
			expect((await boardItems(db, campaignId, {})).length).toBeGreaterThan(10);

			const [marketing] = await db.select().from(units).where(eq(units.name, '营销部'));
			const [maintenance] = await db.select().from(units).where(eq(units.name, '运维检修部'));
			const make = (username: string, role: 'reviewer' | 'handler', unitId: number | null) =>
				makeActor(db, username, role, unitId);
			reviewer = await make('rev', 'reviewer', null);
			handlerA = await make('ha', 'handler', marketing.id);
			handlerB = await make('hb', 'handler', maintenance.id);
		});

		it('makes a suggestion of each suggestion answer and shows its fate behind the receipt code', async () => {
			const { db } = current();
			const version = await latestVersion(db, campaignId);
			const groupOption = version!.questions.find((q) => q.type === 'group')!.options[2].id;
			const form = new FormData();
			for (const [k, v] of Object.entries({
				submission_token: token('s'),
				q_group: groupOption,
				q_supply: '2',
				q_service: '3',
				q_improve: '村口变压器老是跳闸，一到晚上就停电。另外营业厅周末不开门',
				q_difficulty: ''
			})) {
				form.set(k, v);
			}
			const outcome = await submitPublicForm(db, 'liuyang-2014', form, '10.7.0.1');
			expect(outcome.kind).toBe('stored');
			const receipt = await findReceipt(db, outcome.kind === 'stored' ? outcome.receiptCode : '');
			const mine = await suggestionsOfResponse(db, receipt!.responseId);
			expect(mine).toHaveLength(1);
			expect(mine[0]).toMatchObject({ status: 'new', title: '村口变压器老是跳闸，一到晚上就停电' });

			// Split the two points, then walk the first through the whole path.
			const [item] = await db
				.select()
				.from(suggestionItems)
				.where(eq(suggestionItems.suggestionId, mine[0].id));
			const [second] = await split(db, reviewer, item.id, [
				'村口变压器老是跳闸，一到晚上就停电',
				'营业厅周末不开门'
			]);
			expect((await suggestionsOfResponse(db, receipt!.responseId)).map((s) => s.id)).toEqual([
				mine[0].id,
				second
			]);

			const [voltage] = await db
				.select()
				.from(categories)
				.where(eq(categories.key, 'voltage_grid'));
			await categorise(db, reviewer, [mine[0].id], { categoryId: voltage.id, nature: 'routine' });
			await expect(
				categorise(db, handlerA, [mine[0].id], { categoryId: voltage.id, nature: null })
			).rejects.toMatchObject({ status: 403 });
			await assign(db, reviewer, [mine[0].id], {
				departmentId: handlerA.unitId!,
				deadline: '2030-01-31'
			});

			// The other department does not even learn that the item exists.
			await expect(getSuggestion(db, handlerB, mine[0].id)).rejects.toMatchObject({ status: 404 });
			expect(
				(await listQueue(db, handlerB, { campaignId })).rows.some((r) => r.id === mine[0].id)
			).toBe(false);
			expect(
				(await listQueue(db, handlerA, { campaignId })).rows.every(
					(r) => r.departmentId === handlerA.unitId
				)
			).toBe(true);
			await expect(
				setStatus(db, handlerB, mine[0].id, {
					status: 'in_progress',
					reply: '',
					plan: '',
					targetDate: null,
					measures: ''
				})
			).rejects.toMatchObject({ status: 404 });

			await setStatus(db, handlerA, mine[0].id, {
				status: 'in_progress',
				reply: '',
				plan: '',
				targetDate: null,
				measures: '更换 200kVA 变压器'
			});
			await expect(
				setStatus(db, handlerA, mine[0].id, {
					status: 'resolved',
					reply: ' ',
					plan: '',
					targetDate: null,
					measures: 'x'
				})
			).rejects.toMatchObject({ fields: { reply: 'reply_required' } });
			await expect(
				setStatus(db, handlerA, mine[0].id, {
					status: 'planned',
					reply: '已答复',
					plan: '',
					targetDate: null,
					measures: 'x'
				})
			).rejects.toMatchObject({ fields: { plan: 'plan_required', targetDate: 'target_required' } });
			await setStatus(db, handlerA, mine[0].id, {
				status: 'planned',
				reply: '已列入今年农网改造计划。',
				plan: '10 月底前更换变压器',
				targetDate: '2030-10-31',
				measures: '更换 200kVA 变压器'
			});
			await addComment(db, handlerA, mine[0].id, '材料已到货');
			await setStatus(db, reviewer, mine[0].id, {
				status: 'in_progress',
				reply: '已列入今年农网改造计划。',
				plan: '',
				targetDate: null,
				measures: '更换 200kVA 变压器'
			});
			await setStatus(db, handlerA, mine[0].id, {
				status: 'resolved',
				reply: '变压器已更换，电压恢复正常。',
				plan: '',
				targetDate: null,
				measures: '更换 200kVA 变压器'
			});
			await setPublished(db, reviewer, mine[0].id, true);

			const shown = (await suggestionsOfResponse(db, receipt!.responseId))[0];
			expect(shown).toMatchObject({
				status: 'resolved',
				reply: '变压器已更换，电压恢复正常。',
				category: '低电压/电网改造'
			});
			const kinds = (
				await db
					.select()
					.from(suggestionEvents)
					.where(eq(suggestionEvents.suggestionId, mine[0].id))
					.orderBy(suggestionEvents.id)
			).map((e) => e.kind);
			expect(kinds).toEqual([
				'split',
				'categorise',
				'assign',
				'status',
				'close',
				'comment',
				'reopen',
				'close',
				'publish'
			]);
			const audited = await db
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.entity, 'suggestion'), eq(auditLog.entityId, String(mine[0].id))));
			expect(audited.length).toBe(kinds.length);
			expect(
				(await boardItems(db, campaignId, { categoryKey: 'voltage_grid' })).some(
					(b) => b.id === mine[0].id
				)
			).toBe(true);
		});

		it('merges suggestions into one that counts every proposer, and unmerges them exactly', async () => {
			const { db } = current();
			const rows = (await listQueue(db, reviewer, { campaignId, sort: 'old', pageSize: 3 })).rows;
			const before = await Promise.all(
				rows.map(async (r) =>
					(await getSuggestion(db, reviewer, r.id)).sources.map((s) => s.id).sort()
				)
			);
			const total = (await suggestionStats(db, campaignId)).total;
			await merge(
				db,
				reviewer,
				rows.map((r) => r.id),
				rows[0].id,
				'合并后的标题'
			);
			const merged = await getSuggestion(db, reviewer, rows[0].id);
			expect(merged.suggestion.title).toBe('合并后的标题');
			expect(merged.sources).toHaveLength(before.flat().length);
			expect((await suggestionStats(db, campaignId)).total).toBe(total - 2);
			await expect(getSuggestion(db, reviewer, rows[1].id)).rejects.toMatchObject({ status: 404 });

			await unmerge(db, reviewer, rows[0].id);
			expect((await suggestionStats(db, campaignId)).total).toBe(total);
			for (const [i, r] of rows.entries()) {
				expect((await getSuggestion(db, reviewer, r.id)).sources.map((s) => s.id).sort()).toEqual(
					before[i]
				);
			}
		});

		it('computes the weekly report exactly as SQL counts it', async () => {
			const { db } = current();
			const report = await weeklyReport(db, campaignId, '2014-04-16');
			expect([report.monday, report.sunday]).toEqual(['2014-04-14', '2014-04-20']);
			const from = "'2014-04-14'::timestamp at time zone 'Asia/Shanghai'";
			const to = "'2014-04-21'::timestamp at time zone 'Asia/Shanghai'";
			const [expected] = await queryRows<Record<string, number>>(
				db,
				sql.raw(`select
				(select count(*) from suggestions where campaign_id = ${campaignId} and merged_into is null and created_at >= ${from} and created_at < ${to})::int as new,
				(select count(distinct e.suggestion_id) from suggestion_events e join suggestions s on s.id = e.suggestion_id where s.campaign_id = ${campaignId} and s.merged_into is null and e.kind = 'categorise' and e.at >= ${from} and e.at < ${to})::int as categorised,
				(select count(distinct e.suggestion_id) from suggestion_events e join suggestions s on s.id = e.suggestion_id where s.campaign_id = ${campaignId} and s.merged_into is null and e.kind = 'assign' and e.at >= ${from} and e.at < ${to})::int as assigned,
				(select count(*) from suggestions where campaign_id = ${campaignId} and merged_into is null and status = 'resolved' and closed_at >= ${from} and closed_at < ${to})::int as resolved,
				(select count(*) from suggestions where campaign_id = ${campaignId} and merged_into is null and status = 'planned' and closed_at >= ${from} and closed_at < ${to})::int as planned,
				(select count(*) from suggestions where campaign_id = ${campaignId} and merged_into is null and deadline <= '2014-04-20' and created_at < ${to} and not (status in ('resolved','planned','not_adopted') and closed_at < ${to}))::int as overdue`)
			);
			expect(report.totals).toEqual(expected);
			expect(expected.categorised + expected.assigned + expected.resolved).toBeGreaterThan(0);
			for (const metric of [
				'new',
				'categorised',
				'assigned',
				'resolved',
				'planned',
				'overdue'
			] as const) {
				expect(report.byDepartment.reduce((s, r) => s + Number(r[metric]), 0)).toBe(
					expected[metric]
				);
				expect(report.byCategory.reduce((s, r) => s + Number(r[metric]), 0)).toBe(expected[metric]);
			}
			expect(report.closedItems.length).toBe(
				(
					await queryRows<{ n: number }>(
						db,
						sql.raw(
							`select count(*)::int as n from suggestions where campaign_id = ${campaignId} and merged_into is null and status in ('resolved','planned','not_adopted') and closed_at >= ${from} and closed_at < ${to}`
						)
					)
				)[0].n
			);
		});

		it('suggests categories learned from the decisions and finds likely duplicates', async () => {
			const { db } = current();
			const model = await categoriserSettled(db);
			expect(model.suggest('晚上电压太低，灯泡都不亮', 3)[0].category).toBe('voltage_grid');
			const rows = (await listQueue(db, reviewer, { campaignId, status: 'new' })).rows;
			const hints = await duplicateCandidates(
				db,
				campaignId,
				rows.map((r) => r.id)
			);
			expect(hints.size).toBe(rows.length);
			for (const list of hints.values()) {
				// Same wording is shown at any score; likely hints above the floor, then less likely
				// ones (never below the weak floor) in the places left.
				for (const h of list) {
					expect(h.likely).toBe(h.sameWords || h.score >= HINT_FLOOR);
					expect(h.score >= HINT_WEAK_FLOOR || h.sameWords).toBe(true);
				}
				const firstWeak = list.findIndex((h) => !h.likely);
				if (firstWeak >= 0) expect(list.slice(firstWeak).every((h) => !h.likely)).toBe(true);
			}
		});

		it('keeps the hint index between views, yet a new answer finds its twin and a merge shows at once', async () => {
			const { db } = current();
			const newest = async () => {
				const rows = (await listQueue(db, reviewer, { campaignId, status: 'new', sort: 'new' }))
					.rows;
				return rows[0].id;
			};
			const send = async (t: string, text: string) => {
				const version = await latestVersion(db, campaignId);
				const form = new FormData();
				form.set('submission_token', token(t));
				form.set('q_group', version!.questions.find((q) => q.type === 'group')!.options[2].id);
				form.set('q_supply', '2');
				form.set('q_service', '3');
				form.set('q_improve', text);
				expect((await submitPublicForm(db, 'liuyang-2014', form, '10.7.0.9')).kind).toBe('stored');
				return newest();
			};
			const text = '我们这个台区电压太低了，晚上冰箱都启动不了，空调也开不起来';
			const first = await send('t', text);
			// The index is built now, with the first answer in it.
			expect((await duplicateCandidates(db, campaignId, [first])).get(first)).toBeDefined();
			const second = await send('u', text);
			const hints = (await duplicateCandidates(db, campaignId, [second])).get(second) ?? [];
			expect(hints.map((h) => h.id)).toContain(first);

			// Merging the first into another suggestion takes it out of the hints at once.
			const queue = (await listQueue(db, reviewer, { campaignId, status: 'new' })).rows;
			const other = queue.find((r) => r.id !== first && r.id !== second)!.id;
			await merge(db, reviewer, [other, first], other, '电压太低');
			const after = (await duplicateCandidates(db, campaignId, [second])).get(second) ?? [];
			expect(after.map((h) => h.id)).not.toContain(first);
		});
	},
	{ demo: true }
);
