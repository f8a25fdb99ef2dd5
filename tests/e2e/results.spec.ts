import { expect, test } from '@playwright/test';
import { expectFitsAndShoot, logIn } from './helpers';

const RESULTS = '/admin/campaigns/liuyang-2014/results';

test('an organiser reads what people answered, filters by township and compares by group', async ({
	page
}) => {
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
	// A clerk enters forms but does not read results.
	await page.context().clearCookies();
	await logIn(page, 'clerk1');
	expect((await page.goto(RESULTS))?.status()).toBe(403);
});
