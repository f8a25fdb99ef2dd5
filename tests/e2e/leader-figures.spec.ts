import { expect, test, type Locator } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectFitsAndShoot, demoCampaign, logIn } from './helpers';

/** The body rows of a table as their cells' text. */
async function tableRows(table: Locator): Promise<string[][]> {
	return table
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()))
		);
}

const percent = (v: ExcelJS.CellValue) =>
	typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : String(v);

test('a leader reads the department figures and ranking, prints them and opens the same in Excel; a handler sees their own department', async ({
	page
}) => {
	// Two languages, two widths, print and a workbook: past 30 s on two busy cores.
	test.slow();
	await logIn(page, 'leader1');
	await page.goto(`/admin/reports?campaign=${await demoCampaign(page)}`);
	await page.getByRole('link', { name: '部室考核指标与排名' }).click();
	await expect(page).toHaveURL(/\/admin\/reports\/departments\?campaign=\d+/);
	await expect(page.getByRole('heading', { name: '考核排名' })).toBeVisible();
	await expect(page.getByTestId('formula')).toContainText('0.4 × 按期办结率');
	const ranking = page.getByTestId('ranking');
	const screen = await tableRows(ranking);
	expect(screen.length).toBeGreaterThan(1);
	// Ranked rows first, best score first, each rank one more than the number of better scores;
	// the not-ranked ones after them, marked.
	const ranked = screen.filter((r) => r[0] !== '—');
	expect(ranked.length).toBeGreaterThan(0);
	for (const r of ranked) {
		expect(Number(r[0])).toBe(1 + ranked.filter((x) => Number(x[2]) > Number(r[2])).length);
	}
	for (const r of screen.slice(ranked.length)) expect(r[6]).toBe('样本不足，不排名');
	await expect(page.getByRole('region', { name: '各责任部室指标' })).toBeVisible();

	// The workbook holds the same ranking as the screen.
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 Excel' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^departments-\d+-\d{4}-\d{2}-\d{2}\.xlsx$/);
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(await file.path());
	expect(workbook.worksheets.map((s) => s.name)).toEqual(['各责任部室指标', '考核排名']);
	const sheet: ExcelJS.CellValue[][] = [];
	workbook.worksheets[1].eachRow((row) => sheet.push((row.values as ExcelJS.CellValue[]).slice(1)));
	const fromSheet = sheet
		.slice(2, 2 + screen.length)
		.map((r) => [
			String(r[0]),
			String(r[1]),
			typeof r[2] === 'number' ? r[2].toFixed(1) : String(r[2]),
			percent(r[3]),
			percent(r[4]),
			percent(r[5]),
			r[6] == null ? '' : String(r[6])
		]);
	expect(fromSheet).toEqual(screen);
	await expectFitsAndShoot(page, 'leader-figures');

	// Printed: no menu or form, the tables whole.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('form.choose')).toBeHidden();
	await page.screenshot({ path: 'artifacts/screenshots/leader-figures-print.png', fullPage: true });
	await page.emulateMedia({ media: 'screen' });

	// Across every campaign, and in English.
	await page.locator('select[name=campaign]').selectOption('all');
	await page.getByRole('button', { name: '查看' }).click();
	await expect(page).toHaveURL(/campaign=all/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('全部活动');
	await page.goto(`/lang/en?next=${encodeURIComponent('/admin/reports/departments?campaign=all')}`);
	await expect(page.getByRole('heading', { name: 'Assessment ranking' })).toBeVisible();
	await expect(page.getByTestId('formula')).toContainText('0.4 × on-time rate');
	await expectFitsAndShoot(page, 'leader-figures-en');
	await page.goto('/lang/zh-CN?next=/admin');

	// A handler: their own department's row only, from their menu.
	await page.context().clearCookies();
	await logIn(page, 'handler-a');
	await page.locator('header nav').getByRole('link', { name: '部室考核指标' }).click();
	await expect(page.getByText('你只能看到本部室的指标')).toBeVisible();
	const own = await tableRows(page.getByTestId('department-figures'));
	expect(own.map((r) => r[0])).toEqual(['营销部']);
	await expectFitsAndShoot(page, 'leader-figures-handler');
});
