import { expect, test } from '@playwright/test';
import { logIn } from './helpers';

test('an organiser builds a questionnaire by keyboard, publishes it and respondents see it', async ({
	page
}) => {
	await logIn(page, 'organiser1');
	await page.goto('/admin/campaigns');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('活动名称').fill('社港镇用电意见征集');
	await page.getByLabel('网址代码').fill('shegang-e2e');
	await page.getByRole('button', { name: '新建活动' }).click();
	await expect(page).toHaveURL(/\/admin\/campaigns\/shegang-e2e\/questionnaire/);

	const typeSelect = page.getByLabel('题型');
	const add = page.getByRole('button', { name: '添加题目' });
	await typeSelect.selectOption('suggestion');
	await add.press('Enter');
	await page.getByLabel('题目').last().fill('您对我们有什么建议？');
	await typeSelect.selectOption('single');
	await add.press('Enter');
	const single = page.getByRole('region', { name: /第 2 题/ });
	await single.getByLabel('题目').fill('您家里停过电吗？');
	await single.getByRole('textbox', { name: '选项 1' }).fill('经常');
	await single.getByRole('textbox', { name: '选项 2' }).fill('很少');
	await single.getByRole('checkbox', { name: '必答' }).check();
	// The live preview follows every keystroke.
	const preview = page.getByRole('complementary', { name: /预览/ });
	await expect(preview.getByText('您家里停过电吗？')).toBeVisible();
	await expect(preview.getByText('很少')).toBeVisible();

	// Keyboard reordering: the choice question moves to the top.
	await single.getByRole('button', { name: '上移', exact: true }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('region', { name: /第 1 题 · 单选题/ })).toBeVisible();
	await expect(preview.locator('.num').first()).toHaveText('1.');
	await expect(preview.locator('legend').first()).toContainText('您家里停过电吗？');

	await page.getByRole('button', { name: '保存并发布' }).click();
	await expect(page.getByText('已发布第 1 版')).toBeVisible();

	await page
		.getByRole('navigation', { name: '社港镇用电意见征集' })
		.getByRole('link', { name: '概况' })
		.click();
	await page.getByRole('button', { name: '开放填写' }).click();
	await expect(page.getByText('状态已更新')).toBeVisible();

	await page.goto('/f/shegang-e2e');
	const legends = page.locator('form legend, form label.text-label');
	await expect(legends.nth(0)).toContainText('您家里停过电吗？');
	await expect(legends.nth(1)).toContainText('您对我们有什么建议？');
	await page.getByRole('radio', { name: '很少' }).check();
	await page.getByLabel(/有什么建议/).fill('希望停电前提前通知。');
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');

	// A second version changes the form; the first response keeps showing against version 1.
	await page.goto('/admin/campaigns/shegang-e2e/questionnaire');
	await page.waitForLoadState('networkidle');
	await page
		.getByRole('region', { name: /第 1 题/ })
		.getByLabel('题目')
		.fill('最近三个月停过电吗？');
	await page.getByRole('button', { name: '保存并发布' }).click();
	await expect(page.getByText('已发布第 2 版')).toBeVisible();
	await page.goto('/admin/campaigns/shegang-e2e');
	const response = page.locator('article.response').first();
	await expect(response).toContainText('第 1 版');
	await expect(response).toContainText('您家里停过电吗？');
	await expect(response).toContainText('很少');
	await expect(page.getByRole('row', { name: /第 1 版/ })).toContainText('1');
});

test('a reviewer may read campaigns but not change them', async ({ page }) => {
	await logIn(page, 'reviewer1');
	await page.goto('/admin/campaigns/liuyang-2014');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('浏阳市供电公司');
	await expect(page.getByRole('button', { name: '结束填写' })).toHaveCount(0);
	const builder = await page.goto('/admin/campaigns/liuyang-2014/questionnaire');
	expect(builder?.status()).toBe(403);
});
