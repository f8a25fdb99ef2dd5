// Issue 17's first slice end to end on both databases: a questionnaire with every new type is
// answered through the public path and by paper entry; what is stored, what is refused (nothing
// stored, answers kept, a message at the field), and what the results and exports make of it.
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { messages } from '../../i18n';
import { getCampaign } from '../campaigns/queries';
import { queryRows, type Database } from '../db';
import { responses, users } from '../db/schema';
import { exportTable, toCsv } from '../responses/export';
import ExcelJS from 'exceljs';
import { filterNames, workbookResults } from '../results/report';
import { countedResults } from '../results/results';
import { resultsWorkbook } from '../results/results-workbook';
import { enterPaperForm } from '../returns/paper-entry';
import { describeEachDatabase } from '../test/databases';
import { openEveryTypeCampaign } from '../test/every-type';
import { findReceipt } from './receipt-lookup';
import { newSubmissionToken, submitPublicForm } from './public-form';

const SLUG = 'every-type';
let sent = 0;

function formOf(entries: [string, string][]): FormData {
	const form = new FormData();
	form.set('submission_token', newSubmissionToken());
	for (const [k, v] of entries) form.append(k, v);
	return form;
}

const submit = (db: Database, entries: [string, string][]) =>
	submitPublicForm(db, SLUG, formOf(entries), `10.17.0.${++sent}`);

async function storedAnswers(db: Database, receiptCode: string) {
	const { responseId } = (await findReceipt(db, receiptCode))!;
	const [row] = await db.select().from(responses).where(eq(responses.id, responseId));
	return row.answers;
}

const count = async (db: Database) =>
	(await db.select({ id: responses.id }).from(responses)).length;

describeEachDatabase('question types: recommendation, scales, number, date, other', (current) => {
	it('stores each type as its own kind of value', async () => {
		const { db } = current();
		await openEveryTypeCampaign(db, SLUG);
		const outcome = await submit(db, [
			['q_rec', '9'],
			['q_s3', '2'],
			['q_s5', '5'],
			['q_s7', '7'],
			['q_s10', '10'],
			['q_hours', '12'],
			['q_bill', '86.5'],
			['q_day', '2026-03-05'],
			['q_how', 'oth'],
			['q_how_other', '村里大喇叭'],
			['q_pay', 'bank'],
			['q_pay', 'else'],
			['q_pay_other', '供电所柜台，电话 13812345678']
		]);
		expect(outcome.kind).toBe('stored');
		if (outcome.kind !== 'stored') return;
		expect(await storedAnswers(db, outcome.receiptCode)).toEqual({
			rec: 9,
			s3: 2,
			s5: 5,
			s7: 7,
			s10: 10,
			hours: 12,
			bill: 86.5,
			day: '2026-03-05',
			how: 'oth',
			'how.other': '村里大喇叭',
			pay: ['bank', 'else'],
			'pay.other': '供电所柜台，电话 13812345678'
		});
	});

	it('refuses bad answers with a message at each field, the answers kept and nothing stored', async () => {
		const { db } = current();
		const before = await count(db);
		const outcome = await submit(db, [
			['q_rec', '11'],
			['q_s7', '8'],
			['q_hours', '721'],
			['q_bill', '很多'],
			['q_day', '2026-02-30'],
			['q_how', 'oth'],
			['q_how_other', ''],
			['q_pay', 'app'],
			['q_pay_other', '没勾其他']
		]);
		expect(outcome.kind).toBe('invalid');
		if (outcome.kind !== 'invalid') return;
		expect(outcome.errors).toEqual({
			rec: 'rating_range',
			s7: 'rating_range',
			hours: 'number_range',
			bill: 'number_format',
			day: 'date_invalid',
			how: 'other_text_required',
			pay: 'other_not_chosen'
		});
		expect(outcome.typed).toMatchObject({
			q_rec: '11',
			q_hours: '721',
			q_bill: '很多',
			q_day: '2026-02-30',
			q_how: 'oth',
			q_pay: ['app'],
			q_pay_other: '没勾其他'
		});
		expect(await count(db)).toBe(before);
	});

	it('paper entry stores what the web form stores, and refuses what it refuses', async () => {
		const { db } = current();
		const [clerk] = await db
			.insert(users)
			.values({ username: 'clerk-types', passwordHash: 'x', role: 'clerk' })
			.returning();
		const entry = (entries: [string, string][]) => {
			const form = formOf(entries);
			form.set('channel', 'paper');
			return enterPaperForm(db, SLUG, clerk.id, form);
		};
		const bad = await entry([
			['q_rec', '3'],
			['q_day', '2026-4-31'],
			['n_how', '3']
		]);
		expect(bad.kind).toBe('invalid');
		if (bad.kind === 'invalid') {
			expect(bad.errors).toEqual({ day: 'date_invalid', how: 'other_text_required' });
			expect(bad.typed).toMatchObject({ q_day: '2026-4-31', n_how: '3' });
		}
		const good = await entry([
			['q_rec', '3'],
			['q_s10', '4'],
			['q_hours', '０'],
			['q_day', '20260418'],
			['n_how', '3'],
			['q_how_other', '邻居告诉我'],
			['n_pay', '2']
		]);
		expect(good.kind).toBe('stored');
		if (good.kind !== 'stored') return;
		expect(await storedAnswers(db, good.receiptCode)).toEqual({
			rec: 3,
			s10: 4,
			hours: 0,
			day: '2026-04-18',
			how: 'oth',
			'how.other': '邻居告诉我',
			pay: ['app']
		});
	});

	it('results: the NPS and its groups, scales, numbers’ mean and median, dates by month, "other" texts', async () => {
		const { db } = current();
		// Seven more web answers: recommendations 10, 10, 8, 6, 0, 9, 7 besides 9 and 3 above.
		for (const [rec, s7, hours, day] of [
			['10', '1', '2', '2026-03-05'],
			['10', '2', '4', '2026-03-20'],
			['8', '3', '', '2026-05-01'],
			['6', '', '100', ''],
			['0', '7', '', ''],
			['9', '', '', ''],
			['7', '', '', '']
		]) {
			const outcome = await submit(db, [
				['q_rec', rec],
				['q_s7', s7],
				['q_hours', hours],
				['q_day', day],
				['q_how', 'sms']
			]);
			expect(outcome.kind).toBe('stored');
		}
		const campaign = await getCampaign(db, SLUG);
		const [scan, tallies] = await Promise.all(
			(['scan', 'tallies'] as const).map((source) =>
				countedResults(db, campaign.id, { filter: {} }, source)
			)
		);
		// The roll-up kept by the triggers and the scan of the responses agree.
		expect(tallies).toEqual(scan);
		const q = (id: string) => scan.questions.find((x) => x.id === id)!;

		// 9, 3, 10, 10, 8, 6, 0, 9, 7: promoters 4, passives 2, detractors 3 → (4 − 3) ÷ 9 = 11.
		expect(q('rec').nps).toEqual({ promoters: 4, passives: 2, detractors: 3, score: 11 });
		expect(q('rec').options.map((o) => o.id)).toEqual([...Array(11).keys()].map(String));
		expect(q('rec').mean).toBeCloseTo(62 / 9, 10);

		// Seven points: 7 (first form), 1, 2, 3, 7.
		expect(q('s7').options.map((o) => o.count)).toEqual([1, 1, 1, 0, 0, 0, 2]);
		expect(q('s7').mean).toBeCloseTo(20 / 5, 10);
		expect(q('s7').top2).toBeCloseTo(2 / 5, 10);
		expect(q('s3').options.map((o) => o.id)).toEqual(['1', '2', '3']);
		expect(q('s10').options).toHaveLength(10);

		// Hours: 12, 0 (paper), 2, 4, 100 → mean 23.6, median 4.
		expect(q('hours').numbers).toEqual({ mean: 23.6, median: 4, min: 0, max: 100 });
		expect(q('bill').numbers).toEqual({ mean: 86.5, median: 86.5, min: 86.5, max: 86.5 });

		// Days 03-05 (twice), 04-18 (paper), 03-20, 05-01.
		expect(q('day').options.map((o) => [o.id, o.count])).toEqual([
			['2026-03-05', 2],
			['2026-03-20', 1],
			['2026-04-18', 1],
			['2026-05-01', 1]
		]);
		expect(q('day').months?.map((o) => [o.id, o.count])).toEqual([
			['2026-03', 3],
			['2026-04', 1],
			['2026-05', 1]
		]);

		// The other option counts like any option; what was written is listed, newest first, masked.
		expect(q('how').options.find((o) => o.id === 'oth')?.count).toBe(2);
		expect(q('how').otherTexts).toEqual(['邻居告诉我', '村里大喇叭']);
		expect(q('pay').otherTexts).toHaveLength(1);
		expect(q('pay').otherTexts![0]).not.toContain('13812345678');
		expect(q('pay').otherTexts![0]).toContain('供电所柜台');
		// Texts never reach the roll-up: it holds question ids only.
		const keys = await queryRows<{ k: string }>(
			db,
			sql`select distinct question_id as k from answer_tallies where campaign_id = ${campaign.id} and question_id like '%.%'`
		);
		expect(keys).toEqual([]);

		// A breakdown by the choice question with "other" splits the recommendation.
		const split = await countedResults(db, campaign.id, { filter: {}, by: 'question:how' }, 'auto');
		const cells = split.questions.find((x) => x.id === 'rec')!.byBreakdown!;
		expect(cells.map((c) => [c.key, c.n, c.nps?.score])).toEqual([
			['sms', 7, Math.round(((3 - 2) / 7) * 100)],
			['oth', 2, 0]
		]);
	});

	it('exports keep numbers as numbers and write the "other" text beside its option', async () => {
		const { db } = current();
		const campaign = await getCampaign(db, SLUG);
		const table = await exportTable(db, campaign.id, messages('zh-CN'), false);
		const column = (title: string) => table.header.indexOf(title);
		const first = table.rows.find((r) => r[column('最近一次停电的日期')] === '2026-03-05')!;
		expect(first[column('您会向亲友推荐我们的供电服务吗？')]).toBe(9);
		expect(first[column('上月电费（元）')]).toBe(86.5);
		expect(first[column('您从哪里得知停电通知？')]).toBe('其他（请注明）：村里大喇叭');
		expect(first[column('您用哪些方式缴费？')]).toBe(
			'银行代扣；其他（请注明）：供电所柜台，电话 13812345678'
		);
		const csv = toCsv(table);
		expect(csv).toContain('其他（请注明）：村里大喇叭');
		expect(csv).toContain(',86.5,');
	});

	it('the results workbook holds the NPS and its groups, numbers’ median, months and "other" texts', async () => {
		const { db } = current();
		const campaign = await getCampaign(db, SLUG);
		const data = await workbookResults(db, campaign.id, { filter: {} });
		const buffer = await resultsWorkbook(data, await filterNames(db, data.overall), 'zh-CN');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
		const rows: unknown[][] = [];
		workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
		const row = (first: string) => rows.filter((r) => r[0] === first);
		expect(row('净推荐值')[0]).toEqual(['净推荐值', 11]);
		expect(row('推荐者（9–10 分）')[0].slice(0, 2)).toEqual(['推荐者（9–10 分）', 4]);
		expect(row('贬损者（0–6 分）')[0].slice(0, 2)).toEqual(['贬损者（0–6 分）', 3]);
		expect(row('中位数').map((r) => r[1])).toEqual([4, 86.5]);
		expect(row('2026-03').map((r) => r[1])).toEqual([3]);
		expect(row('邻居告诉我')).toHaveLength(1);
		expect(rows.flat().join(' ')).not.toContain('13812345678');
	});
});
