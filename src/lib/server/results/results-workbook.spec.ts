import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { getCampaign } from '../campaigns/queries';
import { seedDemo } from '../demo/seed';
import { describeEachDatabase } from '../test/databases';
import { campaignResults, parseResultsQuery } from './results';
import { resultsWorkbook } from './results-workbook';

describeEachDatabase('results workbook', (current) => {
	it('holds the page’s numbers as numbers, a sheet per table kind, and no NaN for an empty filter', async () => {
		const { db } = current();
		await seedDemo(db, 'demo-password');
		const campaign = await getCampaign(db, 'liuyang-2014');
		const query = await parseResultsQuery(db, campaign.id, new URLSearchParams('by=group'));
		const results = await campaignResults(db, campaign.id, query);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await resultsWorkbook(results, 'zh-CN')) as unknown as ArrayBuffer);
		expect(workbook.worksheets.map((s) => s.name)).toEqual(['结果', '分组对比']);
		const rows = workbook.worksheets[0]
			.getSheetValues()
			.filter((row): row is ExcelJS.CellValue[] => Array.isArray(row));
		// Every option of every choice or rating question, with its count and share as numbers.
		for (const q of results.questions) {
			const start = rows.findIndex((row) => String(row[1]).endsWith(`. ${q.title}`));
			expect(start, q.title).toBeGreaterThanOrEqual(0);
			q.options.forEach((o, i) => {
				const row = rows[start + 3 + i];
				expect(row[2], `${q.title} ${o.id}`).toBe(o.count);
				if (o.share === null) expect(row[3] ?? null).toBeNull();
				else expect(row[3]).toBeCloseTo(o.share, 10);
			});
		}
		const rating = results.questions.find((q) => q.type === 'rating')!;
		const mean = rows.find((row) => row[1] === '平均分' && row[2] === rating.mean);
		expect(mean).toBeDefined();
		// The comparison sheet: one row per group with its n.
		const cross = workbook.worksheets[1]
			.getSheetValues()
			.filter((row): row is ExcelJS.CellValue[] => Array.isArray(row));
		const cells = rating.byBreakdown!;
		for (const cell of cells) {
			expect(
				cross.some(
					(row) => row[1] === (cell.key == null ? '未填写' : cell.label) && row[2] === cell.n
				)
			).toBe(true);
		}

		// A filter that leaves nothing: zeros and empty cells, never NaN.
		const none = await campaignResults(
			db,
			campaign.id,
			await parseResultsQuery(db, campaign.id, new URLSearchParams('from=2099-01-01'))
		);
		const empty = new ExcelJS.Workbook();
		await empty.xlsx.load((await resultsWorkbook(none, 'en')) as unknown as ArrayBuffer);
		const values = empty.worksheets[0]
			.getSheetValues()
			.flatMap((row) => (Array.isArray(row) ? row : []));
		expect(values.some((v) => typeof v === 'number' && !Number.isFinite(v))).toBe(false);
		expect(values.map(String).join(' ')).not.toContain('NaN');
		expect(empty.worksheets.map((s) => s.name)).toEqual(['Results']);
	});
});
