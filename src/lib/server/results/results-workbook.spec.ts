import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { CampaignResults } from '../../results/types';
import { getCampaign } from '../campaigns/queries';
import { seedDemo } from '../demo/seed';
import { recordResponse } from '../intake/record-response';
import { demoResponses } from '../test/demo-response';
import { describeEachDatabase } from '../test/databases';
import { filterNames, workbookResults } from './report';
import { parseResultsQuery } from './results';
import { resultsWorkbook } from './results-workbook';

type Rows = ExcelJS.Row[];

async function open(buffer: Buffer) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
	return workbook;
}

const rowsOf = (sheet: ExcelJS.Worksheet): Rows => {
	const rows: Rows = [];
	sheet.eachRow((row) => rows.push(row));
	return rows;
};

/** The row whose first cell is a question's numbered title. */
const titleRow = (rows: Rows, index: number, title: string) =>
	rows.findIndex((row) => row.getCell(1).value === `${index + 1}. ${title}`);

/** A number cell holding `value` (null: an empty cell). */
function expectNumber(cell: ExcelJS.Cell, value: number | null, what: string) {
	if (value === null) {
		expect(cell.type, what).toBe(ExcelJS.ValueType.Null);
		return;
	}
	expect(cell.type, what).toBe(ExcelJS.ValueType.Number);
	expect(cell.value as number, what).toBeCloseTo(value, 10);
}

/** Every cross-table of a breakdown sheet against the service's figures. */
function expectCrossTables(
	sheet: ExcelJS.Worksheet,
	r: CampaignResults,
	labelOf: (key: string | null, label: string) => string,
	verdicts = { different: /差异明显/, notDifferent: /差异不明显/ }
) {
	const rows = rowsOf(sheet);
	let tables = 0;
	r.questions.forEach((q, i) => {
		const start = titleRow(rows, i, q.title);
		if (q.options.length === 0) {
			expect(start, `${q.title}: a text question has no cross-table`).toBe(-1);
			return;
		}
		tables++;
		const k = q.options.length;
		expect(rows[start + 1].getCell(2 + k + 1).value).toContain('%');
		q.byBreakdown!.forEach((cell, c) => {
			const row = rows[start + 2 + c];
			const what = `${sheet.name} ${q.id} ${cell.key}`;
			expect(row.getCell(1).value, what).toBe(labelOf(cell.key, cell.label));
			expectNumber(row.getCell(2), cell.n, `${what} n`);
			cell.options.forEach((o, j) => {
				expectNumber(row.getCell(3 + j), o.count, `${what} ${o.id}`);
				expectNumber(row.getCell(3 + k + j), o.share, `${what} ${o.id} %`);
				expect(row.getCell(3 + k + j).numFmt).toBe('0.0%');
			});
			if (q.type === 'rating') {
				expectNumber(row.getCell(3 + 2 * k), cell.mean, `${what} mean`);
			}
		});
		// The test in words after the table (and its notes).
		const after = rows
			.slice(start + 2 + q.byBreakdown!.length, start + 6 + q.byBreakdown!.length)
			.map((row) => String(row.getCell(1).value));
		if (q.test) {
			expect(after.join(' ')).toMatch(q.test.p < 0.05 ? verdicts.different : verdicts.notDifferent);
		}
	});
	return tables;
}

describeEachDatabase(
	'results workbook',
	(current) => {
		it('has the whole filter on one sheet and a cross-table sheet per breakdown, numbers as numbers equal to campaignResults', async () => {
			const { db } = current();
			const campaign = await getCampaign(db, 'liuyang-2014');
			// A respondent who left contact details: they never reach the workbook.
			const make = await demoResponses(db);
			const withContact = make('c'.repeat(32), '抄表时间能不能固定');
			await recordResponse(db, {
				...withContact,
				anonymous: false,
				parsed: { ...withContact.parsed, contact: { name: '王秀英', phone: '13907310042' } }
			});

			const query = await parseResultsQuery(
				db,
				campaign.id,
				new URLSearchParams('channel=online&channel=letter&by=group')
			);
			const data = await workbookResults(db, campaign.id, query);
			// The page's breakdown by group is one of the four sheets, not a fifth.
			expect(data.breakdowns.map((r) => r.by)).toEqual(['group', 'area', 'unit', 'channel']);
			const names = await filterNames(db, data.overall);
			const workbook = await open(await resultsWorkbook(data, names, 'zh-CN'));
			expect(workbook.worksheets.map((s) => s.name)).toEqual([
				'总体结果',
				'按对象类别',
				'按乡镇',
				'按单位',
				'按渠道',
				'满意度指数'
			]);
			// The first sheet: every option of every choice or rating question, for the whole filter.
			const overall = data.overall;
			expect(overall.by).toBeNull();
			expect(overall.n).toBeGreaterThan(0);
			const rows = rowsOf(workbook.worksheets[0]);
			expect(rows[1].getCell(1).value).toBe('渠道：网上链接，意见信函');
			for (const [i, q] of overall.questions.entries()) {
				const start = titleRow(rows, i, q.title);
				expect(start, q.title).toBeGreaterThanOrEqual(0);
				q.options.forEach((o, j) => {
					const row = rows[start + 3 + j];
					expectNumber(row.getCell(2), o.count, `${q.id} ${o.id}`);
					expectNumber(row.getCell(3), o.share, `${q.id} ${o.id} share`);
				});
				if (q.type === 'rating') {
					const mean = rows.slice(start).find((row) => row.getCell(1).value === '平均分')!;
					expectNumber(mean.getCell(2), q.mean, `${q.id} mean`);
				}
			}
			// Each breakdown sheet: the same filter, split, as the service splits it.
			const groupSheet = workbook.getWorksheet('按对象类别')!;
			expect(rowsOf(groupSheet)[1].getCell(1).value).toBe(
				'渠道：网上链接，意见信函；分组对比：对象类别'
			);
			data.breakdowns.forEach((r, s) => {
				const tables = expectCrossTables(workbook.worksheets[s + 1], r, (key, label) =>
					key == null ? '未填写' : label
				);
				expect(tables).toBeGreaterThan(0);
				expect(r.n).toBe(overall.n);
			});
			// Columns fit their tables: the label column wider than a number column, none absurd.
			const widths = groupSheet.columns.map((c) => c.width ?? 0);
			expect(widths[0]).toBeGreaterThan(widths[1]);
			expect(Math.max(...widths)).toBeLessThanOrEqual(40);

			// No personal data in any cell of any sheet.
			const text = workbook.worksheets
				.flatMap((sheet) => rowsOf(sheet).flatMap((row) => (row.values as unknown[]).map(String)))
				.join(' ');
			expect(text).not.toContain('13907310042');
			expect(text).not.toContain('王秀英');
			expect(text).not.toContain('联系方式');

			// English: sheet names and group names in English. A comparison by a question (the demo has
			// no single-choice one: the group sheet's figures stand in) is named after the question,
			// cut to Excel's 31 characters.
			const byQuestion = { ...data.breakdowns[0], by: 'question:supply' as const };
			const english = await open(
				await resultsWorkbook(
					{ ...data, breakdowns: [...data.breakdowns, byQuestion] },
					names,
					'en'
				)
			);
			expect(english.worksheets.map((s) => s.name)).toEqual([
				'All responses',
				'By group',
				'By township',
				'By unit',
				'By channel',
				'By 您对供电质量的满意程度',
				'Satisfaction index'
			]);
			expectCrossTables(
				english.getWorksheet('By group')!,
				data.breakdowns[0],
				(key, label) => {
					const cell = data.breakdowns[0].questions[0].byBreakdown!.find((c) => c.key === key);
					return key == null ? 'Not given' : (cell?.labelEn ?? label);
				},
				{ different: /The groups differ clearly/, notDifferent: /do not differ clearly/ }
			);
		});

		it('says a filter that leaves nothing, with zeros and empty cells — never NaN', async () => {
			const { db } = current();
			await seedDemo(db, 'demo-password');
			const campaign = await getCampaign(db, 'liuyang-2014');
			const query = await parseResultsQuery(
				db,
				campaign.id,
				new URLSearchParams('from=2099-01-01')
			);
			const data = await workbookResults(db, campaign.id, query);
			const workbook = await open(
				await resultsWorkbook(data, await filterNames(db, data.overall), 'en')
			);
			// The four breakdowns and the satisfaction index (the demo marks its two ratings).
			expect(workbook.worksheets).toHaveLength(6);
			for (const sheet of workbook.worksheets) {
				const values = rowsOf(sheet).flatMap((row) => (row.values as unknown[]).slice(1));
				expect(
					values.some((v) => typeof v === 'number' && !Number.isFinite(v)),
					sheet.name
				).toBe(false);
				expect(values.map(String).join(' '), sheet.name).not.toMatch(/NaN|Infinity/);
				expect(values.map(String).join(' '), sheet.name).toContain(
					sheet.name === 'Satisfaction index'
						? 'Nobody in the filter answered a question counted in the satisfaction index'
						: 'No forms in the filter'
				);
			}
			const counts = rowsOf(workbook.worksheets[0])
				.filter((row) => row.getCell(2).type === ExcelJS.ValueType.Number)
				.map((row) => row.getCell(2).value);
			expect(counts.length).toBeGreaterThan(0);
			expect(new Set(counts)).toEqual(new Set([0]));
		});
	},
	{ demo: true }
);
