import { expect, test } from '@playwright/test';
import { expectFitsAndShoot, logIn } from './helpers';

const RESULTS = '/admin/campaigns/liuyang-2014/results';

test('an organiser copies a campaign, and sees 2014 beside 2013 on the results page', async ({
	page
}) => {
	await logIn(page, 'organiser1');
	await page.goto('/admin/campaigns');
	await page.waitForLoadState('networkidle');
	const slug = `copy-e2e-${Date.now().toString(36)}`;
	await page.getByLabel('从往期活动复制').selectOption('liuyang-2014');
	await page.getByLabel('活动名称').fill('2015年意见征求（复制）');
	await page.getByLabel('网址代码').fill(slug);
	// 2014's form asks for contact details: an anonymous copy is refused and said at the field.
	await page.getByRole('radio', { name: /^匿名/ }).check();
	await page.getByRole('button', { name: '新建活动' }).click();
	await expect(
		page.locator('.error-summary').getByRole('link', { name: '匿名活动不能收集联系方式。' })
	).toBeVisible();
	await expect(page.getByLabel('从往期活动复制')).toHaveValue('liuyang-2014');
	await page.getByRole('radio', { name: /^可留联系方式/ }).check();
	await page.getByRole('button', { name: '新建活动' }).click();
	await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${slug}/questionnaire`));
	// The copy's draft holds 2014's questions.
	await expect(page.getByRole('region', { name: /第 3 题/ }).getByLabel('题目')).toHaveValue(
		'您对供电质量的满意程度'
	);
	// And its distribution plan (issued counts).
	await page.goto(`/admin/campaigns/${slug}/distribution`);
	await expect(page.getByText('1751').first()).toBeVisible();

	// 2014 was copied from 2013: its results compare with it by default.
	await page.goto(RESULTS);
	const summary = page.getByTestId('comparison');
	await expect(summary).toContainText('2013');
	await expect(summary).toContainText('复制而来');
	await expect(page.locator('select[name=compare]')).toHaveValue('liuyang-2013');
	const supply = page.getByTestId('compare-supply');
	await expect(supply).toContainText('平均分');
	await expect(supply).toContainText('↑');
	await expect(supply.locator('.visually-hidden').first()).toHaveText('上升');
	await expect(page.getByTestId('compare-improve')).toContainText('对比活动没有这道题');
	await expect(page.getByTestId('compare-priorities')).toContainText('未设此项');
	await expectFitsAndShoot(page, 'results-compare');

	// A township filter applies to both; no comparison at all when none is chosen.
	await page.waitForLoadState('networkidle');
	await page.locator('select[name=area]').selectOption({ label: '张坊' });
	await page.getByRole('button', { name: '查看' }).click();
	await expect(page).toHaveURL(/area=\d+/);
	await expect(page).toHaveURL(/compare=liuyang-2013/);
	await expect(page.getByTestId('compare-supply')).toBeVisible();
	await page.waitForLoadState('networkidle');
	await page.locator('select[name=compare]').selectOption('');
	await page.getByRole('button', { name: '查看' }).click();
	await expect(page).toHaveURL(/compare=(&|$)/);
	await expect(page.getByTestId('comparison')).toHaveCount(0);
	await expect(page.getByTestId('compare-supply')).toHaveCount(0);

	// A campaign that is not there is a 400 that says so.
	const bad = await page.goto(`${RESULTS}?compare=no-such-campaign`);
	expect(bad?.status()).toBe(400);
	const api = await page.request.get('/api/v1/campaigns/liuyang-2014/results?compare=liuyang-2013');
	expect(api.status()).toBe(200);
	expect((await api.json()).compare.campaign.slug).toBe('liuyang-2013');
});
