import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { expectFitsAndShoot, logIn } from './helpers';

const RESULTS = '/admin/campaigns/liuyang-2014/results';

test('an organiser reads what people answered, filters by township and compares by group', async ({
	page
}) => {
	// Two widths, print and English over charts: past 30 s on two busy cores.
	test.slow();
	await logIn(page, 'organiser1');
	await page.goto('/admin/campaigns/liuyang-2014');
	await page.getByRole('link', { name: '结果', exact: true }).click();
	await expect(page).toHaveURL(RESULTS);
	// Every returned form, as the return-rate dashboard and the API count them.
	const n = async () =>
		Number(/(\d+)/.exec((await page.getByTestId('results-n').textContent()) ?? '')?.[1]);
	const all = await n();
	const stats = await (await page.request.get('/api/v1/campaigns/liuyang-2014/stats')).json();
	expect(all).toBe(stats.returned);
	expect(all).toBeGreaterThanOrEqual(1640);
	// A rating question: its distribution, mean and top-2 share.
	await expect(page.getByText('平均分').first()).toBeVisible();
	await expect(page.getByText(/满意（4–5 分）占比/).first()).toBeVisible();

	// One township, compared by respondent group; the address carries it.
	await page.waitForLoadState('networkidle');
	await page.locator('select[name=area]').selectOption({ label: '张坊' });
	await page.locator('select[name=by]').selectOption({ value: 'group' });
	await page.getByRole('button', { name: '查看' }).click();
	await expect(page).toHaveURL(/area=\d+/);
	await expect(page).toHaveURL(/by=group/);
	const one = await n();
	expect(one).toBeGreaterThan(0);
	expect(one).toBeLessThan(all);
	const cross = page.locator('table.cross').first();
	await expect(cross).toBeVisible();
	await expect(cross).toContainText('电力客户');
	await expect(page.locator('[data-testid^="test-"]').first()).toContainText(/差异(不)?明显/);
	// The same view as a workbook.
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 Excel' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('liuyang-2014-results.xlsx');
	expect(file.url()).toMatch(
		/export\.xlsx\?.*area=\d+.*by=group|export\.xlsx\?.*by=group.*area=\d+/
	);
	await expectFitsAndShoot(page, 'results-zh');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('form.filters')).toBeHidden();
	await page.screenshot({ path: 'artifacts/screenshots/results-print.png', fullPage: true });
	await page.emulateMedia({ media: 'screen' });

	// In English: the page's words and group names in English, the campaign's own words marked.
	await page.goto(
		`/lang/en?next=${encodeURIComponent(page.url().replace(/^https?:\/\/[^/]+/, ''))}`
	);
	await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
	await expect(page.locator('table.cross').first()).toContainText('Electricity customer');
	await page.screenshot({ path: 'artifacts/screenshots/results-en-1280.png', fullPage: true });
	await page.goto('/lang/zh-CN?next=/admin');
});

/** A question's cross-table on the results page: per row, its name, n and the option counts. */
async function crossTable(page: Page, title: string) {
	const table = page
		.locator('section.question', { has: page.getByRole('heading', { name: title }) })
		.locator('table.cross');
	const rows = await table.locator('tbody tr').all();
	return Promise.all(
		rows.map(async (row) => {
			const cells = await row.locator('th, td').allTextContents();
			return {
				name: cells[0].trim(),
				n: Number(cells[1]),
				counts: cells.slice(2, 7).map((c) => Number(/^\s*(\d+)/.exec(c)?.[1]))
			};
		})
	);
}

/** A sheet's rows as arrays of cell values (index 0 is column A). */
function sheetRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
	const rows: ExcelJS.CellValue[][] = [];
	sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
	return rows;
}

test('an organiser prints a township’s results by group and opens the same figures in Excel', async ({
	page
}) => {
	// The page, the report, a PDF, a workbook and two widths: over 30 s on two busy cores.
	test.slow();
	await logIn(page, 'organiser1');
	await page.goto(RESULTS);
	await page.waitForLoadState('networkidle');
	await page.locator('select[name=area]').selectOption({ label: '张坊' });
	await page.locator('select[name=by]').selectOption({ value: 'group' });
	await page.getByRole('button', { name: '查看' }).click();
	await expect(page).toHaveURL(/area=\d+.*by=group/);
	const n = Number(/(\d+)/.exec((await page.getByTestId('results-n').textContent()) ?? '')?.[1]);
	expect(n).toBeGreaterThan(0);
	const rating = '您对供电质量的满意程度';
	const onPage = await crossTable(page, rating);
	expect(onPage.length).toBeGreaterThan(1);
	expect(onPage.reduce((sum, row) => sum + row.n, 0)).toBeLessThanOrEqual(n);
	// The rating by group as stacked bars (1–5 as shares), the table beside it.
	const chart = page.getByRole('img', { name: `${rating}：各分组的评分构成（图；数字见表格）` });
	await expect(chart).toBeVisible();
	await expect(chart.locator('canvas')).toBeVisible();

	// The printable report of the same view.
	await page.getByRole('link', { name: '打印版报告' }).click();
	await expect(page).toHaveURL(/\/results\/report\?.*area=\d+.*by=group/);
	const stats = await (await page.request.get('/api/v1/campaigns/liuyang-2014/stats')).json();
	await expect(page.getByTestId('report-return-rate')).toHaveText(
		`${(stats.returnRate * 100).toFixed(1)}%`
	);
	await expect(page.getByTestId('report-issued')).toHaveText(String(stats.issued));
	await expect(page.getByTestId('report-n')).toHaveText(String(n));
	await expect(page.locator('ul.filter')).toContainText('乡镇（街道）：张坊');
	await expect(page.locator('ul.filter')).toContainText('分组对比：对象类别');
	await expect(page.locator('table.categories tbody tr').first()).toBeVisible();
	const questions = await page.locator('section.question').count();
	expect(questions).toBeGreaterThanOrEqual(5);
	// The printed charts are static SVG bars, not canvases.
	const stacked = page.getByRole('img', { name: new RegExp(`${rating}：各分组的评分构成`) });
	await expect(stacked.locator('svg').first()).toBeVisible();
	await expect(page.locator('.report canvas')).toHaveCount(0);
	await expectFitsAndShoot(page, 'results-report');

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
	await page.screenshot({ path: 'artifacts/screenshots/results-report-print.png', fullPage: true });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	writeFileSync('artifacts/results-report.pdf', pdf);
	const text = pdf.toString('latin1');
	// A4 is 595 × 842 points.
	const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text)!;
	expect(Math.round(Number(box[1]))).toBe(595);
	expect(Math.round(Number(box[2]))).toBe(842);
	// The cover and a page per question; a long table may take a second page, no more.
	const pages = text.match(/\/Type\s*\/Page[^s]/g)!.length;
	expect(pages).toBeGreaterThanOrEqual(1 + questions);
	expect(pages).toBeLessThanOrEqual(1 + 2 * questions);
	await page.emulateMedia({ media: 'screen' });

	// The workbook of the same view: its numbers are the page's.
	await page.getByRole('link', { name: '返回结果页' }).click();
	await expect(page).toHaveURL(/\/results\?.*by=group/);
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 Excel' }).click();
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(await (await download).path());
	expect(workbook.worksheets.map((s) => s.name)).toEqual([
		'总体结果',
		'按对象类别',
		'按乡镇',
		'按单位',
		'按渠道',
		'满意度指数'
	]);
	const overall = sheetRows(workbook.worksheets[0]);
	expect(overall[1][0]).toBe('乡镇（街道）：张坊');
	expect(overall[2][0]).toBe(`筛选范围内共 ${n} 份问卷。每道题的比例按作答人数计算。`);
	const byGroup = sheetRows(workbook.getWorksheet('按对象类别')!);
	const title = byGroup.findIndex((row) => String(row[0]).endsWith(`. ${rating}`));
	expect(title).toBeGreaterThan(0);
	onPage.forEach((row, i) => {
		const cells = byGroup[title + 2 + i];
		expect(cells[0]).toBe(row.name);
		expect(cells[1]).toBe(row.n);
		expect(cells.slice(2, 7)).toEqual(row.counts);
	});

	// The report in English: its words, the filter and the group names in English.
	const report = `${RESULTS}/report${new URL(page.url()).search}`;
	await page.goto(`/lang/en?next=${encodeURIComponent(report)}`);
	await expect(page.getByText('Results report', { exact: true })).toBeVisible();
	await expect(page.locator('ul.filter')).toContainText('Township (street): 张坊');
	await expect(page.locator('ul.filter')).toContainText('Compare by: Respondent group');
	await expect(page.locator('table.cross').first()).toContainText('Electricity customer');
	await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
	await page.screenshot({
		path: 'artifacts/screenshots/results-report-en-1280.png',
		fullPage: true
	});
	await page.goto('/lang/zh-CN?next=/admin');
});

test('a filter naming nothing is refused with a message; one that leaves nothing says so', async ({
	page
}) => {
	await logIn(page, 'leader1');
	const unknown = await page.goto(`${RESULTS}?by=question:nope`);
	expect(unknown?.status()).toBe(400);
	const empty = await page.goto(`${RESULTS}?from=2030-01-01`);
	expect(empty?.status()).toBe(200);
	await expect(page.getByRole('status')).toContainText('筛选范围内没有问卷');
	await expect(page.locator('body')).not.toContainText('NaN');
	// The printed report and the workbook of an empty filter: zeros and dashes, never NaN.
	await page.goto(`${RESULTS}/report?from=2030-01-01&by=group`);
	await expect(page.getByRole('status')).toContainText('筛选范围内没有问卷');
	await expect(page.getByTestId('report-n')).toHaveText('0');
	await expect(page.locator('body')).not.toContainText(/NaN|Infinity/);
	const emptyXlsx = await page.request.get(`${RESULTS}/export.xlsx?from=2030-01-01&by=group`);
	expect(emptyXlsx.status()).toBe(200);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load((await emptyXlsx.body()) as unknown as ArrayBuffer);
	for (const sheet of workbook.worksheets) {
		const values = sheetRows(sheet).flat();
		expect(values.some((v) => typeof v === 'number' && !Number.isFinite(v))).toBe(false);
		expect(values.map(String).join(' ')).not.toMatch(/NaN|Infinity/);
	}
	// A clerk enters forms but does not read results.
	await page.context().clearCookies();
	await logIn(page, 'clerk1');
	expect((await page.goto(RESULTS))?.status()).toBe(403);
});
