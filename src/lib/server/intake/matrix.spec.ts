// The matrix question end to end on both databases: stored the same through the SvelteKit route's
// service and the fast path scripts/serve.mjs puts in front of it; refused (answers kept, a
// message at the field, nothing stored) for a point outside the scale, a statement the question
// lacks, a statement answered twice and a required matrix half answered; entered from paper; and
// counted per statement in the results, the API's shape, the responses export and the workbook.
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { messages } from '../../i18n';
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
import { openMatrixCampaign } from '../test/matrix';
import { submitPublicForm } from './public-form';

const SLUG = 'matrix';
let client = 0;

const submit = (db: Database, fields: [string, string][]) =>
	submitPublicForm(db, SLUG, formData(withToken(fields)), `10.19.1.${++client}`);

const count = responseCount;

const FILLED: [string, string][] = [
	['q_svc.fix', '5'],
	['q_svc.bill', '2'],
	['q_town.volt', '10'],
	['q_town.cut', '7'],
	['q_idea', '希望多巡线']
];

describeEachDatabase('matrix question', (current) => {
	it('stores the same answers through the route and the fast path', async () => {
		const { db } = current();
		await openMatrixCampaign(db, SLUG);
		const before = await count(db);
		const routed = await submit(db, FILLED);
		expect(routed.kind).toBe('stored');
		const fast = await postThroughFastPath(db, SLUG, withToken(FILLED));
		if (fast === 'handed to SvelteKit') throw new Error('the fast path did not take it');
		expect(fast.status).toBe(303);
		const fastCode = /r=([0-9A-Z]{8})/.exec(fast.location)![1];
		const expected = {
			svc: { fix: 5, bill: 2 },
			town: { volt: 10, cut: 7 },
			idea: '希望多巡线'
		};
		expect(await storedAnswers(db, routed.kind === 'stored' ? routed.receiptCode : '')).toEqual(
			expected
		);
		expect(await storedAnswers(db, fastCode)).toEqual(expected);
		expect(await count(db)).toBe(before + 2);
	});

	it.each([
		['a point outside the scale', [['q_svc.fix', '6']], 'svc', 'rating_range'],
		['a statement the question lacks', [['q_svc.gone', '3']], 'svc', 'matrix_unknown_statement'],
		[
			'a statement answered twice',
			[
				['q_svc.fix', '3'],
				['q_svc.fix', '4']
			],
			'svc',
			'matrix_duplicate'
		],
		['a required matrix half answered', [['q_town.volt', '9']], 'town', 'matrix_incomplete']
	] as [string, [string, string][], string, string][])(
		'refuses %s: a message at the field, answers kept, nothing stored, on both paths',
		async (_, bad, question, error) => {
			const { db } = current();
			const before = await count(db);
			// The rest of the form is fine (the half-answered case brings its own row of the matrix).
			const fields: [string, string][] =
				question === 'town'
					? [['q_svc.fix', '4'], ...bad, ['q_idea', '留着']]
					: [...bad, ['q_town.volt', '9'], ['q_town.cut', '8'], ['q_idea', '留着']];
			const outcome = await submit(db, fields);
			expect(outcome.kind).toBe('invalid');
			if (outcome.kind !== 'invalid') return;
			expect(outcome.errors).toEqual({ [question]: error });
			expect(outcome.typed).toMatchObject({ 'q_town.volt': '9', q_idea: '留着' });
			// The fast path takes only the plain successful case: the route answers this one.
			expect(await postThroughFastPath(db, SLUG, withToken(fields))).toBe('handed to SvelteKit');
			expect(await count(db)).toBe(before);
		}
	);

	it('paper entry stores a box per statement as the web form would, and refuses what it refuses', async () => {
		const { db } = current();
		const [clerk] = await db
			.insert(users)
			.values({ username: 'clerk-matrix', passwordHash: 'x', role: 'clerk' })
			.returning();
		const entry = (fields: [string, string][]) => {
			const form = formData(withToken(fields));
			form.set('channel', 'paper');
			return enterPaperForm(db, SLUG, clerk.id, form);
		};
		const bad = await entry([
			['q_svc.fix', '8'],
			['q_town.volt', '3'],
			['q_town.cut', '4']
		]);
		expect(bad.kind).toBe('invalid');
		if (bad.kind === 'invalid') {
			expect(bad.errors).toEqual({ svc: 'rating_range' });
			expect(bad.typed).toMatchObject({ 'q_svc.fix': '8' });
		}
		const good = await entry([
			['q_svc.fix', '4'],
			['q_svc.staff', '４'],
			['q_svc.bill', ''],
			['q_town.volt', '3'],
			['q_town.cut', '4']
		]);
		expect(good.kind).toBe('stored');
		if (good.kind !== 'stored') return;
		expect(await storedAnswers(db, good.receiptCode)).toEqual({
			svc: { fix: 4, staff: 4 },
			town: { volt: 3, cut: 4 }
		});
	});

	it('results: per statement the count of each point and the mean, from either source alike', async () => {
		const { db } = current();
		const campaign = await getCampaign(db, SLUG);
		const [scan, tallies] = await Promise.all(
			(['scan', 'tallies'] as const).map((source) =>
				countedResults(db, campaign.id, { filter: {} }, source)
			)
		);
		expect(tallies).toEqual(scan);
		const svc = scan.questions.find((q) => q.id === 'svc')!;
		// Stored: fix 5, bill 2 (twice, route and fast path); fix 4, staff 4 (paper).
		expect(svc.answered).toBe(3);
		expect(svc.asked).toBe(3);
		expect(svc.matrix?.map((s) => [s.id, s.label, s.answered, s.mean])).toEqual([
			['fix', '抢修及时', 3, 14 / 3],
			['staff', '员工态度', 1, 4],
			['bill', '电费清楚', 2, 2]
		]);
		expect(svc.matrix![0].options.map((o) => [o.id, o.count])).toEqual([
			['1', 0],
			['2', 0],
			['3', 0],
			['4', 1],
			['5', 2]
		]);
		expect(svc.matrix![0].options[4].share).toBeCloseTo(2 / 3, 10);
		const town = scan.questions.find((q) => q.id === 'town')!;
		expect(town.matrix![0].options).toHaveLength(10);
		expect(town.matrix!.map((s) => s.mean)).toEqual([(10 + 10 + 3) / 3, (7 + 7 + 4) / 3]);
		// A breakdown does not split a matrix: its figures stay those of the whole filter.
		const split = await countedResults(db, campaign.id, { filter: {}, by: 'channel' }, 'auto');
		const splitSvc = split.questions.find((q) => q.id === 'svc')!;
		expect(splitSvc.byBreakdown).toBeUndefined();
		expect(splitSvc.matrix).toEqual(svc.matrix);
		// Filtered to the paper form only.
		const paper = await countedResults(db, campaign.id, { filter: { channel: ['paper'] } }, 'auto');
		expect(paper.questions.find((q) => q.id === 'svc')!.matrix!.map((s) => s.answered)).toEqual([
			1, 1, 0
		]);
	});

	it('the responses export has a number column per statement; the workbook a row per statement', async () => {
		const { db } = current();
		const campaign = await getCampaign(db, SLUG);
		const table = await exportTable(db, campaign.id, messages('zh-CN'), false);
		const column = (title: string) => table.header.indexOf(title);
		expect(column('请为供电服务的各方面打分 — 抢修及时')).toBeGreaterThan(0);
		const paperRow = table.rows.find(
			(r) => r[column('请为供电服务的各方面打分 — 员工态度')] === 4
		)!;
		expect(paperRow[column('请为供电服务的各方面打分 — 抢修及时')]).toBe(4);
		expect(paperRow[column('请为供电服务的各方面打分 — 电费清楚')]).toBe('');
		expect(paperRow[column('请评价本村的用电情况 — 停电少')]).toBe(4);
		expect(toCsv(table)).toContain('请为供电服务的各方面打分 — 电费清楚');

		const data = await workbookResults(db, campaign.id, { filter: {} });
		const buffer = await resultsWorkbook(data, await filterNames(db, data.overall), 'en');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
		const rows: unknown[][] = [];
		workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
		const fix = rows.find((r) => r[0] === '抢修及时')!;
		// Statement, answered, counts of 1–5, shares of 1–5, mean.
		expect(fix.slice(0, 7)).toEqual(['抢修及时', 3, 0, 0, 0, 1, 2]);
		expect(fix.at(-1)).toBeCloseTo(14 / 3, 10);
		expect(rows.some((r) => r[0] === 'Statement' && r.at(-1) === 'Mean')).toBe(true);
	});
});
