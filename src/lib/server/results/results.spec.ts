// The results of a campaign (issue 16) against recounts straight from the responses, on the demo.
import type { RequestEvent } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { GET } from '../../../routes/api/v1/campaigns/[slug]/results/+server';
import { createApiToken } from '../auth/api-tokens';
import type { Answers, Question } from '../../questionnaire/types';
import type { CampaignResults, QuestionResult, ResultsQuery } from '../../results/types';
import { getCampaign, latestVersion } from '../campaigns/queries';
import { queryRows, type Database } from '../db';
import { questionnaireVersions, responses } from '../db/schema';
import { generateReceiptCode } from '../intake/receipt-code';
import { Invalid } from '../platform/errors';
import { campaignStats } from '../returns/return-rate';
import { describeEachDatabase } from '../test/databases';
import { campaignResults, parseResultsQuery, readResultsQuery, resultsQuestions } from './results';

type Count = { k: string | null; v: string | null; n: number };

/** Answer values of one question per breakdown column, counted over the rows themselves. */
async function recount(
	db: Database,
	campaignId: number,
	questionId: string,
	where = sql`true`,
	by = sql`null::text`
): Promise<Map<string, number>> {
	const rows = await queryRows<Count>(
		db,
		sql`select ${by} as k, coalesce(x.v, r.answers ->> ${questionId}) as v, count(*)::int as n
			from responses r left join lateral jsonb_array_elements_text(
				case jsonb_typeof(r.answers -> ${questionId}) when 'array' then r.answers -> ${questionId} else '[]'::jsonb end
			) x(v) on true
			where r.campaign_id = ${campaignId} and r.answers ? ${questionId} and ${where}
			group by 1, 2`
	);
	return new Map(rows.map((r) => [`${r.k}|${r.v}`, Number(r.n)]));
}

const question = (results: CampaignResults, id: string): QuestionResult => {
	const q = results.questions.find((q) => q.id === id);
	if (!q) {
		throw new Error(`no question ${id}`);
	}
	return q;
};

/** Every number is a finite number, and the result survives JSON unchanged (NaN would not). */
function expectFinite(results: CampaignResults) {
	expect(JSON.parse(JSON.stringify(results))).toEqual(results);
	const walk = (value: unknown) => {
		if (typeof value === 'number') {
			expect(Number.isFinite(value)).toBe(true);
		} else if (value && typeof value === 'object') {
			Object.values(value).forEach(walk);
		}
	};
	walk(results);
}

const params = (query: string) => new URLSearchParams(query);

describeEachDatabase(
	'campaign results',
	(current) => {
		let campaignId = 0;
		let questions: Question[] = [];
		const results = (query: string) =>
			campaignResults(current().db, campaignId, readResultsQuery(params(query), questions));

		it('counts every response of the demo, and each question’s choices add up to those who answered', async () => {
			const { db } = current();
			campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			questions = await resultsQuestions(db, campaignId);
			const all = await results('');
			const stats = await campaignStats(db, campaignId);
			expect(all.n).toBe(stats.returned);
			expect(all.n).toBeGreaterThan(1000);
			expect(all.campaign).toEqual({ slug: 'liuyang-2014', title: expect.any(String) });
			expect(all.by).toBeNull();
			expect(all.minN).toBe(5);
			// Personal data is never read: the contact question is not there at all.
			expect(all.questions.map((q) => q.id)).toEqual([
				'group',
				'township',
				'supply',
				'service',
				'improve',
				'difficulty',
				'priorities',
				'unit'
			]);
			for (const q of all.questions) {
				expect(q.asked).toBe(all.n);
				expect(q.answered).toBeLessThanOrEqual(q.asked);
				expect(q.byBreakdown).toBeUndefined();
				const total = q.options.reduce((s, o) => s + o.count, 0);
				if (q.type === 'multiple') {
					expect(total).toBeGreaterThan(q.answered);
					for (const o of q.options) {
						expect(o.count).toBeLessThanOrEqual(q.answered);
					}
				} else if (q.options.length) {
					expect(total).toBe(q.answered);
					expect(q.options.reduce((s, o) => s + (o.share ?? 0), 0)).toBeCloseTo(1, 10);
				}
			}
			const supply = question(all, 'supply');
			expect(supply.options.map((o) => o.id)).toEqual(['1', '2', '3', '4', '5']);
			const counts = supply.options.map((o) => o.count);
			const mean = counts.reduce((s, c, i) => s + c * (i + 1), 0) / supply.answered;
			expect(supply.mean).toBeCloseTo(mean, 12);
			expect(supply.top2).toBeCloseTo((counts[3] + counts[4]) / supply.answered, 12);
			expect(question(all, 'improve').options).toEqual([]);
			expect(question(all, 'improve').answered).toBeGreaterThan(0);
			expect(question(all, 'improve').mean).toBeNull();
			expectFinite(all);

			// The same counts as a recount over the rows, for a choice, a rating and a multiple choice.
			for (const id of ['group', 'supply', 'priorities']) {
				const expected = await recount(db, campaignId, id);
				for (const o of question(all, id).options) {
					expect(o.count).toBe(expected.get(`null|${o.id}`) ?? 0);
				}
			}
		});

		it('filters by area and by group to the counts a recount of those rows gives', async () => {
			const { db } = current();
			const [area] = await queryRows<{ id: number; n: number }>(
				db,
				sql`select area_id as id, count(*)::int as n from responses where campaign_id = ${campaignId}
				and area_id is not null group by 1 order by 2 desc limit 1`
			);
			const [group] = await queryRows<{ key: string; id: number }>(
				db,
				sql`select g.key, g.id from responses r join respondent_groups g on g.id = r.group_id
				where r.campaign_id = ${campaignId} group by 1, 2 order by count(*) desc limit 1`
			);
			const byArea = await results(`area=${area.id}`);
			expect(byArea.n).toBe(Number(area.n));
			expect(byArea.filter).toEqual({ area: [Number(area.id)] });
			const both = await results(`area=${area.id}&group=${group.key}&channel=`);
			expect(both.filter).toEqual({ area: [Number(area.id)], group: [group.key] });
			for (const [result, where] of [
				[byArea, sql`r.area_id = ${area.id}`],
				[both, sql`r.area_id = ${area.id} and r.group_id = ${group.id}`]
			] as const) {
				const [{ n }] = await queryRows<{ n: number }>(
					db,
					sql`select count(*)::int as n from responses r where r.campaign_id = ${campaignId} and ${where}`
				);
				expect(result.n).toBe(Number(n));
				for (const id of ['supply', 'service', 'priorities', 'township']) {
					const expected = await recount(db, campaignId, id, where);
					const q = question(result, id);
					for (const o of q.options) {
						expect(o.count).toBe(expected.get(`null|${o.id}`) ?? 0);
					}
					if (q.type !== 'multiple') {
						expect(q.answered).toBe([...expected.values()].reduce((s, c) => s + c, 0));
					}
				}
				expectFinite(result);
			}
		});

		it('breaks every question down by area with each cell’s counts as a recount gives them', async () => {
			const { db } = current();
			const result = await results('by=area&min=20');
			expect(result.by).toBe('area');
			expect(result.minN).toBe(20);
			const areaNames = new Map(
				(await queryRows<{ id: number; name: string }>(db, sql`select id, name from areas`)).map(
					(a) => [String(a.id), a.name]
				)
			);
			for (const id of ['supply', 'priorities', 'group']) {
				const q = question(result, id);
				const expected = await recount(db, campaignId, id, sql`true`, sql`r.area_id::text`);
				expect(q.byBreakdown!.length).toBeGreaterThan(2);
				for (const cell of q.byBreakdown!) {
					expect(cell.label).toBe(cell.key === null ? '未填写' : areaNames.get(cell.key));
					for (const o of cell.options) {
						expect(o.count).toBe(expected.get(`${cell.key}|${o.id}`) ?? 0);
					}
					expect(cell.small).toBe(cell.n < 20);
					expect(cell.n).toBeLessThanOrEqual(cell.asked!);
				}
				// Cells add up to the whole.
				expect(q.byBreakdown!.reduce((s, c) => s + c.n, 0)).toBe(q.answered);
				expect(q.byBreakdown!.reduce((s, c) => s + c.asked!, 0)).toBe(q.asked);
			}
			const supply = question(result, 'supply');
			for (const cell of supply.byBreakdown!) {
				const mean =
					cell.options.reduce((s, o) => s + o.count * Number(o.id), 0) / Math.max(1, cell.n);
				expect(cell.mean).toBeCloseTo(mean, 12);
			}
			const withData = supply.byBreakdown!.filter((c) => c.key !== null && c.n > 0).length;
			expect(supply.test).toMatchObject({ kind: 'kruskal_wallis', df: withData - 1 });
			expect(supply.test!.p).toBeGreaterThanOrEqual(0);
			expect(supply.test!.p).toBeLessThanOrEqual(1);
			expect(question(result, 'group').test?.kind).toBe('chi_square');
			expect(question(result, 'priorities').test).toBeNull();
			expect(question(result, 'improve').test).toBeNull();
			expectFinite(result);

			const byGroup = await results('by=group');
			const cell = question(byGroup, 'supply').byBreakdown!.find((c) => c.key !== null)!;
			expect(cell.labelEn).toEqual(expect.any(String));
			const byChannel = await results('by=channel');
			expect(question(byChannel, 'supply').byBreakdown!.map((c) => c.key)).not.toContain(null);
		});

		it('gives zeros and nulls, never NaN, for a filter that leaves nothing', async () => {
			for (const query of [
				'from=2001-01-01&to=2001-01-31',
				'from=2001-01-01&to=2001-01-31&by=area'
			]) {
				const empty = await results(query);
				expect(empty.n).toBe(0);
				for (const q of empty.questions) {
					expect([q.answered, q.asked, q.mean, q.top2]).toEqual([0, 0, null, null]);
					for (const o of q.options) {
						expect([o.count, o.share]).toEqual([0, null]);
					}
					if (query.includes('by=')) {
						expect(q.byBreakdown).toEqual([]);
						expect(q.test).toBeNull();
					}
				}
				expectFinite(empty);
			}
		});

		it('lines questions up across versions and breaks down by a single-choice question', async () => {
			const { db } = current();
			const first = (await latestVersion(db, campaignId))!;
			// Version 2 drops the multiple choice, renames a rating and adds a single choice.
			const visited: Question = {
				...first.questions.find((q) => q.id === 'supply')!,
				id: 'visited',
				type: 'single',
				title: '台区经理上门走访过吗？',
				options: [
					{ id: 'yes', label: '走访过' },
					{ id: 'no', label: '没有' }
				]
			};
			const v2Questions = [
				...first.questions
					.filter((q) => q.id !== 'priorities')
					.map((q) => (q.id === 'supply' ? { ...q, title: '供电质量' } : q)),
				visited
			];
			const [v2] = await db
				.insert(questionnaireVersions)
				.values({ campaignId, version: 2, questions: v2Questions })
				.returning();
			const answers: Answers[] = [
				{ visited: 'yes', supply: 5 },
				{ visited: 'yes', supply: 4 },
				{ visited: 'yes', supply: 5 },
				{ visited: 'no', supply: 2 },
				{ visited: 'no', supply: 1 },
				{ visited: 'no', supply: 2 },
				{ supply: 3 }
			];
			await db.insert(responses).values(
				answers.map((a) => ({
					campaignId,
					versionId: v2.id,
					receiptCode: generateReceiptCode(),
					channel: 'online' as const,
					answers: a
				}))
			);
			questions = await resultsQuestions(db, campaignId);
			const all = await results('');
			expect(all.n).toBe((await campaignStats(db, campaignId)).returned);
			expect(question(all, 'supply').title).toBe('供电质量');
			expect(question(all, 'priorities').asked).toBe(all.n - answers.length);
			expect(question(all, 'visited')).toMatchObject({ asked: answers.length, answered: 6 });

			const onlyV2 = await results('version=2&by=question:visited&min=1');
			expect(onlyV2.n).toBe(answers.length);
			const supply = question(onlyV2, 'supply');
			expect(supply.byBreakdown!.map((c) => [c.key, c.label, c.n, c.mean])).toEqual([
				['yes', '走访过', 3, 14 / 3],
				['no', '没有', 3, 5 / 3],
				[null, '未填写', 1, 3]
			]);
			// Ranks of 1,2,2,4,5,5 (the unanswered cell is no group): 1 → 1, the 2s 2.5, 4 → 4, the 5s 5.5.
			// Rank sums 15 and 6; H = 12/42 · (15² + 6²)/3 − 21 = 3.857…, ties 1 − 12/210.
			const h = ((12 / 42) * ((15 * 15 + 6 * 6) / 3) - 21) / (1 - 12 / 210);
			expect(supply.test!.statistic).toBeCloseTo(h, 12);
			expect(supply.test!.df).toBe(1);
			expect(question(onlyV2, 'priorities')).toMatchObject({ asked: 0, answered: 0 });
			expectFinite(onlyV2);
		});

		it('refuses unknown questions, breakdowns and filter values', async () => {
			const bad = [
				'by=question:nope',
				'by=question:supply',
				'by=township',
				'by=',
				'from=2024-02-30',
				'to=yesterday',
				'from=2024-03-02&to=2024-03-01',
				'area=99999999999',
				'area=-1',
				'unit=abc',
				'version=0',
				'channel=fax',
				'min=0',
				'min=1e3'
			];
			for (const query of bad.filter((q) => q !== 'by=')) {
				expect(() => readResultsQuery(params(query), questions), query).toThrow(Invalid);
			}
			// An empty by is no breakdown, as an empty filter is no filter.
			expect(readResultsQuery(params('by=&area='), questions)).toEqual({ filter: {} });
			const { db } = current();
			// The same checks with the campaign's questions read from its versions.
			expect(await parseResultsQuery(db, campaignId, params('by=question:visited&min=3'))).toEqual({
				filter: {},
				by: 'question:visited',
				minN: 3
			});
			await expect(parseResultsQuery(db, campaignId, params('by=question:nope'))).rejects.toThrow(
				Invalid
			);
			const refused: ResultsQuery[] = [
				{ filter: { group: ['nobody'] } },
				{ filter: { area: [2_000_000_000] } },
				{ filter: { unit: [2_000_000_000] } },
				{ filter: { version: [9] } },
				{ filter: { area: [99_999_999_999] } },
				{ filter: { from: '2024-13-01' } },
				{ filter: {}, by: 'question:nope' },
				{ filter: {}, minN: 0 }
			];
			for (const query of refused) {
				await expect(campaignResults(db, campaignId, query), JSON.stringify(query)).rejects.toThrow(
					Invalid
				);
			}
		});

		it('answers the API with the same results, for a token with the results scope only', async () => {
			const { db } = current();
			const get = async (query: string, scopes: ('returns' | 'results')[]) => {
				const token = await createApiToken(db, null, {
					name: 'results',
					scopes,
					campaignId: null,
					expiresOn: null
				});
				const event = {
					locals: { db, readDb: db, user: null },
					params: { slug: 'liuyang-2014' },
					url: new URL(`http://localhost/api/v1/campaigns/liuyang-2014/results?${query}`),
					request: new Request('http://localhost/', {
						headers: { authorization: `Bearer ${token}` }
					})
				} as unknown as Parameters<typeof GET>[0] & RequestEvent;
				return GET(event);
			};
			const res = await get('by=group&area=1', ['results']);
			expect(res.status).toBe(200);
			const body = (await res.json()) as CampaignResults;
			expect(body).toEqual(
				JSON.parse(JSON.stringify(await results('by=group&area=1'))) as CampaignResults
			);
			expect(Object.keys(body).sort()).toEqual([
				'by',
				'campaign',
				'filter',
				'minN',
				'n',
				'questions',
				'satisfaction'
			]);
			await expect(get('', ['returns'])).resolves.toMatchObject({ status: 403 });
			await expect(get('by=question:nope', ['results'])).resolves.toMatchObject({ status: 400 });
		});
	},
	{ demo: true }
);
