// The satisfaction index (issue 16) on a small campaign whose figures are worked out by hand
// below, the flag it reads from the questionnaire, and the handler's view of their own unit.
import type { RequestEvent } from '@sveltejs/kit';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { GET } from '../../../routes/api/v1/campaigns/[slug]/results/+server';
import type { Answers, Question } from '../../questionnaire/types';
import type { CampaignResults } from '../../results/types';
import { createCampaign } from '../campaigns/campaigns';
import { getCampaign, latestVersion } from '../campaigns/queries';
import { publishQuestionnaire, saveDraft } from '../campaigns/questionnaire';
import type { Database } from '../db';
import { areas, responses, units } from '../db/schema';
import { generateReceiptCode } from '../intake/receipt-code';
import { Forbidden } from '../platform/errors';
import { describeEachDatabase } from '../test/databases';
import { scopeResultsQuery } from './access';
import { responsesInFilter } from './matching-responses';
import { campaignResults } from './results';
import { filterNames } from './report';
import { resultsWorkbook } from './results-workbook';

const base = { help: '', required: false, options: [], maxPicks: 0, lowLabel: '', highLabel: '' };
const QUESTIONS: Question[] = [
	{ ...base, id: 'township', type: 'area', title: '乡镇' },
	{ ...base, id: 'unit', type: 'unit', title: '单位' },
	{ ...base, id: 'q1', type: 'rating', title: '供电质量', satisfaction: true },
	{ ...base, id: 'q2', type: 'rating', title: '服务态度', satisfaction: true },
	{ ...base, id: 'q3', type: 'rating', title: '不计入的评分' },
	{ ...base, id: 'note', type: 'long_text', title: '其他意见' }
];

async function campaignWith(db: Database, slug: string, questions: Question[]) {
	const campaign = await createCampaign(db, null, {
		title: slug,
		slug,
		introduction: '',
		startsOn: null,
		endsOn: null,
		anonymous: true
	});
	expect((await saveDraft(db, null, slug, questions)).problems).toEqual([]);
	const version = await publishQuestionnaire(db, null, slug);
	return { campaign, version };
}

describeEachDatabase(
	'satisfaction index',
	(current) => {
		let campaignId = 0;
		let versionId = 0;
		const ids = { a: 0, b: 0, u1: 0, u2: 0 };

		it('keeps the flag through publishing, and only on a rating', async () => {
			const { db } = current();
			const [a, b] = await db.select().from(areas).orderBy(areas.id).limit(2);
			const [u1, u2] = await db.select().from(units).where(eq(units.kind, 'department')).limit(2);
			Object.assign(ids, { a: a.id, b: b.id, u1: u1.id, u2: u2.id });
			const { campaign, version } = await campaignWith(db, 'index-fixture', QUESTIONS);
			campaignId = campaign.id;
			versionId = version.id;
			const flags = (await latestVersion(db, campaignId))!.questions.map((q) => [
				q.id,
				q.satisfaction === true
			]);
			expect(flags).toEqual([
				['township', false],
				['unit', false],
				['q1', true],
				['q2', true],
				['q3', false],
				['note', false]
			]);
			// A choice question has no place on a 1–5 scale: the builder's save says so.
			const { problems } = await saveDraft(db, null, 'index-fixture', [
				...QUESTIONS,
				{
					...base,
					id: 'pick',
					type: 'single',
					title: '选择',
					satisfaction: true,
					options: [
						{ id: 'x', label: 'x' },
						{ id: 'y', label: 'y' }
					]
				}
			]);
			expect(problems).toEqual([{ index: 6, field: 'satisfaction', message: 'invalid' }]);
			// The refused draft was not stored: publishing again adds no version.
			expect((await publishQuestionnaire(db, null, 'index-fixture')).version).toBe(1);
			// Marking a question later is a change like any other: published, it makes version 2.
			const { campaign: later } = await campaignWith(
				db,
				'index-unmarked',
				QUESTIONS.map((q) => ({ ...q, satisfaction: false }))
			);
			expect((await latestVersion(db, later.id))!.questions.some((q) => q.satisfaction)).toBe(
				false
			);
			const marked = QUESTIONS.map((q) => ({ ...q, satisfaction: q.id === 'q3' }));
			expect((await saveDraft(db, null, 'index-unmarked', marked)).problems).toEqual([]);
			const v2 = await publishQuestionnaire(db, null, 'index-unmarked');
			expect(v2.version).toBe(2);
			expect(v2.questions.filter((q) => q.satisfaction).map((q) => q.id)).toEqual(['q3']);
			// Back to nothing marked, for the test below.
			await saveDraft(
				db,
				null,
				'index-unmarked',
				QUESTIONS.map((q) => ({ ...q, satisfaction: false }))
			);
			expect((await publishQuestionnaire(db, null, 'index-unmarked')).version).toBe(3);
		});

		it('is the mean of the respondents’ own 0–100 scores, ranked, with n and small cells', async () => {
			const { db } = current();
			const rows: { area: number | null; unit: number | null; answers: Answers }[] = [
				// (5, 4) → (100 + 75) / 2 = 87.5; q3 is not counted.
				{ area: ids.a, unit: ids.u1, answers: { q1: 5, q2: 4, q3: 1 } },
				// 3 → 50
				{ area: ids.a, unit: ids.u1, answers: { q1: 3, note: '电压低' } },
				// (1, 2) → (0 + 25) / 2 = 12.5
				{ area: ids.a, unit: ids.u2, answers: { q1: 1, q2: 2 } },
				// 5 → 100
				{ area: ids.b, unit: ids.u2, answers: { q2: 5, note: '' } },
				// Only the unmarked rating: no score, not counted.
				{ area: ids.b, unit: null, answers: { q3: 5 } },
				// 4 → 75; a value outside 1–5 is no answer.
				{ area: null, unit: ids.u1, answers: { q1: 4, q2: 9 } }
			];
			await db.insert(responses).values(
				rows.map((r) => ({
					campaignId,
					versionId,
					receiptCode: generateReceiptCode(),
					channel: 'online' as const,
					areaId: r.area,
					unitId: r.unit,
					answers: r.answers
				}))
			);
			const all = await campaignResults(db, campaignId, { filter: {}, minN: 2 });
			const s = all.satisfaction!;
			expect(s.questions).toEqual(['q1', 'q2']);
			// (87.5 + 50 + 12.5 + 100 + 75) / 5 = 65. (The mean of the two question means would be
			// ((3.25 − 1) / 4 · 100 + (3.667 − 1) / 4 · 100) / 2 = 61.46: not what is shown.)
			expect(s.overall.n).toBe(5);
			expect(s.overall.index).toBeCloseTo(65, 10);
			const cells = (list: typeof s.byArea) =>
				list.map((c) => [c.key, c.n, Number(c.index!.toFixed(6)), c.small, c.rank]);
			// Area a: (87.5 + 50 + 12.5) / 3 = 50; b: 100 from one person (small); none: 75.
			expect(cells(s.byArea)).toEqual([
				[String(ids.a), 3, 50, false, 1],
				[String(ids.b), 1, 100, true, null],
				[null, 1, 75, true, null]
			]);
			expect(s.byArea[2].label).toBe('未填写');
			// Unit 1: (87.5 + 50 + 75) / 3 = 70.833…; unit 2: (12.5 + 100) / 2 = 56.25.
			expect(cells(s.byUnit)).toEqual([
				[String(ids.u1), 3, 70.833333, false, 1],
				[String(ids.u2), 2, 56.25, false, 2]
			]);

			// The same filters as the rest of the results.
			const onlyB = (await campaignResults(db, campaignId, { filter: { area: [ids.b] } }))
				.satisfaction!;
			expect([onlyB.overall.n, onlyB.overall.index]).toEqual([1, 100]);
			expect(onlyB.byArea.map((c) => c.key)).toEqual([String(ids.b)]);

			// Nothing in the filter: no cells and no index — never NaN.
			const none = await campaignResults(db, campaignId, {
				filter: { from: '2001-01-01', to: '2001-01-02' }
			});
			expect(none.satisfaction).toEqual({
				questions: ['q1', 'q2'],
				byArea: [],
				byUnit: [],
				overall: { n: 0, index: null }
			});
			expect(JSON.stringify(none)).not.toContain('NaN');

			// The workbook's sheet: the same ranked rows, as numbers; nothing but words when empty.
			const sheetRows = async (r: CampaignResults) => {
				const book = new ExcelJS.Workbook();
				const bytes = await resultsWorkbook(
					{ overall: r, breakdowns: [] },
					await filterNames(db, r),
					'zh-CN'
				);
				await book.xlsx.load(bytes as unknown as ArrayBuffer);
				return book
					.getWorksheet('满意度指数')!
					.getSheetValues()
					.filter((row): row is ExcelJS.CellValue[] => Array.isArray(row))
					.map((row) => Array.from(row.slice(1), (v) => v ?? null));
			};
			const rowsOf = await sheetRows(all);
			const areaName = s.byArea[0].label;
			expect(rowsOf).toContainEqual([null, '总体', 5, 65]);
			expect(rowsOf).toContainEqual([1, areaName, 3, 50]);
			expect(rowsOf).toContainEqual([null, s.byArea[1].label, 1, 100, '样本太少']);
			expect(rowsOf.find((row) => row[1] === s.byUnit[1].label)).toEqual([
				2,
				s.byUnit[1].label,
				2,
				56.25
			]);
			const emptyRows = await sheetRows(none);
			expect(emptyRows).toContainEqual(['筛选范围内没有人回答计入满意度指数的题目。']);
			expect(emptyRows.flat().some((v) => typeof v === 'number' && !Number.isFinite(v))).toBe(
				false
			);
		});

		it('says no question is marked with no cells at all', async () => {
			const { db } = current();
			const unmarked = await getCampaign(db, 'index-unmarked');
			const r = await campaignResults(db, unmarked.id, { filter: {} });
			expect(r.satisfaction).toEqual({
				questions: [],
				byArea: [],
				byUnit: [],
				overall: { n: 0, index: null }
			});
		});

		it('finds the responses that answered a question, within the results filters', async () => {
			const { db } = current();
			const only = await responsesInFilter(db, campaignId, { area: [ids.a] }, 'note');
			const found = await db.select({ answers: responses.answers }).from(responses).where(only);
			// The empty text of area b's respondent is no answer; area b is outside the filter anyway.
			expect(found.map((r) => r.answers.note)).toEqual(['电压低']);
			const all = await db
				.select({ id: responses.id })
				.from(responses)
				.where(await responsesInFilter(db, campaignId, {}, 'q2'));
			expect(all).toHaveLength(4);
		});

		it('lets a handler read their own unit only, and only where the questionnaire asks for it', async () => {
			const { db } = current();
			const handler = { role: 'handler' as const, unitId: ids.u2 };
			const scoped = await scopeResultsQuery(db, campaignId, handler, { filter: {} });
			expect(scoped.filter.unit).toEqual([ids.u2]);
			const own = await campaignResults(db, campaignId, scoped);
			expect(own.n).toBe(2);
			expect(own.satisfaction!.byUnit.map((c) => c.key)).toEqual([String(ids.u2)]);
			expect(
				(await scopeResultsQuery(db, campaignId, handler, { filter: { unit: [ids.u2] } })).filter
			).toEqual({ unit: [ids.u2] });
			for (const unit of [[ids.u1], [ids.u1, ids.u2]]) {
				await expect(
					scopeResultsQuery(db, campaignId, handler, { filter: { unit } })
				).rejects.toThrow(Forbidden);
			}
			await expect(
				scopeResultsQuery(db, campaignId, { role: 'handler', unitId: null }, { filter: {} })
			).rejects.toThrow(Forbidden);
			await expect(
				scopeResultsQuery(db, campaignId, { role: 'clerk', unitId: ids.u2 }, { filter: {} })
			).rejects.toThrow(Forbidden);
			// Report readers and API tokens read everything they ask for.
			const wide = { filter: { unit: [ids.u1] } };
			expect(await scopeResultsQuery(db, campaignId, { role: 'leader' }, wide)).toEqual(wide);
			expect(await scopeResultsQuery(db, campaignId, null, wide)).toEqual(wide);
			// A questionnaire without a unit question: a response's unit would be a guess.
			const { campaign } = await campaignWith(
				db,
				'index-no-unit',
				QUESTIONS.filter((q) => q.type !== 'unit')
			);
			await expect(scopeResultsQuery(db, campaign.id, handler, { filter: {} })).rejects.toThrow(
				Forbidden
			);

			// The API answers a handler's session with their unit, and refuses another unit.
			const get = (query: string) =>
				GET({
					locals: { db, readDb: db, user: { id: 1, role: 'handler', unitId: ids.u2 } },
					params: { slug: 'index-fixture' },
					url: new URL(`http://localhost/api/v1/campaigns/index-fixture/results?${query}`),
					request: new Request('http://localhost/')
				} as unknown as Parameters<typeof GET>[0] & RequestEvent);
			const body = (await (await get('')).json()) as CampaignResults;
			expect([body.n, body.filter.unit]).toEqual([2, [ids.u2]]);
			expect(body.satisfaction!.overall.index).toBeCloseTo(56.25, 10);
			await expect(get(`unit=${ids.u1}`)).resolves.toMatchObject({ status: 403 });
		});
		it('gives the demo a real spread: the mountain townships of its complaints rank lowest', async () => {
			const { db } = current();
			const demo = await getCampaign(db, 'liuyang-2014');
			const s = (await campaignResults(db, demo.id, { filter: {} })).satisfaction!;
			expect(s.questions).toEqual(['supply', 'service']);
			const index = (name: string) => s.byArea.find((c) => c.label === name)!.index!;
			// Both sets of townships have a supply station, so each has over a hundred respondents.
			for (const remote of ['张坊', '大围山', '官渡']) {
				expect(index(remote)).toBeLessThan(index('沙市') - 10);
				expect(s.byUnit.find((c) => c.label === `${remote}供电所`)!.index!).toBeLessThan(
					s.byUnit.find((c) => c.label === '沙市供电所')!.index! - 10
				);
			}
			const ranked = s.byArea.filter((c) => c.rank !== null);
			expect(ranked.length).toBeGreaterThan(15);
			expect(ranked[0].index! - ranked[ranked.length - 1].index!).toBeGreaterThan(20);
			// Respondent groups differ too: employees are more satisfied than retirees.
			const group = async (key: string) =>
				(await campaignResults(db, demo.id, { filter: { group: [key] } })).satisfaction!.overall
					.index!;
			expect(await group('employee')).toBeGreaterThan((await group('retiree')) + 10);
		});
	},
	{ demo: true }
);
