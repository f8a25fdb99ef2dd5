// The matrix question (issue 17) for what people do: an organiser builds one (statements added,
// edited and reordered, the scale and its end labels) with a live preview; on a 360 px phone a
// respondent fills it without JavaScript (sent back once for a statement left out, answers kept)
// and another with JavaScript, and both store the same answers; the results show each statement's
// distribution and mean in both languages; the paper form prints the grid and a clerk types it in.
import { expect, test, type Page } from '@playwright/test';
import { E2E_ORIGIN } from './accounts';
import { expectFitsAndShoot, logIn } from './helpers';

const SLUG = 'matrix-e2e';
const FORM = `/f/${SLUG}`;
const TITLE = '请为供电服务的各方面打分';

test.describe.configure({ mode: 'serial' });

async function english(page: Page) {
	await page.context().addCookies([{ name: 'xinkan_lang', value: 'en', url: E2E_ORIGIN }]);
}

test('an organiser builds a matrix: statements, their order, the scale, a live preview', async ({
	page
}) => {
	test.slow();
	await logIn(page, 'organiser1');
	await page.goto('/admin/campaigns');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('活动名称').fill('服务评价（矩阵）');
	await page.getByLabel('网址代码').fill(SLUG);
	await page.getByRole('radio', { name: /^匿名/ }).check();
	await page.getByRole('button', { name: '新建活动' }).click();
	await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${SLUG}/questionnaire`));
	await page.waitForLoadState('networkidle');
	const preview = page.getByRole('complementary', { name: /预览/ });

	await page.getByLabel('题型').selectOption('matrix');
	await page.getByRole('button', { name: '添加题目' }).click();
	const editor = page.getByRole('region', { name: /第 1 题/ });
	await editor.getByLabel('题目').fill(TITLE);
	await editor.getByRole('checkbox', { name: '必答' }).check();
	await editor.getByRole('textbox', { name: '陈述 1' }).fill('抢修及时');
	await editor.getByRole('textbox', { name: '陈述 2' }).fill('电费清楚');
	await editor.getByRole('button', { name: '添加陈述' }).click();
	await editor.getByRole('textbox', { name: '陈述 3' }).fill('员工态度');
	// Reorder: the third statement up to the second place; its words go with it.
	await editor.getByRole('button', { name: '上移陈述 3' }).click();
	await expect(editor.getByRole('textbox', { name: '陈述 2' })).toHaveValue('员工态度');
	await expect(editor.getByRole('textbox', { name: '陈述 3' })).toHaveValue('电费清楚');
	await editor.getByLabel('分值').selectOption('5');
	await editor.getByLabel('1 分的说明', { exact: true }).fill('很不满意');
	await editor.getByLabel('5 分的说明', { exact: true }).fill('很满意');
	// The preview: one group per statement with five points, in the new order.
	const previewMatrix = preview.getByRole('group', { name: new RegExp(TITLE) });
	await expect(previewMatrix.getByRole('group')).toHaveCount(3);
	await expect(previewMatrix.getByRole('group').nth(1)).toHaveAccessibleName('员工态度');
	await expect(
		previewMatrix.getByRole('group', { name: '抢修及时' }).getByRole('radio')
	).toHaveCount(5);
	await expect(previewMatrix).toContainText('很满意');

	// A statement left empty is refused at once, at its question.
	await editor.getByRole('button', { name: '添加陈述' }).click();
	await page.getByRole('button', { name: '保存草稿' }).click();
	await expect(editor.getByText('陈述内容不能为空。')).toBeVisible();
	await editor.getByRole('button', { name: '删除陈述 4' }).click();

	const single = page.getByLabel('题型');
	await single.selectOption('short_text');
	await page.getByRole('button', { name: '添加题目' }).click();
	await page
		.getByRole('region', { name: /第 2 题/ })
		.getByLabel('题目')
		.fill('还有什么建议？');
	await expectFitsAndShoot(page, 'matrix-builder');

	await page.getByRole('button', { name: '保存并发布' }).click();
	await expect(page.getByText(/已发布第 1 版/)).toBeVisible();
	await page.goto(`/admin/campaigns/${SLUG}`);
	await page.getByRole('button', { name: '开放填写' }).click();
	await expect(page.getByText('状态已更新')).toBeVisible();
});

/** Rates the three statements 5, 3, 4 (fix, staff, bill). */
async function rate(page: Page, skip?: string) {
	const matrix = page.getByRole('group', { name: new RegExp(TITLE) });
	for (const [statement, point] of [
		['抢修及时', '5'],
		['员工态度', '3'],
		['电费清楚', '4']
	]) {
		if (statement === skip) continue;
		await matrix
			.getByRole('group', { name: statement })
			.getByRole('radio', { name: point, exact: true })
			.check();
	}
	return matrix;
}

test.describe('at 360 px', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('a respondent rates each statement, is sent back once for one left out, then sends it', async ({
			page
		}) => {
			await page.goto(FORM);
			await expect(page.locator('body')).toHaveCSS('font-size', /^(1[89]|[2-9]\d)(\.\d+)?px$/);
			await rate(page, '电费清楚');
			await page.getByRole('button', { name: '提交' }).click();
			await expect(page).toHaveURL(FORM);
			await expect(page.getByText('请为每一项陈述打分。').first()).toBeVisible();
			const matrix = page.getByRole('group', { name: new RegExp(TITLE) });
			await expect(
				matrix.getByRole('group', { name: '抢修及时' }).getByRole('radio', { name: '5' })
			).toBeChecked();
			await expect(
				matrix.getByRole('group', { name: '员工态度' }).getByRole('radio', { name: '3' })
			).toBeChecked();
			await expectFitsAndShoot(page, 'matrix-form-refused');
			await page.setViewportSize({ width: 360, height: 740 });
			await matrix
				.getByRole('group', { name: '电费清楚' })
				.getByRole('radio', { name: '4', exact: true })
				.check();
			await page.getByRole('button', { name: '提交' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');
		});
	});

	test('with JavaScript, the same answers in English', async ({ page }) => {
		await english(page);
		// The first load stays within the public form's budget (as bench:page measures it).
		const sizes: Promise<number>[] = [];
		page.on('response', (response) => {
			const measured = response.request().sizes();
			sizes.push(measured.then((s) => s.responseBodySize + s.responseHeadersSize));
		});
		await page.goto(FORM, { waitUntil: 'networkidle' });
		const loaded = await Promise.all(sizes);
		expect(loaded.length).toBeLessThanOrEqual(6);
		expect(loaded.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30 * 1024);
		console.log(
			`matrix form, first load: ${loaded.length} requests, ${loaded.reduce((a, b) => a + b, 0)} bytes`
		);
		await rate(page);
		await expectFitsAndShoot(page, 'matrix-form-en');
		await page.setViewportSize({ width: 360, height: 740 });
		await page.getByRole('button', { name: 'Submit' }).click();
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/请|Please/);
		await expect(page).toHaveURL(/thanks/);
	});
});

test('both stored the same answers; the results show each statement in both languages', async ({
	page
}) => {
	await logIn(page, 'organiser1');
	await page.goto(`/admin/campaigns/${SLUG}/responses`);
	const answers = page.locator('article.response dd').filter({ hasText: '抢修及时' });
	await expect(answers).toHaveCount(2);
	const [first, second] = await answers.allTextContents();
	expect(first).toBe(second);
	expect(first).toContain('抢修及时：5 / 5');
	expect(first).toContain('员工态度：3 / 5');
	expect(first).toContain('电费清楚：4 / 5');

	await page.goto(`/admin/campaigns/${SLUG}/results`);
	const fix = page.getByTestId('matrix-' + (await statementId(page, '抢修及时')));
	await expect(fix).toContainText('5.00');
	await expect(fix.locator('td').first()).toHaveText('2');
	await page.setViewportSize({ width: 360, height: 900 });
	await page.reload();
	await page.waitForLoadState('networkidle');
	await expectFitsAndShoot(page, 'matrix-results-zh');
	await english(page);
	await page.reload();
	await expect(page.getByRole('columnheader', { name: 'Statement' }).first()).toBeVisible();
	await expect(page.getByRole('columnheader', { name: 'Mean' }).first()).toBeVisible();
	await expectFitsAndShoot(page, 'matrix-results-en');
});

/** A statement's id, read off its row of the results table. */
async function statementId(page: Page, label: string): Promise<string> {
	const row = page.locator('tr[data-testid^="matrix-"]').filter({ hasText: label });
	return (await row.getAttribute('data-testid'))!.slice('matrix-'.length);
}

test('the paper form prints the grid, and a clerk types one box per statement', async ({
	browser
}) => {
	test.slow();
	const organiser = await browser.newPage();
	await logIn(organiser, 'organiser1');
	await organiser.goto(`/admin/campaigns/${SLUG}/distribution`);
	await organiser.waitForLoadState('networkidle');
	await organiser.getByLabel('渠道').first().selectOption('paper');
	await organiser.getByLabel('发放数').first().fill('2');
	await organiser.getByRole('button', { name: '保存', exact: true }).first().click();
	await expect(organiser.getByText('已保存。')).toBeVisible();
	const row = organiser.getByRole('row', { name: /纸质问卷/ });
	await row.getByRole('spinbutton').fill('1');
	await row.getByRole('button', { name: '生成表单编号' }).click();
	await expect(organiser.getByText('已生成 1 个表单编号')).toBeVisible();
	await organiser
		.getByRole('row', { name: /纸质问卷/ })
		.getByRole('link', { name: '打印带编号的问卷' })
		.click();
	const sheet = organiser.locator('article.sheet');
	await expect(sheet).toHaveCount(1);
	const grid = sheet.locator('li.q').first().locator('table');
	// Three statements down the side, five boxes each, the end labels over the first and last point.
	await expect(grid.locator('tbody tr')).toHaveCount(3);
	await expect(grid.locator('tbody tr').first().locator('td')).toHaveCount(5);
	await expect(grid.locator('tbody td').first()).toHaveText('□');
	await expect(grid.locator('thead')).toContainText('很不满意');
	await expect(grid.locator('thead')).toContainText('很满意');
	await expect(grid.locator('tbody th').nth(1)).toHaveText('员工态度');
	const code = (await sheet.locator('.code strong').textContent())!.trim();
	await organiser.screenshot({ path: 'artifacts/screenshots/matrix-print.png', fullPage: true });

	const clerk = await browser.newPage();
	await logIn(clerk, 'clerk1');
	await clerk.goto(`/admin/campaigns/${SLUG}/entry`);
	await clerk.waitForLoadState('networkidle');
	await expect(clerk.getByLabel('表单编号')).toBeFocused();
	const keys = clerk.keyboard;
	await keys.type(code);
	await keys.press('Tab');
	await keys.press('Tab'); // past the channel: the code decides it
	await keys.type('2'); // 抢修及时
	await keys.press('Tab');
	await keys.type('6'); // 员工态度: outside the scale
	await keys.press('Tab');
	await keys.type('1'); // 电费清楚
	await keys.press('Enter');
	await expect(clerk.getByText('请在量表的分值中选择。').first()).toBeVisible();
	await expect(clerk.getByLabel('员工态度')).toHaveValue('6');
	await clerk.getByLabel('员工态度').fill('3');
	await clerk.getByLabel('员工态度').press('Enter');
	await expect(clerk.getByRole('status')).toContainText('今天您已录入 1 份');

	await organiser.goto(`/admin/campaigns/${SLUG}/responses`);
	// The other tests of this file send answers online meanwhile: the clerk's is the paper one.
	const entered = organiser.locator('article.response').filter({ hasText: '纸质问卷' });
	await expect(entered).toHaveCount(1);
	await expect(entered).toContainText('抢修及时：2 / 5');
	await expect(entered).toContainText('员工态度：3 / 5');
	await expect(entered).toContainText('电费清楚：1 / 5');
});
