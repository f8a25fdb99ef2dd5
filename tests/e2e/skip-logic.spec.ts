// Skip logic (issue 17) for what people do: an organiser adds two conditions in the builder (and
// is refused a condition on a later question); a respondent without JavaScript on a 360 px phone
// pages through the form, goes back, changes an answer, and sends it once — the answer to the
// question that ended up hidden is not stored; with JavaScript the same form shows and hides in
// place.
import { expect, test, type Page } from '@playwright/test';
import { expectFitsAndShoot, logIn } from './helpers';

const SLUG = 'skip-e2e';
const FORM = `/f/${SLUG}`;

test.describe.configure({ mode: 'serial' });

async function addQuestion(page: Page, type: string, title: string) {
	await page.getByLabel('题型').selectOption(type);
	await page.getByRole('button', { name: '添加题目' }).click();
	const editors = page.getByRole('region', { name: /第 \d+ 题/ });
	// Pinned by position (a later question added must not make it another editor).
	const editor = editors.nth((await editors.count()) - 1);
	await editor.getByLabel('题目').fill(title);
	return editor;
}

test('an organiser adds conditions, and a condition on a later question is refused', async ({
	page
}) => {
	test.slow();
	await logIn(page, 'organiser1');
	await page.goto('/admin/campaigns');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('活动名称').fill('跳题问卷');
	await page.getByLabel('网址代码').fill(SLUG);
	await page.getByRole('radio', { name: /^匿名/ }).check();
	await page.getByRole('button', { name: '新建活动' }).click();
	await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${SLUG}/questionnaire`));
	await page.waitForLoadState('networkidle');
	const preview = page.getByRole('complementary', { name: /预览/ });

	const sat = await addQuestion(page, 'single', '您对供电服务满意吗？');
	await sat.getByRole('checkbox', { name: '必答' }).check();
	await sat.getByRole('textbox', { name: '选项 1' }).fill('满意');
	await sat.getByRole('textbox', { name: '选项 2' }).fill('不满意');
	await expect(sat.getByText('本题前面还没有可作为条件的题目')).toBeVisible();

	const why = await addQuestion(page, 'long_text', '哪些方面让您不满意？');
	await why.getByRole('checkbox', { name: '必答' }).check();
	await why.getByRole('button', { name: '添加显示条件' }).click();
	await expect(why.getByLabel('第 1 条规则：依据')).toHaveValue(/.+/);
	await why.getByLabel('选项', { exact: true }).selectOption({ label: '不满意' });
	// The preview honours it: hidden until "dissatisfied" is chosen there.
	const whyPreview = preview.getByLabel(/哪些方面让您不满意/);
	await expect(preview.getByText('仅当第 1 题选“不满意”时显示')).toBeHidden();
	await expect(whyPreview).toBeHidden();
	await preview.getByRole('radio', { name: '不满意' }).check();
	await expect(whyPreview).toBeVisible();
	await expect(preview.getByText('仅当第 1 题选“不满意”时显示')).toBeVisible();
	await preview.getByRole('radio', { name: '满意', exact: true }).check();
	await expect(whyPreview).toBeHidden();

	const repair = await addQuestion(page, 'rating', '抢修速度');
	await repair.getByRole('checkbox', { name: '必答' }).check();
	const slow = await addQuestion(page, 'short_text', '抢修慢在哪里？');
	await slow.getByRole('button', { name: '添加显示条件' }).click();
	await slow.getByLabel('第 1 条规则：依据').selectOption({ label: '第 3 题 · 抢修速度' });
	await slow.getByLabel('条件').selectOption({ label: '不大于（≤）' });
	await slow.getByLabel('数值').fill('2');
	await addQuestion(page, 'suggestion', '您还有什么建议？');

	// Moved above the question it looks at: said at once, and refused on saving.
	await slow.getByRole('button', { name: '上移' }).click();
	const moved = page.getByRole('region', { name: /第 3 题/ });
	await expect(moved.getByText('显示条件只能依据本题前面的题目')).toBeVisible();
	await page.getByRole('button', { name: '保存草稿' }).click();
	await expect(page.getByRole('alert')).toContainText('第 3 题：显示条件只能依据本题前面的题目');
	await expectFitsAndShoot(page, 'skip-logic-builder-refused');
	await moved.getByRole('button', { name: '下移' }).click();
	await expect(
		page.getByRole('region', { name: /第 \d 题/ }).getByText('显示条件只能依据本题前面的题目')
	).toHaveCount(0);

	await page.getByRole('button', { name: '保存并发布' }).click();
	await expect(page.getByText(/已发布第 1 版/)).toBeVisible();
	await expectFitsAndShoot(page, 'skip-logic-builder');
	await page.goto(`/admin/campaigns/${SLUG}`);
	await page.getByRole('button', { name: '开放填写' }).click();
	await expect(page.getByText('状态已更新')).toBeVisible();
});

test.describe('without JavaScript at 360 px', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

	test('a respondent pages through, goes back, changes an answer and sends it once', async ({
		page
	}) => {
		await page.goto(FORM);
		const token = await page.locator('input[name="submission_token"]').inputValue();
		const why = page.getByLabel(/哪些方面让您不满意/);
		const repair = page.getByRole('group', { name: /抢修速度/ });
		const slow = page.getByLabel(/抢修慢在哪里/);
		await expect(page.getByText('第 1 页，共 3 页')).toBeVisible();
		await expect(why).toBeHidden();
		await expect(repair).toBeHidden();
		await page.getByRole('radio', { name: '不满意' }).check();
		await page.getByRole('button', { name: '下一页' }).click();

		// Page 2: the reason is asked, and required: now only, on the page it is shown on.
		await expect(page.getByText('第 2 页，共 3 页')).toBeVisible();
		await expect(why).toBeVisible();
		await expect(why).toHaveAttribute('required', '');
		await why.fill('之前写的：营业厅排队太久');
		await repair.getByRole('radio', { name: /^1/ }).check();

		// Back keeps the answers; changing the first one hides the reason.
		await page.getByRole('button', { name: '上一页' }).click();
		await expect(page.getByText('第 1 页，共 3 页')).toBeVisible();
		await expect(page.getByRole('radio', { name: '不满意' })).toBeChecked();
		await page.getByRole('radio', { name: '满意', exact: true }).check();
		await page.getByRole('button', { name: '下一页' }).click();
		await expect(page.getByText('第 2 页，共 3 页')).toBeVisible();
		await expect(why).toBeHidden();
		await expect(repair.getByRole('radio', { name: /^1/ })).toBeChecked();
		await page.getByRole('button', { name: '下一页' }).click();

		// Page 3: a low rating asks what was slow; the last page sends.
		await expect(page.getByText('第 3 页，共 3 页')).toBeVisible();
		await expect(slow).toBeVisible();
		await slow.fill('等了一整天');
		await page.getByRole('button', { name: '上一页' }).click();
		await expect(repair.getByRole('radio', { name: /^1/ })).toBeChecked();
		await page.getByRole('button', { name: '下一页' }).click();
		await expect(slow).toHaveValue('等了一整天');
		// The same submission token all the way through.
		await expect(page.locator('input[name="submission_token"]')).toHaveValue(token);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
		await page.screenshot({
			path: 'artifacts/screenshots/skip-logic-page3-360.png',
			fullPage: true
		});
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');
		// Sent again (the browser's back and resend): the first receipt, nothing new stored.
		await page.goBack();
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page).toHaveURL(/repeated=1/);
	});
});

test.describe('with JavaScript at 360 px', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('the same form shows and hides questions in place', async ({ page }) => {
		// The first load, script included, stays within the public form's budget (as bench:page).
		const sizes: Promise<number>[] = [];
		page.on('response', (response) => {
			const measured = response.request().sizes();
			sizes.push(measured.then((s) => s.responseBodySize + s.responseHeadersSize));
		});
		await page.goto(FORM, { waitUntil: 'networkidle' });
		const loaded = await Promise.all(sizes);
		expect(loaded.length).toBeLessThanOrEqual(6);
		expect(loaded.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30 * 1024);
		const why = page.getByLabel(/哪些方面让您不满意/);
		const repair = page.getByRole('group', { name: /抢修速度/ });
		const slow = page.getByLabel(/抢修慢在哪里/);
		// One page: no page buttons, every unconditional question at once.
		await expect(repair).toBeVisible();
		await expect(page.getByRole('button', { name: '下一页' })).toHaveCount(0);
		await expect(why).toBeHidden();
		await page.getByRole('radio', { name: '不满意' }).check();
		await expect(why).toBeVisible();
		await why.fill('停电不通知');
		await repair.getByRole('radio', { name: /^2/ }).check();
		await expect(slow).toBeVisible();
		await slow.fill('这一句不会被保存');
		await repair.getByRole('radio', { name: /^4/ }).check();
		await expect(slow).toBeHidden();
		await expectFitsAndShoot(page, 'skip-logic-js');
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');
	});
});

test('what was stored leaves out the answers to hidden questions', async ({ page }) => {
	await logIn(page, 'organiser1');
	await page.goto(`/admin/campaigns/${SLUG}/responses`);
	const responses = page.locator('article.response');
	await expect(responses).toHaveCount(2);
	await expect(page.locator('main')).toContainText('等了一整天');
	await expect(page.locator('main')).toContainText('停电不通知');
	await expect(page.locator('main')).not.toContainText('之前写的');
	await expect(page.locator('main')).not.toContainText('这一句不会被保存');
});
