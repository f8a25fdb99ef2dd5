// The per-answer roll-up of the results (answer_tallies, kept by the triggers of drizzle/0012)
// against a full recount written here in TypeScript from the responses and their versions, after
// every kind of change: the demo's bulk insert, random inserts over two versions, a public
// submission, corrections through the responses room's service, a suggestion merge, multi-row
// updates and deletes. Then campaignResults counted from the tallies against the scan of the
// responses for filters and breakdowns, and the migration's backfill of data stored before it.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../domain';
import type { Answer, Answers, Question } from '../../questionnaire/types';
import { getCampaign, latestVersion } from '../campaigns/queries';
import { queryRows, type Database } from '../db';
import {
	areas,
	questionnaireVersions,
	respondentGroups,
	responses,
	suggestions,
	units,
	users
} from '../db/schema';
import { createPrng } from '../insight/prng';
import { submitPublicForm } from '../intake/public-form';
import { Invalid } from '../platform/errors';
import { correctResponse } from '../responses/corrections';
import { merge } from '../suggestions/workflow';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { withBackfill } from '../test/older-schema';
import { countedResults, readResultsQuery, resultsQuestions } from './results';

type Key = string;
const TEXT = new Set(['short_text', 'long_text', 'suggestion']);

/** The tally table as the results read it: one count per key, zero counts left out. */
async function tallied(db: Database): Promise<Map<Key, number>> {
	const rows = await queryRows<{ k: string; n: number }>(
		db,
		sql`select concat_ws('|', campaign_id, version_id, to_char(month, 'YYYY-MM'), coalesce(group_id::text, '-'),
				coalesce(area_id::text, '-'), coalesce(unit_id::text, '-'), channel, coalesce(question_id, '-'),
				coalesce(value, '-')) as k, sum(n)::int as n
			from answer_tallies group by 1 having sum(n) <> 0`
	);
	return new Map(rows.map((r) => [r.k, Number(r.n)]));
}

/** The value texts one answer counts under, as jsonb would print them. */
function valuesOf(answer: Answer): string[] {
	if (Array.isArray(answer)) {
		return answer.length
			? answer.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
			: ['[]'];
	}
	return typeof answer === 'string' || typeof answer === 'number' ? [String(answer)] : [];
}

/**
 * Every response read back and counted here: per campaign, version, China-time month, group, area,
 * unit and channel, the responses, those that answered each multiple-choice or text question of
 * their version, and each value of its other (non-contact) questions.
 */
async function recount(db: Database): Promise<Map<Key, number>> {
	const versions = new Map(
		(await db.select().from(questionnaireVersions)).map((v) => [
			v.id,
			new Map(v.questions.map((q: Question) => [q.id, q.type]))
		])
	);
	const rows = await db
		.select({
			campaignId: responses.campaignId,
			versionId: responses.versionId,
			groupId: responses.groupId,
			areaId: responses.areaId,
			unitId: responses.unitId,
			channel: responses.channel,
			answers: responses.answers,
			submittedAt: responses.submittedAt
		})
		.from(responses);
	const counts = new Map<Key, number>();
	const add = (key: Key) => counts.set(key, (counts.get(key) ?? 0) + 1);
	for (const r of rows) {
		// China has kept UTC+8 all year since 1991.
		const month = new Date(r.submittedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
		const cell = [
			r.campaignId,
			r.versionId,
			month,
			r.groupId ?? '-',
			r.areaId ?? '-',
			r.unitId ?? '-',
			r.channel
		].join('|');
		add(`${cell}|-|-`);
		const types = versions.get(r.versionId)!;
		for (const [id, answer] of Object.entries(r.answers as Answers)) {
			const type = types.get(id);
			if (!type || type === 'contact') {
				continue;
			}
			if (
				(type === 'multiple' || TEXT.has(type)) &&
				!['', null].includes(answer as never) &&
				!(Array.isArray(answer) && !answer.length)
			) {
				add(`${cell}|${id}|-`);
			}
			if (!TEXT.has(type)) {
				valuesOf(answer).forEach((v) => add(`${cell}|${id}|${v}`));
			}
		}
	}
	return counts;
}

async function expectTalliesMatch(db: Database) {
	const [got, want] = await Promise.all([tallied(db), recount(db)]);
	expect(got.size).toBeGreaterThan(0);
	expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...want].sort()));
}

describeEachDatabase(
	'answer tallies',
	(current) => {
		let campaignId = 0;
		let v1Questions: Question[] = [];
		let v2Id = 0;

		it('match a full recount after the demo is seeded', async () => {
			const { db } = current();
			campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			v1Questions = (await latestVersion(db, campaignId))!.questions;
			await expectTalliesMatch(db);
		}, 120_000);

		it('follow random inserts over two versions and months, and a public submission', async () => {
			const { db } = current();
			const random = createPrng(20261202);
			const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
			// Version 2: a new single choice, "difficulty" gone, and a short text.
			const v2Questions: Question[] = [
				...v1Questions.filter((q) => q.id !== 'difficulty'),
				{
					...v1Questions.find((q) => q.id === 'priorities')!,
					id: 'visited',
					type: 'single',
					title: '是否到过营业厅',
					maxPicks: 0,
					options: [
						{ id: 'yes', label: '是' },
						{ id: 'no', label: '否' }
					]
				},
				{ ...v1Questions.find((q) => q.id === 'improve')!, id: 'where', type: 'short_text' }
			];
			const [v2] = await db
				.insert(questionnaireVersions)
				.values({ campaignId, version: 2, questions: v2Questions })
				.returning();
			v2Id = v2.id;
			const [v1] = await db
				.select()
				.from(questionnaireVersions)
				.where(eq(questionnaireVersions.campaignId, campaignId))
				.orderBy(asc(questionnaireVersions.version))
				.limit(1);
			const ids = async (table: typeof respondentGroups | typeof areas | typeof units) =>
				(await db.select({ id: table.id }).from(table)).map((r) => r.id);
			const [groupIds, areaIds, unitIds] = await Promise.all([
				ids(respondentGroups),
				ids(areas),
				ids(units)
			]);
			const orNull = (xs: number[]) => (random() < 0.15 ? null : pick(xs));
			const answer = (q: Question): Answer | undefined => {
				if (random() < 0.15) {
					return undefined;
				}
				switch (q.type) {
					case 'rating':
						// Stored as a number by the form; a string from elsewhere counts the same.
						return random() < 0.1
							? String(1 + Math.floor(random() * 5))
							: 1 + Math.floor(random() * 5);
					case 'multiple': {
						const picked = q.options.filter(() => random() < 0.35).map((o) => o.id);
						return random() < 0.05 ? [] : picked;
					}
					case 'contact':
						return { name: '张三', phone: '13800000000' };
					case 'short_text':
					case 'long_text':
					case 'suggestion':
						return random() < 0.3 ? '' : `意见 ${Math.floor(random() * 1000)}`;
					default:
						return q.options.length ? pick(q.options).id : undefined;
				}
			};
			const rows = Array.from({ length: 600 }, (_, i) => {
				const version = random() < 0.5 ? v1 : v2;
				const answers: Answers = {};
				for (const q of version.questions) {
					const a = answer(q);
					if (a !== undefined) {
						answers[q.id] = a;
					}
				}
				if (random() < 0.05) {
					answers.unknown_question = 'x';
				}
				// Around the months' edges in China time (UTC+8): 16:00 UTC on the last day is the next month.
				const month = 3 + Math.floor(random() * 5);
				const submittedAt = new Date(
					Date.UTC(2014, month, 0, 12 + Math.floor(random() * 8), Math.floor(random() * 60))
				);
				return {
					campaignId,
					versionId: version.id,
					receiptCode: `TALLY${String(i).padStart(6, '0')}`,
					channel: pick(CHANNELS),
					groupId: orNull(groupIds),
					areaId: orNull(areaIds),
					unitId: orNull(unitIds),
					answers,
					submittedAt
				};
			});
			for (let i = 0; i < rows.length; i += 150) {
				await db.insert(responses).values(rows.slice(i, i + 150));
			}
			await expectTalliesMatch(db);

			// Through the public form, as a respondent sends it (into the campaign's newest version, 2).
			const form = new FormData();
			form.set('submission_token', 't'.repeat(32));
			form.set('q_group', v1Questions.find((q) => q.id === 'group')!.options[1].id);
			form.set('q_supply', '2');
			form.set('q_service', '4');
			form.append('q_priorities', 'repair');
			form.append('q_priorities', 'voltage');
			form.set('q_visited', 'yes');
			form.set('q_improve', '抄表时间不固定');
			expect((await submitPublicForm(db, 'liuyang-2014', form, '10.7.0.1')).kind).toBe('stored');
			await expectTalliesMatch(db);
		});

		it('follow corrections through the correction service, a merge, multi-row updates and deletes', async () => {
			const { db } = current();
			const [clerk] = await db
				.insert(users)
				.values({ username: 'tally-clerk', passwordHash: 'x', role: 'clerk' })
				.returning();
			const [organiser] = await db
				.insert(users)
				.values({ username: 'tally-org', passwordHash: 'x', role: 'organiser' })
				.returning();
			// A correction that moves a typed-in response to another group and changes its answers.
			const [typed] = await queryRows<{ id: number; group_id: number | null }>(
				db,
				sql`select id, group_id from responses where campaign_id = ${campaignId} and form_code_id is null
				and version_id <> ${v2Id} and group_id is not null order by id limit 1`
			);
			const groupOptions = v1Questions.find((q) => q.type === 'group')!.options;
			const other = groupOptions.find((o) => Number(o.id.slice(1)) !== Number(typed.group_id))!;
			const corrected = new FormData();
			corrected.set('q_group', other.id);
			corrected.set('q_supply', '1');
			corrected.set('q_service', '5');
			corrected.append('q_priorities', 'payment');
			const outcome = await correctResponse(
				db,
				clerk,
				campaignId,
				Number(typed.id),
				false,
				corrected
			);
			expect(outcome.errors).toEqual({});
			const [moved] = await db
				.select()
				.from(responses)
				.where(eq(responses.id, Number(typed.id)));
			expect(moved.groupId).not.toBe(Number(typed.group_id));
			expect(moved.answers.supply).toBe(1);
			await expectTalliesMatch(db);
			// One that clears answers (an organiser, who may also edit the contact).
			const cleared = new FormData();
			cleared.set('q_group', groupOptions[0].id);
			cleared.set('q_supply', '3');
			cleared.set('q_service', '3');
			const [second] = await queryRows<{ id: number }>(
				db,
				sql`select id from responses where campaign_id = ${campaignId} and version_id <> ${v2Id}
				and answers ? 'priorities' and id <> ${typed.id} order by id desc limit 1`
			);
			expect(
				(await correctResponse(db, organiser, campaignId, Number(second.id), false, cleared)).errors
			).toEqual({});
			await expectTalliesMatch(db);

			// A merge of suggestions (it changes no response; the tallies must stay as they are).
			const reviewer = await makeActor(db, 'tally-rev', 'reviewer', null);
			const open = await db
				.select({ id: suggestions.id })
				.from(suggestions)
				.where(and(eq(suggestions.campaignId, campaignId), isNull(suggestions.mergedInto)))
				.orderBy(suggestions.id)
				.limit(3);
			await merge(
				db,
				reviewer,
				open.map((s) => s.id),
				open[0].id,
				'合并'
			);
			await expectTalliesMatch(db);

			// Statements the app does not make: many responses moved at once, an update that changes nothing.
			await db.execute(sql`update responses set channel = case when channel = 'online' then 'visit' else 'online' end,
			submitted_at = submitted_at - interval '20 days', unit_id = null, area_id = (select min(id) from areas),
			answers = answers - 'supply' || jsonb_build_object('service', 2)
			where id in (select id from responses where campaign_id = ${campaignId} order by id desc limit 60)`);
			await db.execute(
				sql`update responses set answers = answers where id in (select id from responses order by id limit 30)`
			);
			await expectTalliesMatch(db);

			await db.execute(sql`delete from responses where id in (select r.id from responses r
			where not exists (select 1 from suggestion_items i where i.response_id = r.id)
			and not exists (select 1 from response_revisions v where v.response_id = r.id)
			and r.form_code_id is null order by r.id desc limit 45)`);
			await expectTalliesMatch(db);
		});

		it('would notice a missed change: the recount differs with any one trigger off', async () => {
			const { db } = current();
			const probe = new Error('rolled back');
			const change = {
				insert: sql`insert into responses (campaign_id, version_id, receipt_code, channel, answers)
				select campaign_id, version_id, 'PROBE', channel, answers from responses where campaign_id = ${campaignId} order by id limit 1`,
				update: sql`update responses set answers = answers || '{"supply": 5}'::jsonb, group_id = null
				where id = (select min(id) from responses where answers ->> 'supply' <> '5' and group_id is not null)`,
				delete: sql`delete from responses where id = (select max(r.id) from responses r
				where not exists (select 1 from suggestion_items i where i.response_id = r.id)
				and not exists (select 1 from response_revisions v where v.response_id = r.id) and r.form_code_id is null)`
			};
			for (const [op, statement] of Object.entries(change)) {
				await expect(
					db.transaction(async (tx) => {
						await tx.execute(
							sql.raw(`alter table responses disable trigger responses_answer_tally_${op}`)
						);
						await tx.execute(statement);
						expect(await tallied(tx)).not.toEqual(await recount(tx));
						throw probe;
					})
				).rejects.toBe(probe);
			}
			await expectTalliesMatch(db);
		});

		it('give campaignResults the same results as the scan of the responses', async () => {
			const { db } = current();
			const questions = await resultsQuestions(db, campaignId);
			const [area, otherArea] = await queryRows<{ id: number }>(
				db,
				sql`select area_id as id from responses where campaign_id = ${campaignId} and area_id is not null
				group by 1 order by count(*) desc limit 2`
			);
			const [unit] = await queryRows<{ id: number }>(
				db,
				sql`select unit_id as id from responses where campaign_id = ${campaignId} and unit_id is not null
				group by 1 order by count(*) desc limit 1`
			);
			const [group] = await db
				.select()
				.from(respondentGroups)
				.orderBy(respondentGroups.id)
				.limit(1);
			const covered = [
				'',
				'by=group',
				`area=${area.id}`,
				`area=${area.id}&by=group`,
				`area=${area.id}&area=${otherArea.id}&group=${group.key}&by=channel`,
				`channel=online&channel=paper&by=area&min=3`,
				`unit=${unit.id}&by=group`,
				'version=2&by=unit',
				'version=1&by=area',
				'from=2014-04-01&to=2014-05-31&by=group',
				'from=2014-06-01',
				'to=2014-04-30&by=channel',
				`from=2014-03-01&to=2014-08-31&group=${group.key}&by=area`,
				`area=${area.id}&version=1&by=group`
			];
			const withTallies = async (query: string) =>
				countedResults(
					db,
					campaignId,
					readResultsQuery(new URLSearchParams(query), questions),
					'tallies'
				);
			const scanned = async (query: string) =>
				countedResults(
					db,
					campaignId,
					readResultsQuery(new URLSearchParams(query), questions),
					'scan'
				);
			for (const query of covered) {
				const fromTallies = await withTallies(query);
				expect(fromTallies.n, query).toBeGreaterThan(0);
				expect(fromTallies, query).toEqual(await scanned(query));
			}
			// A breakdown by a question, or days inside a month: the tallies cannot say; the scan answers.
			for (const query of ['by=question:visited', 'from=2014-04-02', 'to=2014-05-30&by=group']) {
				await expect(withTallies(query)).rejects.toThrow(Invalid);
				expect(
					await countedResults(
						db,
						campaignId,
						readResultsQuery(new URLSearchParams(query), questions),
						'auto'
					)
				).toEqual(await scanned(query));
			}
		});
	},
	{ demo: true }
);

// The migration fills the tallies from the responses already there: migrate to 0011, seed, migrate on.
describe('answer tallies: backfill', () => {
	for (const kind of ['pglite', 'postgres'] as const) {
		it.skipIf(kind === 'postgres' && !process.env.TEST_DATABASE_URL)(
			`fills the tallies of the responses stored before it [${kind}]`,
			() =>
				withBackfill(
					kind,
					'0012',
					async (db) => {
						const [{ t }] = await queryRows<{ t: string | null }>(
							db,
							sql`select to_regclass('answer_tallies')::text as t`
						);
						expect(t).toBeNull();
					},
					async (db) => {
						expect((await tallied(db)).size).toBeGreaterThan(100);
						await expectTalliesMatch(db);
					}
				),
			// A database of its own, migrated twice, with the demo seeded in between.
			120_000
		);
	}
});
