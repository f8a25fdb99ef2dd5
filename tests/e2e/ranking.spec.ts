// The ranking question (issue 17) for what people do: an organiser adds "rank the three that
// matter most" in the builder (options, N, reordered, previewed); a respondent on a 360 px phone
// orders it without JavaScript (numbered selects; a repeated place refused with the choices kept)
// and another with JavaScript (tap to order) — both stored alike; the results give each option's
// mean place; the paper form has boxes to number and a clerk types the order by keyboard.
import { expect, test, type Page } from '@playwright/test';
import { expectFitsAndShoot, logIn } from './helpers';

const SLUG = 'ranking-e2e';
const FORM = `/f/${SLUG}`;
const ORDER = '1. 抢修速度　2. 电价　3. 供电质量';

test.describe.configure({ mode: 'serial' });

test('an organiser adds a ranking question with its options and N, and previews it', async ({
	page
}) => {
	test.slow();
	await logIn(page, 'organiser1');
	await page.goto('/admin/campaigns');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('活动名称').fill('排序题问卷');
	await page.getByLabel('网址代码').fill(SLUG);
	await page.getByRole('radio', { name: /^匿名/ }).check();
	await page.getByRole('button', { name: '新建活动' }).click();
	await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${SLUG}/questionnaire`));
	await page.waitForLoadState('networkidle');

	await page.getByLabel('题型').selectOption('ranking');
	await page.getByRole('button', { name: '添加题目' }).click();
	const editor = page.getByRole('region', { name: /第 1 题/ });
	await editor.getByLabel('题目').fill('请选出您最看重的三项并排序');
	await editor.getByRole('checkbox', { name: '必答' }).check();
	await editor.getByRole('textbox', { name: '选项 1' }).fill('供电质量');
	await editor.getByRole('textbox', { name: '选项 2' }).fill('电价');
	await editor.getByRole('button', { name: '添加选项' }).click();
	await editor.getByRole('textbox', { name: '选项 3' }).fill('抢修速度');
	await editor.getByRole('button', { name: '添加选项' }).click();
	await editor.getByRole('textbox', { name: '选项 4' }).fill('服务态度');
	await expect(editor.getByRole('button', { name: /其他（请注明）/ })).toHaveCount(0);
	await editor.getByRole('button', { name: '选项 1 下移' }).click();
	// N larger than the options is refused on saving, at the question.
	await editor.getByLabel('排出前几项（0 = 全部）').fill('5');
	await page.getByRole('button', { name: '保存草稿' }).click();
	await expect(page.getByRole('alert')).toContainText('排出的项数不能多于选项数');
	await editor.getByLabel('排出前几项（0 = 全部）').fill('3');
	await expect(editor.getByText('答卷人最多排 3 项。')).toBeVisible();

	// The live preview: one select per option in the new order, each "—, 1, 2, 3".
	const preview = page.getByRole('complementary', { name: /预览/ });
	const selects = preview.locator('select');
	await expect(selects).toHaveCount(4);
	await expect(preview.locator('.place label')).toHaveText([
		'电价',
		'供电质量',
		'抢修速度',
		'服务态度'
	]);
	await expect(selects.first().locator('option')).toHaveText(['—', '1', '2', '3']);
	await expect(preview).toContainText('请选出最重要的 3 项');

	await page.getByRole('button', { name: '保存并发布' }).click();
	await expect(page.getByText(/已发布第 1 版/)).toBeVisible();
	await expectFitsAndShoot(page, 'ranking-builder');
	await page.goto(`/admin/campaigns/${SLUG}`);
	await page.getByRole('button', { name: '开放填写' }).click();
	await expect(page.getByText('状态已更新')).toBeVisible();
});

test.describe('without JavaScript at 360 px', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

	test('numbered selects: a place used twice is refused with the choices kept, then sent', async ({
		page
	}) => {
		await page.goto(FORM);
		const place = (label: string) => page.getByLabel(label, { exact: true });
		await expect(page.getByRole('button', { name: /抢修速度/ })).toHaveCount(0);
		await place('抢修速度').selectOption({ label: '1' });
		await place('电价').selectOption({ label: '1' });
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByRole('alert')).toContainText('每个名次只能用一次');
		await expect(place('抢修速度')).toHaveValue(/:1$/);
		await expect(place('电价')).toHaveValue(/:1$/);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
		await page.screenshot({
			path: 'artifacts/screenshots/ranking-refused-360.png',
			fullPage: true
		});

		await place('电价').selectOption({ label: '2' });
		await place('供电质量').selectOption({ label: '3' });
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');
	});
});

/** The form's posted fields, as the browser would send them now. */
const postedFields = (page: Page) =>
	page.evaluate(() =>
		[...new FormData(document.querySelector('form[method="post" i]') as HTMLFormElement)]
			.filter(([k]) => k.startsWith('q_'))
			.map(([k, v]) => `${k}=${String(v)}`)
			.sort()
	);

test.describe('with JavaScript at 360 px', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('tap to order sets the same fields the selects send', async ({ page }) => {
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

		const tap = (label: string) => page.getByRole('button', { name: new RegExp(label) });
		// The selects are out of sight; the options are buttons.
		await expect(page.locator('select')).toHaveCount(4);
		await expect(page.locator('select').first()).toBeHidden();
		await tap('抢修速度').click();
		await tap('服务态度').click();
		await tap('电价').click();
		// Three places are full: the fourth waits; taking one out moves the later ones up.
		await expect(tap('供电质量')).toBeDisabled();
		await tap('服务态度').click();
		await expect(tap('服务态度')).toHaveAttribute('aria-pressed', 'false');
		await tap('供电质量').click();
		await expect(tap('抢修速度')).toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByText('您的排序：1. 抢修速度  2. 电价  3. 供电质量')).toBeVisible();
		const fields = await postedFields(page);
		expect(fields.filter((f) => !f.endsWith('='))).toHaveLength(3);
		await expectFitsAndShoot(page, 'ranking-js');
		await page.goto(`/lang/en?next=${FORM}`);
		await expect(page.getByText('Tap in order')).toBeVisible();
		await expectFitsAndShoot(page, 'ranking-js-en');
		await page.goto(`/lang/zh-CN?next=${FORM}`);
		await tap('抢修速度').click();
		await tap('电价').click();
		await tap('供电质量').click();
		expect(await postedFields(page)).toEqual(fields);
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');
	});
});

test('both ways stored the same order, and the results give each option its mean place', async ({
	page
}) => {
	await logIn(page, 'organiser1');
	await page.goto(`/admin/campaigns/${SLUG}/responses`);
	const answers = page.locator('article.response dd');
	await expect(answers).toHaveCount(2);
	await expect(answers).toHaveText([ORDER, ORDER]);

	await page.goto(`/admin/campaigns/${SLUG}/results`);
	const table = page.locator('[data-testid^="ranking-"]');
	await expect(table.getByRole('row', { name: /抢修速度/ })).toContainText('1.00');
	await expect(table.getByRole('row', { name: /电价/ })).toContainText('2.00');
	await expect(table.getByRole('row', { name: /服务态度/ })).toContainText('—');
	await expectFitsAndShoot(page, 'ranking-results');
	await page.goto(`/lang/en?next=/admin/campaigns/${SLUG}/results`);
	await expect(page.locator('[data-testid^="ranking-"]')).toContainText('Mean place');
	await expectFitsAndShoot(page, 'ranking-results-en');
	await page.goto(`/lang/zh-CN?next=/admin`);
});

test('the paper form has boxes to number, and a clerk types the order by keyboard', async ({
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
	const question = sheet.locator('li.q').first();
	await expect(question.locator('.rank-box')).toHaveCount(4);
	await expect(question).toContainText('请在方框内填名次 1–3（1 为最重要），最多填 3 项');
	await expect(question).toContainText('3. 抢修速度');
	const code = (await sheet.locator('.code strong').textContent())!.trim();
	await organiser.screenshot({ path: 'artifacts/screenshots/ranking-print.png', fullPage: true });

	const clerk = await browser.newPage();
	await logIn(clerk, 'clerk1');
	await clerk.goto(`/admin/campaigns/${SLUG}/entry`);
	await clerk.waitForLoadState('networkidle');
	await expect(clerk.getByLabel('表单编号')).toBeFocused();
	const keys = clerk.keyboard;
	await keys.type(code);
	await keys.press('Tab');
	await keys.press('Tab'); // past the channel: the code decides it
	await keys.type('4 4');
	await keys.press('Enter');
	await expect(clerk.getByText('每个名次只能用一次').first()).toBeVisible();
	const field = clerk.getByLabel(/请选出您最看重的三项并排序/);
	await expect(field).toHaveValue('4 4');
	await field.fill('3 1 2');
	await expect(clerk.getByText('1. 抢修速度、2. 电价、3. 供电质量')).toBeVisible();
	await field.press('Enter');
	await expect(clerk.getByRole('status')).toContainText('今天您已录入 1 份');

	await organiser.goto(`/admin/campaigns/${SLUG}/responses`);
	await expect(organiser.locator('article.response').first()).toContainText(ORDER);
});
