import { expect, test } from '@playwright/test';
import { expectFitsAndShoot, logIn } from './helpers';

const RESULTS = '/admin/campaigns/liuyang-2014/results';

test('an organiser marks a rating as a satisfaction question and the results count it', async ({
	page
}) => {
	await logIn(page, 'organiser1');
	await page.goto('/admin/campaigns');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('活动名称').fill('满意度指数测试');
	await page.getByLabel('网址代码').fill('index-e2e');
	await page.getByRole('radio', { name: /^匿名/ }).check();
	await page.getByRole('button', { name: '新建活动' }).click();
	await expect(page).toHaveURL(/\/admin\/campaigns\/index-e2e\/questionnaire/);
	await page.getByLabel('题型').selectOption('rating');
	await page.getByRole('button', { name: '添加题目' }).click();
	await page.getByLabel('题目').last().fill('您对抢修速度满意吗？');
	await page.getByRole('button', { name: '保存并发布' }).click();
	await expect(page.getByText('已发布第 1 版')).toBeVisible();

	// Nothing marked: the results page says so and where to mark it.
	await page.goto('/admin/campaigns/index-e2e/results');
	const section = page.getByTestId('satisfaction');
	await expect(section).toContainText('还没有题目计入满意度指数');
	await section.getByRole('link', { name: '去编辑问卷' }).click();
	await expect(page).toHaveURL(/\/admin\/campaigns\/index-e2e\/questionnaire/);
	await page.waitForLoadState('networkidle');
	await page.getByRole('checkbox', { name: '计入满意度指数' }).check();
	await page.getByRole('button', { name: '保存并发布' }).click();
	await expect(page.getByText('已发布第 2 版')).toBeVisible();

	// Published, the mark is kept: the question is counted (nobody has answered yet).
	await page.goto('/admin/campaigns/index-e2e/results');
	await expect(section).toContainText('计入的题目：您对抢修速度满意吗？');
	await expect(section).toContainText('筛选范围内没有人回答计入满意度指数的题目');
	await expect(page.locator('body')).not.toContainText('NaN');
	await page.goto('/admin/campaigns/index-e2e/questionnaire');
	await expect(page.getByRole('checkbox', { name: '计入满意度指数' })).toBeChecked();
});

test('the demo’s satisfaction index ranks townships and units, and text answers link to their responses', async ({
	page
}) => {
	await logIn(page, 'organiser1');
	await page.goto(RESULTS);
	await expect(page.getByTestId('satisfaction-overall')).toContainText(/总体满意度指数 \d+\.\d/);
	const areas = page.getByTestId('satisfaction-area');
	const rankOf = async (name: string) =>
		Number(
			await areas
				.getByRole('row')
				.filter({ has: page.getByRole('rowheader', { name, exact: true }) })
				.locator('td')
				.first()
				.textContent()
		);
	// The mountain township the demo's suggestions complain about ranks below the river towns.
	expect(await rankOf('张坊')).toBeGreaterThan(await rankOf('沙市'));
	await expect(page.getByTestId('satisfaction-unit')).toContainText('张坊供电所');
	await expect(page.getByTestId('satisfaction').getByText('样本太少').first()).toBeVisible();
	await expectFitsAndShoot(page, 'results-index');

	// The same filters apply: one township, one row.
	await page.goto(`${RESULTS}?area=${await areaId(page, '张坊')}`);
	await expect(areas.getByRole('row')).toHaveCount(2);

	// A text question: the responses that answered it, within the same filter.
	await page.getByRole('link', { name: '查看作答的答卷' }).first().click();
	await expect(page).toHaveURL(/\/responses\?.*answered=improve/);
	await expect(page.getByTestId('responses-filter')).toContainText('只显示回答了');
	await expect(page.locator('article.response').first()).toContainText('张坊');
	await page.getByRole('link', { name: '显示全部答卷' }).click();
	await expect(page.getByTestId('responses-filter')).toHaveCount(0);
});

async function areaId(page: import('@playwright/test').Page, name: string): Promise<string> {
	return (await page
		.locator('select[name=area] option')
		.filter({ hasText: new RegExp(`^${name}$`) })
		.getAttribute('value')) as string;
}

test('a handler reads the results of their own unit only', async ({ page }) => {
	await logIn(page, 'handler-a');
	await page
		.getByTestId('unit-results')
		.getByRole('link', { name: /浏阳市供电公司/ })
		.click();
	await expect(page).toHaveURL(RESULTS);
	await expect(page.getByText('您只能看到本单位（营销部）的结果。')).toBeVisible();
	// No other tab of the campaign, and no other unit to pick.
	await expect(page.getByRole('link', { name: '答卷', exact: true })).toHaveCount(0);
	await expect(page.locator('select[name=unit] option')).toHaveText(['全部', '营销部']);
	const units = page.getByTestId('satisfaction-unit').getByRole('rowheader');
	await expect(units).toHaveText(['营销部']);
	await expectFitsAndShoot(page, 'results-index-handler');

	const own = await page.locator('select[name=unit] option').nth(1).getAttribute('value');
	const other = await page.goto(`${RESULTS}?unit=${Number(own) + 1}`);
	expect(other?.status()).toBe(403);
	const xlsx = await page.request.get(`${RESULTS}/export.xlsx?unit=${Number(own) + 1}`);
	expect(xlsx.status()).toBe(403);
});
