import { expect, test } from '@playwright/test';
import { expectFitsAndShoot, logIn } from './helpers';

test('an organiser builds a questionnaire by keyboard, publishes it and respondents see it', async ({
	page
}) => {
	await logIn(page, 'organiser1');
	await page.goto('/admin/campaigns');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('活动名称').fill('社港镇用电意见征集');
	await page.getByLabel('网址代码').fill('shegang-e2e');
	await page.getByRole('radio', { name: /^匿名/ }).check();
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
	// The builder has an "open" button too: click the overview's, once it is there.
	await expect(page).toHaveURL(/\/admin\/campaigns\/shegang-e2e$/);
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

	// Version 1 read-only, compared with the draft; the draft starts again from it.
	await page.getByRole('link', { name: '第 1 版' }).click();
	await expect(page.getByRole('heading', { name: '第 1 版问卷（只读）' })).toBeVisible();
	await expect(page.getByText('与当前草稿相同')).toHaveCount(0);
	const changed = page.locator('[data-diff=changed] li');
	await expect(changed).toHaveCount(1);
	await expect(changed).toContainText('第 1 题 · 最近三个月停过电吗？');
	await expect(changed).toContainText('改动：题目');
	await expect(changed).toContainText('题目由“您家里停过电吗？”改为“最近三个月停过电吗？”');
	const old = page.getByRole('region', { name: '这一版的问卷（只读预览）' });
	await expect(old.getByRole('radio', { name: '很少' })).toBeDisabled();
	await expectFitsAndShoot(page, 'questionnaire-version');
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: '用这一版替换草稿' }).click();
	await expect(page).toHaveURL(/\/questionnaire\?restored=1$/);
	await expect(page.getByRole('status').first()).toHaveText('草稿已按第 1 版重新开始。');
	await expect(page.getByRole('region', { name: /第 1 题/ }).getByLabel('题目')).toHaveValue(
		'您家里停过电吗？'
	);
	await page.goto('/lang/en?next=/admin/campaigns/shegang-e2e/questionnaire/versions/2');
	await expect(
		page.getByRole('heading', { name: 'Questionnaire version 2 (read-only)' })
	).toBeVisible();
	await expect(page.locator('[data-diff=changed] li')).toContainText('Changed: wording');
	await expectFitsAndShoot(page, 'questionnaire-version-en');
	await page.goto('/lang/zh-CN?next=/admin');
});

test('a reviewer may read campaigns but not change them', async ({ page }) => {
	await logIn(page, 'reviewer1');
	await page.goto('/admin/campaigns/liuyang-2014');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('浏阳市供电公司');
	await expect(page.getByRole('button', { name: '结束填写' })).toHaveCount(0);
	const builder = await page.goto('/admin/campaigns/liuyang-2014/questionnaire');
	expect(builder?.status()).toBe(403);
});

test('the campaign lifecycle says what is live, lists the problems, and asks before leaving or ending', async ({
	page
}) => {
	// No native dialog may appear anywhere in this walk (a blocked confirm() is what this replaces).
	page.on('dialog', (dialog) => {
		throw new Error(`unexpected native dialog: ${dialog.message()}`);
	});
	await logIn(page, 'organiser1');
	await page.goto('/admin/campaigns');
	await page.waitForLoadState('networkidle');
	// Anonymity is the organiser's choice, not a default: leaving it out is refused and said.
	await page.getByLabel('活动名称').fill('沿溪镇意见征集');
	await page.getByLabel('网址代码').fill('yanxi-e2e');
	await expect(page.getByRole('radio', { name: /^匿名/ })).not.toBeChecked();
	await expect(page.getByRole('radio', { name: /^可留联系方式/ })).not.toBeChecked();
	await page.getByRole('button', { name: '新建活动' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary.getByRole('link', { name: '请选择活动是否匿名。' })).toBeVisible();
	await expect(page.getByLabel('活动名称')).toHaveValue('沿溪镇意见征集');
	await page.getByRole('radio', { name: /^可留联系方式/ }).check();
	await page.getByRole('button', { name: '新建活动' }).click();
	await expect(page).toHaveURL(/\/admin\/campaigns\/yanxi-e2e\/questionnaire/);
	await page.waitForLoadState('networkidle');

	// A question without its title: the summary lists it and links to the field.
	await page.getByLabel('题型').selectOption('suggestion');
	await page.getByRole('button', { name: '添加题目' }).click();
	await page.getByRole('button', { name: '保存并发布' }).click();
	const problem = page.locator('.error-summary').getByRole('link', { name: /^第 1 题：/ });
	await expect(problem).toBeVisible();
	await problem.click();
	await expect(page.getByRole('region', { name: /第 1 题/ }).getByLabel('题目')).toBeFocused();
	await page
		.getByRole('region', { name: /第 1 题/ })
		.getByLabel('题目')
		.fill('您有什么建议？');

	// Published while the campaign is a draft: not called live, and opening it is right there.
	await page.getByRole('button', { name: '保存并发布' }).click();
	await expect(page.getByText(/已发布第 1 版，但活动仍是草稿/)).toBeVisible();
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({
			path: `artifacts/screenshots/builder-published-draft-zh-${width}.png`
		});
	}
	await page.setViewportSize({ width: 1280, height: 900 });

	// Unsaved changes: leaving asks on the page itself; staying keeps them, leaving drops them.
	await page
		.getByRole('region', { name: /第 1 题/ })
		.getByLabel('题目')
		.fill('改了但没保存');
	const overview = page
		.getByRole('navigation', { name: '沿溪镇意见征集' })
		.getByRole('link', { name: '概况' });
	await overview.click();
	const leave = page.getByRole('dialog', { name: '有未保存的修改' });
	await expect(leave).toBeVisible();
	await leave.getByRole('button', { name: '留在这一页' }).click();
	await expect(leave).toBeHidden();
	await expect(page).toHaveURL(/\/yanxi-e2e\/questionnaire/);
	await expect(page.getByRole('region', { name: /第 1 题/ }).getByLabel('题目')).toHaveValue(
		'改了但没保存'
	);
	await overview.click();
	await leave.getByRole('button', { name: '不保存，离开' }).click();
	await expect(page).toHaveURL(/\/admin\/campaigns\/yanxi-e2e$/);
	await expect(page.getByText('活动还是草稿，公众还看不到问卷。')).toBeVisible();

	await page.getByRole('button', { name: '开放填写' }).click();
	await expect(page.getByText('状态已更新')).toBeVisible();
	await expect(page.getByText('公众填写的是第 1 版。')).toBeVisible();

	// Ending the campaign is asked again on the page, and nothing changes until it is confirmed.
	await page.getByRole('link', { name: '结束填写' }).click();
	const confirm = page.getByRole('region', { name: '请确认' });
	await expect(confirm).toContainText('公众不能再在网上提交问卷');
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `artifacts/screenshots/campaign-confirm-close-zh-${width}.png` });
	}
	await confirm.getByRole('link', { name: '取消' }).click();
	await expect(confirm).toBeHidden();
	await expect(page.locator('h1 .status')).toHaveText('进行中');

	await page.goto('/lang/en?next=/admin/campaigns/yanxi-e2e%3Fconfirm%3Dclosed');
	const confirmEn = page.getByRole('region', { name: 'Please confirm' });
	await expect(confirmEn).toContainText('the public can no longer send the form online');
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: `artifacts/screenshots/campaign-confirm-close-en-${width}.png` });
	}
	await confirmEn.getByRole('button', { name: 'Yes, close it' }).click();
	await expect(page.getByText('Status changed.')).toBeVisible();
	await expect(page.locator('h1 .status')).toHaveText('Closed');
	await page.goto('/lang/zh-CN?next=/admin');
});
