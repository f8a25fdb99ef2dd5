// Issue 17's first slice for what people do: an organiser builds a questionnaire with every new
// type (recommendation, a 7-point scale, number, date, "other, please specify" on single and
// multiple choice); a respondent without JavaScript on a 360 px phone fills it in, is sent back
// once with answers kept and messages at the fields, then sends it; the paper form prints each
// type, and a clerk types one in by keyboard; the response pages and results show what is stored.
import { expect, test, type Page } from '@playwright/test';
import { expectFitsAndShoot, logIn } from './helpers';

const SLUG = 'types-e2e';
const FORM = `/f/${SLUG}`;

test.describe.configure({ mode: 'serial' });

async function addQuestion(page: Page, type: string, title: string) {
	await page.getByLabel('题型').selectOption(type);
	await page.getByRole('button', { name: '添加题目' }).click();
	const editor = page.getByRole('region', { name: /第 \d+ 题/ }).last();
	await editor.getByLabel('题目').fill(title);
	return editor;
}

test('an organiser builds every new type, with its settings and a live preview', async ({
	page
}) => {
	test.slow();
	await logIn(page, 'organiser1');
	await page.goto('/admin/campaigns');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('活动名称').fill('停电意见调查');
	await page.getByLabel('网址代码').fill(SLUG);
	await page.getByRole('radio', { name: /^匿名/ }).check();
	await page.getByRole('button', { name: '新建活动' }).click();
	await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${SLUG}/questionnaire`));
	await page.waitForLoadState('networkidle');
	const preview = page.getByRole('complementary', { name: /预览/ });

	const nps = await addQuestion(page, 'nps', '您会向亲友推荐我们吗？');
	await nps.getByRole('checkbox', { name: '必答' }).check();
	await nps.getByLabel('0 分的说明', { exact: true }).fill('不会');
	await nps.getByLabel('10 分的说明', { exact: true }).fill('一定会');
	const npsPreview = preview.getByRole('group', { name: /推荐/ });
	await expect(npsPreview.getByRole('radio')).toHaveCount(11);
	await expect(npsPreview).toContainText('一定会');

	const scale = await addQuestion(page, 'rating', '电压稳定吗？');
	await scale.getByLabel('分值').selectOption('7');
	await expect(scale.getByLabel('7 分的说明', { exact: true })).toBeVisible();
	// The satisfaction index reads 1–5 ratings only: a 7-point scale is not offered it.
	await expect(scale.getByRole('checkbox', { name: /满意度指数/ })).toHaveCount(0);
	await scale.getByLabel('1 分的说明', { exact: true }).fill('很不稳');
	await scale.getByLabel('7 分的说明', { exact: true }).fill('很稳');
	await expect(preview.getByRole('group', { name: /电压稳定/ }).getByRole('radio')).toHaveCount(7);

	const number = await addQuestion(page, 'number', '上月停电大约几小时？');
	await number.getByLabel('最小值（选填）').fill('0');
	await number.getByLabel('最大值（选填）').fill('720');
	await expect(preview.getByText('请填 0 到 720 之间的整数')).toBeVisible();

	await addQuestion(page, 'date', '最近一次停电的日期');
	await expect(preview.getByLabel(/最近一次停电的日期/)).toHaveAttribute('type', 'date');

	const single = await addQuestion(page, 'single', '您从哪里得知停电通知？');
	await single.getByRole('textbox', { name: '选项 1' }).fill('短信');
	await single.getByRole('textbox', { name: '选项 2' }).fill('电视');
	await single.getByRole('button', { name: '添加“其他（请注明）”' }).click();
	await expect(single.getByRole('button', { name: '添加“其他（请注明）”' })).toHaveCount(0);
	// A new option goes before "other", which stays last.
	await single.getByRole('button', { name: '添加选项' }).click();
	await single.getByRole('textbox', { name: '选项 3' }).fill('村委会');
	await expect(single.getByRole('textbox', { name: '选项 4' })).toHaveValue('其他（请注明）');
	await expect(
		preview.getByRole('textbox', { name: '其他（请注明） 请注明' }).first()
	).toBeVisible();

	const multiple = await addQuestion(page, 'multiple', '您用哪些方式缴费？');
	await multiple.getByRole('textbox', { name: '选项 1' }).fill('银行代扣');
	await multiple.getByRole('textbox', { name: '选项 2' }).fill('手机');
	await multiple.getByRole('button', { name: '添加“其他（请注明）”' }).click();

	await page.getByRole('button', { name: '保存并发布' }).click();
	await expect(page.getByText(/已发布第 1 版/)).toBeVisible();
	await page.goto(`/admin/campaigns/${SLUG}`);
	await page.getByRole('button', { name: '开放填写' }).click();
	await expect(page.getByText('状态已更新')).toBeVisible();
});

test.describe('without JavaScript at 360 px', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

	test('a respondent fills every new type, is sent back once with answers kept, then sends it', async ({
		page
	}) => {
		await page.goto(FORM);
		const group = (name: RegExp) => page.getByRole('group', { name });
		await group(/推荐/).getByRole('radio', { name: /^9/ }).check();
		await group(/电压稳定/)
			.getByRole('radio', { name: /^6/ })
			.check();
		await page.getByLabel(/上月停电大约几小时/).fill('800');
		await page.getByLabel(/最近一次停电的日期/).fill('2026-03-05');
		await group(/得知停电通知/)
			.getByRole('radio', { name: '其他（请注明）' })
			.check();
		await group(/缴费/).getByRole('checkbox', { name: '银行代扣' }).check();
		await group(/缴费/).getByRole('checkbox', { name: '其他（请注明）' }).check();
		await group(/缴费/).getByRole('textbox').fill('供电所柜台');
		await expect(page.locator('body')).toHaveCSS('font-size', /^(1[89]|[2-9]\d)(\.\d+)?px$/);
		await page.getByRole('button', { name: '提交' }).click();

		// Refused: each message at its field, every answer kept.
		await expect(page).toHaveURL(FORM);
		await expect(page.getByText('这个数字超出了允许的范围。').first()).toBeVisible();
		await expect(page.getByText('您选择了“其他”，请注明具体内容。').first()).toBeVisible();
		await expect(page.getByLabel(/上月停电大约几小时/)).toHaveValue('800');
		await expect(page.getByLabel(/最近一次停电的日期/)).toHaveValue('2026-03-05');
		await expect(group(/推荐/).getByRole('radio', { name: /^9/ })).toBeChecked();
		await expect(group(/电压稳定/).getByRole('radio', { name: /^6/ })).toBeChecked();
		await expect(group(/缴费/).getByRole('textbox')).toHaveValue('供电所柜台');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
		await page.screenshot({
			path: 'artifacts/screenshots/question-types-refused-360.png',
			fullPage: true
		});

		await page.getByLabel(/上月停电大约几小时/).fill('12');
		await group(/得知停电通知/)
			.getByRole('textbox')
			.fill('村里大喇叭');
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');
	});
});

test('what was stored shows on the response page and in the results', async ({ page }) => {
	await logIn(page, 'organiser1');
	await page.goto(`/admin/campaigns/${SLUG}/responses`);
	const response = page.locator('article.response').first();
	await expect(response).toContainText('9 / 10');
	await expect(response).toContainText('6 / 7');
	await expect(response).toContainText('12');
	await expect(response).toContainText('2026-03-05');
	await expect(response).toContainText('其他（请注明）：村里大喇叭');
	await expect(response).toContainText('银行代扣、其他（请注明）：供电所柜台');

	await page.goto(`/admin/campaigns/${SLUG}/results`);
	await expect(page.getByText('净推荐值 +100')).toBeVisible();
	await expect(page.getByText('“其他”填写内容（1 条）').first()).toBeVisible();
	await expect(page.getByText('村里大喇叭')).toBeVisible();
	// Charts size themselves once the page has settled at a width: load it at 360 px first.
	await page.setViewportSize({ width: 360, height: 900 });
	await page.reload();
	await page.waitForLoadState('networkidle');
	await expectFitsAndShoot(page, 'question-types-results');
});

test('the paper form prints every type, and a clerk types one in by keyboard', async ({
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
	const questions = sheet.locator('li.q');
	// Recommendation: 0–10 boxes with the end labels.
	await expect(questions.nth(0).locator('.box')).toHaveCount(11);
	await expect(questions.nth(0)).toContainText('不会');
	await expect(questions.nth(0)).toContainText('□ 10');
	await expect(questions.nth(1).locator('.box')).toHaveCount(7);
	await expect(questions.nth(1)).toContainText('很稳');
	// Number: three boxes (720 has three digits); date: year, month and day boxes.
	await expect(questions.nth(2)).toContainText('□□□');
	await expect(questions.nth(2)).not.toContainText('□□□□');
	await expect(questions.nth(3)).toContainText('□□□□ 年 □□ 月 □□ 日');
	// "Other" with a line to write on.
	await expect(questions.nth(4)).toContainText(/4\. 其他（请注明）\s*请注明：/);
	await expect(questions.nth(4).locator('.blank')).toHaveCount(1);
	const code = (await sheet.locator('.code strong').textContent())!.trim();
	await organiser.screenshot({
		path: 'artifacts/screenshots/question-types-print.png',
		fullPage: true
	});

	const clerk = await browser.newPage();
	await logIn(clerk, 'clerk1');
	await clerk.goto(`/admin/campaigns/${SLUG}/entry`);
	await clerk.waitForLoadState('networkidle');
	await expect(clerk.getByLabel('表单编号')).toBeFocused();
	const keys = clerk.keyboard;
	await keys.type(code);
	await keys.press('Tab');
	await keys.press('Tab'); // past the channel: the code decides it
	await keys.type('10'); // recommendation
	await keys.press('Tab');
	await keys.type('3'); // 7-point scale
	await keys.press('Tab');
	await keys.type('5'); // hours
	await keys.press('Tab');
	await keys.type('2026-4-31'); // a day that does not exist
	await keys.press('Tab');
	await keys.type('4'); // other
	await keys.press('Tab');
	await keys.type('邻居告诉我');
	await keys.press('Tab');
	await keys.type('2');
	await keys.press('Enter');
	await expect(clerk.getByText('这不是一个存在的日期').first()).toBeVisible();
	await expect(clerk.getByLabel(/最近一次停电的日期/)).toHaveValue('2026-4-31');
	await clerk.getByLabel(/最近一次停电的日期/).fill('2026-4-30');
	await clerk.getByLabel(/最近一次停电的日期/).press('Enter');
	await expect(clerk.getByRole('status')).toContainText('今天您已录入 1 份');

	await organiser.goto(`/admin/campaigns/${SLUG}/responses`);
	const entered = organiser.locator('article.response').first();
	await expect(entered).toContainText('10 / 10');
	await expect(entered).toContainText('3 / 7');
	await expect(entered).toContainText('2026-04-30');
	await expect(entered).toContainText('其他（请注明）：邻居告诉我');
	await expect(entered).toContainText('手机');
});
