// The statistics roll-ups (response_tallies, suggestion_tallies, kept by the triggers of
// drizzle/0008) against a full recount of the base tables, after every kind of change the app
// makes (submissions, corrections, merges, status changes) and some it does not (multi-row
// updates and deletes in SQL); and the statistics services against the full-scan queries they
// replaced. The migration's backfill is checked on data that existed before it.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getCampaign, latestVersion } from '../campaigns/queries';
import { queryRows, type Database } from './';
import { categories, responses, suggestionItems, suggestions, units, users } from './schema';
import { submitPublicForm } from '../intake/public-form';
import { correctResponse } from '../responses/corrections';
import { getResponseRecord } from '../responses/records';
import { campaignStats } from '../returns/return-rate';
import type { Actor } from '../suggestions/actor';
import { suggestionStats } from '../suggestions/reports';
import { addDays, weeklyReport } from '../suggestions/weekly';
import { assign, categorise, merge, setStatus, split, unmerge } from '../suggestions/workflow';
import { describeEachDatabase } from '../test/databases';
import { withBackfill } from '../test/older-schema';
import {
	recountResponses,
	recountReturns,
	recountSuggestions,
	recountSuggestionStats,
	recountWeek,
	tallies
} from '../test/recount';
import { makeActor } from '../test/actors';

const token = (c: string) => c.repeat(32);

async function expectTalliesMatch(db: Database) {
	expect(await tallies(db, 'response_tallies')).toEqual(await recountResponses(db));
	expect(await tallies(db, 'suggestion_tallies')).toEqual(await recountSuggestions(db));
}

/** The services' figures equal the full-scan queries they replaced. */
async function expectServicesMatch(db: Database, campaignId: number, weeks: string[]) {
	const stats = await campaignStats(db, campaignId);
	const direct = await recountReturns(db, campaignId);
	expect(stats.returned).toBe(direct.returned);
	expect(stats.byDay).toEqual(direct.byDay);
	expect(
		stats.byChannel
			.filter((c) => c.returned > 0)
			.map((c) => ({ key: c.key, returned: c.returned }))
			.sort((a, b) => a.key!.localeCompare(b.key!))
	).toEqual(direct.byChannel);
	for (const part of [stats.byGroup, stats.byUnit, stats.byArea]) {
		expect(part.reduce((s, r) => s + r.returned, 0)).toBe(direct.returned);
	}

	const s = await suggestionStats(db, campaignId);
	const r = await recountSuggestionStats(db, campaignId);
	expect([s.total, s.rawAnswers, s.overdue, s.planExpired, s.resolved, s.closed]).toEqual([
		r.totals.total,
		r.totals.raw,
		r.totals.overdue,
		r.totals.plan_expired,
		r.totals.resolved,
		r.totals.closed
	]);
	expect(s.medianDaysToClose).toBe(
		r.totals.median == null ? null : Math.round(Number(r.totals.median) * 10) / 10
	);
	const counted = (rows: { key: string | null; count: number }[]) =>
		rows
			.filter((x) => x.count > 0)
			.map((x) => ({ key: x.key, count: x.count }))
			.sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
	expect(counted(s.byCategory)).toEqual(counted(r.byCategory));
	expect(counted(s.byNature)).toEqual(counted(r.byNature));
	expect(counted(s.byStatus)).toEqual(counted(r.byStatus));
	expect(counted(s.byDepartment)).toEqual(counted(r.byDepartment));
	expect(counted(s.overdueByDepartment)).toEqual(counted(r.overdueByDepartment));

	for (const week of weeks) {
		const { overdueTotal, closedTotal, planExpiredTotal, ...report } = await weeklyReport(
			db,
			campaignId,
			week,
			{
				listLimit: null
			}
		);
		const expected = await recountWeek(db, campaignId, week);
		expect(report).toEqual(expected);
		expect([overdueTotal, closedTotal, planExpiredTotal]).toEqual([
			expected.overdueItems.length,
			expected.closedItems.length,
			expected.planExpiredItems.length
		]);
	}
}

describeEachDatabase(
	'statistics roll-ups',
	(current) => {
		let campaignId = 0;
		let reviewer: Actor;
		let handler: Actor;
		let weeks: string[] = [];

		it('match a full recount after the demo is seeded, and so do the statistics', async () => {
			const { db } = current();
			campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			const [marketing] = await db.select().from(units).where(eq(units.name, '营销部'));
			const make = (username: string, role: 'reviewer' | 'handler', unitId: number | null) =>
				makeActor(db, username, role, unitId);
			reviewer = await make('rollup-rev', 'reviewer', null);
			handler = await make('rollup-ha', 'handler', marketing.id);
			// Every week the demo's suggestions were created, worked on or closed in, and this one.
			const [span] = await queryRows<{ first: string; last: string }>(
				db,
				sql`select to_char(min(created_at), 'YYYY-MM-DD') as first,
				to_char(greatest(max(closed_at), max(deadline)::timestamptz), 'YYYY-MM-DD') as last from suggestions`
			);
			for (let d = span.first; d <= span.last; d = addDays(d, 7)) weeks.push(d);
			weeks = [...weeks.filter((_, i) => i % 2 === 0), new Date().toISOString().slice(0, 10)];
			expect((await tallies(db, 'response_tallies')).length).toBeGreaterThan(50);
			await expectTalliesMatch(db);
			await expectServicesMatch(db, campaignId, weeks);
		});

		it('follow submissions, corrections that move a response, multi-row updates and deletes', async () => {
			const { db } = current();
			const version = await latestVersion(db, campaignId);
			const groupQuestion = version!.questions.find((q) => q.type === 'group')!;
			for (const [i, improve] of [
				'',
				'希望抄表员上门前先打电话',
				'线路老化，雷雨天经常跳闸'
			].entries()) {
				const form = new FormData();
				for (const [k, v] of Object.entries({
					submission_token: token(String.fromCharCode(97 + i)),
					q_group: groupQuestion.options[i].id,
					q_supply: '3',
					q_service: '4',
					q_improve: improve
				})) {
					form.set(k, v);
				}
				expect((await submitPublicForm(db, 'liuyang-2014', form, `10.6.0.${i}`)).kind).toBe(
					'stored'
				);
			}
			await expectTalliesMatch(db);

			// A clerk's correction moves a response to another group (the app's only UPDATE of responses).
			const [typed] = await queryRows<{ id: number; group_id: number | null }>(
				db,
				sql`select id, group_id from responses where campaign_id = ${campaignId} and form_code_id is null
				and group_id is not null order by id limit 1`
			);
			const record = await getResponseRecord(db, campaignId, Number(typed.id), {
				role: 'clerk'
			});
			const other = record.questions
				.find((q) => q.type === 'group')!
				.options.find((o) => Number(o.id.slice(1)) !== Number(typed.group_id))!;
			const form = new FormData();
			form.set('q_group', other.id);
			form.set('q_supply', '2');
			form.set('q_service', '5');
			const [clerk] = await db
				.insert(users)
				.values({ username: 'rollup-clerk', passwordHash: 'x', role: 'clerk' })
				.returning();
			const outcome = await correctResponse(db, clerk, campaignId, Number(typed.id), false, form);
			expect(outcome.errors).toEqual({});
			const [moved] = await db
				.select()
				.from(responses)
				.where(eq(responses.id, Number(typed.id)));
			expect(moved.groupId).not.toBe(Number(typed.group_id));
			await expectTalliesMatch(db);

			// One statement moving many responses across channels, days, units and areas; one that changes nothing counted.
			await db.execute(sql`update responses set channel = case when channel = 'online' then 'visit' else 'online' end,
			submitted_at = submitted_at - interval '9 days', unit_id = null, area_id = (select min(id) from areas)
			where id in (select id from responses where campaign_id = ${campaignId} order by id desc limit 40)`);
			await db.execute(
				sql`update responses set answers = answers where id in (select id from responses order by id limit 30)`
			);
			await expectTalliesMatch(db);

			// Deletes (the app never deletes a response; the roll-up must still follow).
			await db.execute(sql`delete from responses where id in (select r.id from responses r
			where not exists (select 1 from suggestion_items i where i.response_id = r.id)
			and not exists (select 1 from response_revisions v where v.response_id = r.id)
			and r.form_code_id is null order by r.id limit 25)`);
			await expectTalliesMatch(db);
			await expectServicesMatch(db, campaignId, weeks);
		});

		it('follow categorising, assigning, closing, reopening, splitting, merging and unmerging', async () => {
			const { db } = current();
			const open = await db
				.select()
				.from(suggestions)
				.where(
					and(
						eq(suggestions.campaignId, campaignId),
						isNull(suggestions.mergedInto),
						eq(suggestions.status, 'new')
					)
				)
				.orderBy(suggestions.id)
				.limit(8);
			expect(open.length).toBe(8);
			const ids = open.map((s) => s.id);
			const [payment] = await db.select().from(categories).where(eq(categories.key, 'payment'));
			await categorise(db, reviewer, ids, { categoryId: payment.id, nature: 'legacy' });
			// An overdue deadline for some, a future one for others.
			await assign(db, reviewer, ids.slice(0, 4), {
				departmentId: handler.unitId!,
				deadline: '2014-04-15'
			});
			await assign(db, reviewer, ids.slice(4), {
				departmentId: handler.unitId!,
				deadline: '2099-01-01'
			});
			await expectTalliesMatch(db);
			const close = { reply: '已处理', plan: '', targetDate: null, measures: '' };
			await setStatus(db, handler, ids[0], { ...close, status: 'resolved' });
			await setStatus(db, handler, ids[1], { ...close, status: 'in_progress' });
			await setStatus(db, reviewer, ids[2], {
				...close,
				status: 'planned',
				plan: '明年改造',
				targetDate: '2099-06-30'
			});
			await setStatus(db, handler, ids[2], { ...close, status: 'in_progress' }); // reopened
			await expectTalliesMatch(db);

			const [item] = await db
				.select()
				.from(suggestionItems)
				.where(eq(suggestionItems.suggestionId, ids[5]));
			await split(db, reviewer, item.id, ['第一件事', '第二件事']);
			await merge(db, reviewer, ids.slice(3, 6), ids[3], '合并');
			await expectTalliesMatch(db);
			await unmerge(db, reviewer, ids[3]);
			await expectTalliesMatch(db);
			await merge(db, reviewer, [ids[6], ids[7]], ids[6], '');
			await merge(db, reviewer, [ids[0], ids[6]], ids[0], ''); // re-points the earlier merge
			await expectTalliesMatch(db);

			// Rows the app does not delete: a suggestion, and raw answers.
			const [extra] = await db
				.insert(suggestions)
				.values({ campaignId, title: '临时', status: 'categorised', categoryId: payment.id })
				.returning();
			await expectTalliesMatch(db);
			await db.delete(suggestions).where(eq(suggestions.id, extra.id));
			await db.execute(
				sql`delete from suggestion_items where id in (select max(id) from suggestion_items)`
			);
			await expectTalliesMatch(db);
			await expectServicesMatch(db, campaignId, [...weeks, '2014-04-16']);
		});

		it('would notice a missed change: the recount differs when the UPDATE trigger is off', async () => {
			const { db } = current();
			const probe = new Error('rolled back');
			await expect(
				db.transaction(async (tx) => {
					await tx.execute(sql`alter table responses disable trigger responses_tally_update`);
					await tx.execute(
						sql`update responses set group_id = null where id = (select min(id) from responses where group_id is not null)`
					);
					expect(await tallies(tx, 'response_tallies')).not.toEqual(await recountResponses(tx));
					throw probe;
				})
			).rejects.toBe(probe);
			await expectTalliesMatch(db);
		});

		it('caps the weekly lists where asked, with the totals still counting all', async () => {
			const { db } = current();
			const full = await weeklyReport(db, campaignId, '2014-05-20', { listLimit: null });
			expect(full.overdueItems.length).toBeGreaterThan(2);
			const capped = await weeklyReport(db, campaignId, '2014-05-20', { listLimit: 2 });
			expect(capped.overdueItems).toEqual(full.overdueItems.slice(0, 2));
			expect(capped.overdueTotal).toBe(full.overdueItems.length);
			expect(capped.closedTotal).toBe(full.closedItems.length);
			expect(capped.closedItems).toEqual(full.closedItems.slice(0, 2));
			expect(capped.totals).toEqual(full.totals);
		});
	},
	{ demo: true }
);

// The migration fills the roll-ups from the rows already there: migrate to 0006, seed, migrate on.
describe('statistics roll-ups: backfill', () => {
	for (const kind of ['pglite', 'postgres'] as const) {
		it.skipIf(kind === 'postgres' && !process.env.TEST_DATABASE_URL)(
			`fills the tallies of responses and suggestions stored before it [${kind}]`,
			() =>
				withBackfill(
					kind,
					'0007',
					async (db) => {
						const [{ t }] = await queryRows<{ t: string | null }>(
							db,
							sql`select to_regclass('response_tallies')::text as t`
						);
						expect(t).toBeNull();
					},
					async (db) => {
						await expectTalliesMatch(db);
						expect((await tallies(db, 'suggestion_tallies')).length).toBeGreaterThan(20);
					}
				)
		);
	}
});
