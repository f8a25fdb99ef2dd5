// The ranking question (issue 17) end to end on both databases: the order is stored as the option
// ids in rank order through the SvelteKit route's service and the fast path alike, a bad ranking
// is refused with nothing stored and what was chosen kept, paper entry types it as option numbers
// in rank order, and the results give each option's mean place, ranked first and ranked at all —
// from the scan and the roll-up alike — on the page's data, in the API's shape, CSV and XLSX.
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { messages } from '../../i18n';
import { campaignResults as resultsSchema } from '../api/schemas';
import { getCampaign } from '../campaigns/queries';
import type { Database } from '../db';
import { users } from '../db/schema';
import { exportTable, toCsv } from '../responses/export';
import { filterNames, workbookResults } from '../results/report';
import { countedResults } from '../results/results';
import { resultsWorkbook } from '../results/results-workbook';
import { enterPaperForm } from '../returns/paper-entry';
import { describeEachDatabase } from '../test/databases';
import {
	formData,
	withToken,
	storedAnswers,
	responseCount,
	postThroughFastPath
} from '../test/public-submission';
import { openRankingCampaign } from '../test/ranking';
import { submitPublicForm } from './public-form';

const SLUG = 'ranking';
let client = 0;

const submit = (db: Database, fields: [string, string][]) =>
	submitPublicForm(db, SLUG, formData(withToken(fields)), `10.19.0.${++client}`);

const count = responseCount;

/** The four selects as the form posts them: "—" for the unranked, option:place for the others. */
const RANKED: [string, string][] = [
	['q_who', 'home'],
	['q_rk', 'price:2'],
	['q_rk', 'speed:1'],
	['q_rk', ''],
	['q_rk', 'power:3'],
	['q_s5', '4']
];

describeEachDatabase('ranking question', (current) => {
	it('stores the option ids in rank order, through the route and the fast path alike', async () => {
		const { db } = current();
		await openRankingCampaign(db, SLUG);
		const routed = await submit(db, RANKED);
		expect(routed.kind).toBe('stored');
		const fast = await postThroughFastPath(db, SLUG, withToken(RANKED));
		if (fast === 'handed to SvelteKit') throw new Error('the fast path did not take it');
		expect(fast.status).toBe(303);
		const fastCode = /r=([0-9A-Z]{8})/.exec(fast.location)![1];
		const expected = { who: 'home', rk: ['speed', 'price', 'power'], s5: 4 };
		expect(await storedAnswers(db, routed.kind === 'stored' ? routed.receiptCode : '')).toEqual(
			expected
		);
		expect(await storedAnswers(db, fastCode)).toEqual(expected);
	});

	it('refuses a repeat, a gap, a fourth place, an unknown option and none at all: nothing stored, the choices kept', async () => {
		const { db } = current();
		const before = await count(db);
		const cases: [[string, string][], string][] = [
			[
				[
					['q_rk', 'price:1'],
					['q_rk', 'speed:1']
				],
				'ranking_repeat'
			],
			[
				[
					['q_rk', 'price:1'],
					['q_rk', 'speed:3']
				],
				'ranking_gap'
			],
			[[['q_rk', 'price:4']], 'ranking_range'],
			[[['q_rk', 'ghost:1']], 'unknown_option'],
			[[['q_rk', '']], 'answer_required']
		];
		for (const [fields, error] of cases) {
			const outcome = await submit(db, [['q_who', 'firm'], ...fields]);
			expect(outcome.kind).toBe('invalid');
			if (outcome.kind !== 'invalid') continue;
			expect(outcome.errors).toEqual({ rk: error });
			expect(outcome.typed.q_who).toBe('firm');
			expect(outcome.typed.q_rk).toEqual(fields.map(([, v]) => v).filter(Boolean));
			// The fast path stores nothing either: it hands the post to the route, which says why.
			expect(await postThroughFastPath(db, SLUG, withToken([['q_who', 'firm'], ...fields]))).toBe(
				'handed to SvelteKit'
			);
		}
		expect(await count(db)).toBe(before);
	});

	it('paper entry: option numbers in rank order; a repeat refused with nothing stored', async () => {
		const { db } = current();
		const [clerk] = await db
			.insert(users)
			.values({ username: 'clerk-ranking', passwordHash: 'x', role: 'clerk' })
			.returning();
		const entry = (fields: [string, string][]) => {
			const form = formData(withToken(fields));
			form.set('channel', 'paper');
			return enterPaperForm(db, SLUG, clerk.id, form);
		};
		const before = await count(db);
		const bad = await entry([['n_rk', '4 4']]);
		expect(bad.kind).toBe('invalid');
		if (bad.kind === 'invalid') {
			expect(bad.errors).toEqual({ rk: 'ranking_repeat' });
			expect(bad.typed).toMatchObject({ n_rk: '4 4' });
		}
		expect(await count(db)).toBe(before);
		const good = await entry([
			['n_who', '2'],
			['n_rk', '4 1'],
			['q_s5', '2']
		]);
		expect(good.kind).toBe('stored');
		if (good.kind !== 'stored') return;
		expect(await storedAnswers(db, good.receiptCode)).toEqual({
			who: 'firm',
			rk: ['power', 'price'],
			s5: 2
		});
	});

	it('results: mean place, ranked first and ranked at all, from the scan and the roll-up alike', async () => {
		const { db } = current();
		// Besides speed>price>power twice (home) and power>price (firm, paper):
		await submit(db, [
			['q_who', 'firm'],
			['q_rk', 'price:1']
		]);
		await submit(db, [
			['q_who', 'home'],
			['q_rk', 'staff:1'],
			['q_rk', 'speed:2'],
			['q_rk', 'price:3']
		]);
		const campaign = await getCampaign(db, SLUG);
		const [scan, tallies] = await Promise.all(
			(['scan', 'tallies'] as const).map((source) =>
				countedResults(db, campaign.id, { filter: {} }, source)
			)
		);
		expect(tallies).toEqual(scan);
		const rk = scan.questions.find((q) => q.id === 'rk')!;
		// Five respondents ranked; places: price 2, 2, 2, 1, 3; speed 1, 1, 2; power 3, 3, 1; staff 1.
		expect(rk.answered).toBe(5);
		expect(rk.options.map((o) => [o.id, o.count, o.share])).toEqual([
			['price', 5, 1],
			['speed', 3, 3 / 5],
			['staff', 1, 1 / 5],
			['power', 3, 3 / 5]
		]);
		expect(rk.ranking?.places).toBe(3);
		expect(rk.ranking?.options.map((o) => [o.id, o.ranked, o.first, o.meanPlace])).toEqual([
			['price', 5, 1, 10 / 5],
			['speed', 3, 2, 4 / 3],
			['staff', 1, 1, 1],
			['power', 3, 1, 7 / 3]
		]);
		expect(rk.ranking?.options[0].firstShare).toBeCloseTo(1 / 5, 10);
		// The API's answer is this object: it holds to the documented schema, ranking included.
		expect(resultsSchema.safeParse(scan).success).toBe(true);

		// Broken down by who answered: each cell's respondents, not its ranked options.
		const split = await countedResults(db, campaign.id, { filter: {}, by: 'question:who' }, 'auto');
		const cells = split.questions.find((q) => q.id === 'rk')!.byBreakdown!;
		expect(cells.map((c) => [c.key, c.n])).toEqual([
			['home', 3],
			['firm', 2]
		]);
		expect(cells[1].options.find((o) => o.id === 'price')?.share).toBe(1);
	});

	it('exports: the order in words in the CSV, the places in the results workbook', async () => {
		const { db } = current();
		const campaign = await getCampaign(db, SLUG);
		const table = await exportTable(db, campaign.id, messages('zh-CN'), false);
		const column = table.header.indexOf('请选出您最看重的三项并排序');
		expect(table.rows.map((r) => r[column])).toContain('1. 抢修速度；2. 电价；3. 供电质量');
		expect(toCsv(table)).toContain('1. 供电质量；2. 电价');

		const data = await workbookResults(db, campaign.id, { filter: {} });
		const buffer = await resultsWorkbook(data, await filterNames(db, data.overall), 'zh-CN');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
		const rows: unknown[][] = [];
		workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
		const header = rows.findIndex((r) => r[1] === '平均名次');
		expect(header).toBeGreaterThan(0);
		expect(rows[header + 1]).toEqual(['电价', 2, 1, 0.2, 5]);
		expect(rows[header + 3]).toEqual(['服务态度', 1, 1, 0.2, 1]);
	});
});
