import { expect, test } from '@playwright/test';
import { demoCampaign, expectFitsAndShoot, hydrated, logIn } from './helpers';

// English mode is English where staff read what happened: the audit log and an item's history.
test('the audit log and an item’s history read as sentences in English, with the data behind a disclosure', async ({
	page
}) => {
	await logIn(page, 'admin');
	await page.goto('/admin/tokens');
	// Typing before the page has hydrated can be lost to its first render: wait for it.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('用途说明').fill('审计日志测试');
	await page.getByRole('button', { name: '创建令牌' }).click();
	await expect(page.locator('code.token')).toBeVisible();

	await page.goto('/lang/en?next=/admin/audit');
	await hydrated(page);
	await page.getByLabel('Action').selectOption({ label: 'Created an API token' });
	await page.getByLabel('By').selectOption({ label: 'admin' });
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/action=api_token.create/);
	const row = page.getByRole('row', { name: /Created an API token/ }).first();
	await expect(row).toContainText('API token');
	await expect(page.getByText('api_token.create', { exact: true })).toHaveCount(0);
	// The stored change is there for whoever wants it, closed by default.
	const data = row.locator('details');
	await expect(data.locator('pre')).toBeHidden();
	await data.getByText('Data').click();
	await expect(data.locator('pre')).toContainText('审计日志测试');
	await expectFitsAndShoot(page, 'audit-en');

	// A resolved demo item's history: statuses, categories and replies in words, no raw keys.
	await page.goto(`/admin/suggestions?campaign=${await demoCampaign(page)}&status=resolved`);
	await page.locator('a.title').first().click();
	const history = page.locator('ol.history');
	await expect(history).toContainText('status set to “Resolved”');
	await expect(history).toContainText(/categorised as “[A-Za-z]/);
	await expect(history).toContainText('assigned to');
	await expect(history).not.toContainText('status:');
	await expect(history).not.toContainText('category:');
	await expect(history).not.toContainText('：');
	await page.screenshot({ path: 'artifacts/screenshots/history-en-1280.png', fullPage: true });
	await page.goto('/lang/zh-CN?next=/admin');
});

test('a leader reads the reports overview in English: categories, natures and statuses by their English names', async ({
	page
}) => {
	await logIn(page, 'leader1');
	await page.goto(
		`/lang/en?next=${encodeURIComponent(`/admin/reports?campaign=${await demoCampaign(page)}`)}`
	);
	const byCategory = page.getByRole('table', { name: 'Category', exact: true });
	await expect(byCategory).toContainText('New connections');
	await expect(byCategory).not.toContainText('业扩报装');
	const byStatus = page.getByRole('table', { name: /status/i });
	await expect(byStatus).toContainText('Resolved');
	await expect(byStatus).not.toContainText('已整改');
	const byNature = page.getByRole('table', { name: /nature/i });
	await expect(byNature).toContainText('Routine');
	await expect(byNature).not.toContainText('常规');
	await page.screenshot({ path: 'artifacts/screenshots/reports-en-1280.png', fullPage: true });
	await page.goto('/lang/zh-CN?next=/admin');
});
