// Sections and conditions on an area and a date (issue 17): an organiser builds a questionnaire
// whose second part only people of 浏阳城区 see, one of its questions only those whose last
// outage was on or after 1 November; respondents at 360 px fill it without JavaScript (in pages)
// and with it (in place), and the two responses store the same answers.
import { expect, test, type Page } from '@playwright/test';
import { expectFitsAndShoot, logIn } from './helpers';

const SLUG = 'sections-e2e';
const FORM = `/f/${SLUG}`;

test.describe.configure({ mode: 'serial' });

async function addQuestion(page: Page, type: string, title: string) {
	await page.getByLabel('题型').selectOption(type);
	await page.getByRole('button', { name: '添加题目' }).click();
	const editors = page.getByRole('region', { name: /第 \d+ 题/ });
	const editor = editors.nth((await editors.count()) - 1);
	await editor.getByLabel('题目').fill(title);
	return editor;
}
async function addSection(page: Page, title: string) {
	await page.getByRole('button', { name: '添加分节' }).click();
	const editors = page.getByRole('region', { name: /部分 · 分节/ });
	const editor = editors.nth((await editors.count()) - 1);
	await editor.getByLabel('分节标题').fill(title);
	return editor;
}

test('an organiser adds sections, a condition on an area and one on a date', async ({ page }) => {
	test.slow();
	await logIn(page, 'organiser1');
	await page.goto('/admin/campaigns');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('活动名称').fill('分节问卷');
	await page.getByLabel('网址代码').fill(SLUG);
	await page.getByRole('radio', { name: /^匿名/ }).check();
	await page.getByRole('button', { name: '新建活动' }).click();
	await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${SLUG}/questionnaire`));
	await page.waitForLoadState('networkidle');
	const preview = page.getByRole('complementary', { name: /预览/ });

	const area = await addQuestion(page, 'area', '您所在的区域');
	await area.getByRole('checkbox', { name: '必答' }).check();
	await addQuestion(page, 'date', '最近一次停电是哪天？');

	const town = await addSection(page, '城区居民');
	await expect(town.getByText('本节后面还没有题目。')).toBeVisible();
	await town.getByLabel('说明（选填）').fill('以下两题只请浏阳城区的居民回答。');
	await town.getByRole('button', { name: '添加显示条件' }).click();
	await town.getByLabel('第 1 条规则：依据').selectOption({ label: '第 1 题 · 您所在的区域' });
	await town.getByLabel('选项', { exact: true }).selectOption({ label: '浏阳城区' });

	const street = await addQuestion(page, 'short_text', '您住在哪条街？');
	await street.getByRole('checkbox', { name: '必答' }).check();
	const notice = await addQuestion(page, 'single', '这次停电事先通知了吗？');
	await notice.getByRole('checkbox', { name: '必答' }).check();
	await notice.getByRole('textbox', { name: '选项 1' }).fill('通知了');
	await notice.getByRole('textbox', { name: '选项 2' }).fill('没有通知');
	await notice.getByRole('button', { name: '添加显示条件' }).click();
	await notice
		.getByLabel('第 1 条规则：依据')
		.selectOption({ label: '第 2 题 · 最近一次停电是哪天？' });
	await notice.getByLabel('条件').selectOption({ label: '在此日期当天或之后' });
	await notice.getByLabel('日期').fill('2026-11-01');
	await expect(town.getByText('本节含第 3–4 题。')).toBeVisible();

	await addSection(page, '意见建议');
	await addQuestion(page, 'suggestion', '您还有什么建议？');

	// The preview honours the section: hidden until 浏阳城区 is chosen there.
	const heading = preview.getByRole('heading', { name: /第二部分 城区居民/ });
	await expect(heading).toBeHidden();
	await preview.getByLabel(/您所在的区域/).selectOption({ label: '浏阳城区' });
	await expect(heading).toBeVisible();
	await expect(preview.getByLabel(/您住在哪条街/)).toBeVisible();
	await expect(preview.getByRole('heading', { name: /第三部分 意见建议/ })).toBeVisible();

	await page.getByRole('button', { name: '保存并发布' }).click();
	await expect(page.getByText(/已发布第 1 版/)).toBeVisible();
	await expectFitsAndShoot(page, 'sections-builder');
	await page.goto(`/admin/campaigns/${SLUG}`);
	await page.getByRole('button', { name: '开放填写' }).click();
	await expect(page.getByText('状态已更新')).toBeVisible();
});

test.describe('without JavaScript at 360 px', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

	test('the section comes as the second page once the area calls for it', async ({ page }) => {
		await page.goto(FORM);
		await expect(page.getByText('第 1 页，共 2 页')).toBeVisible();
		const section = page.getByRole('heading', { name: /第二部分 城区居民/ });
		await expect(section).toBeHidden();
		await page.getByLabel(/您所在的区域/).selectOption({ label: '浏阳城区' });
		await page.getByLabel(/最近一次停电是哪天/).fill('2026-11-05');
		await page.getByRole('button', { name: '下一页' }).click();

		await expect(page.getByText('第 2 页，共 2 页')).toBeVisible();
		await expect(section).toBeVisible();
		await expect(page.getByText('以下两题只请浏阳城区的居民回答。')).toBeVisible();
		// Numbered as the print: the sections take no number.
		await expect(page.getByText(/^3\.\s*您住在哪条街/)).toBeVisible();
		await page.getByLabel(/您住在哪条街/).fill('北正路');
		await page.getByRole('radio', { name: '没有通知' }).check();
		await page.getByLabel(/您还有什么建议/).fill('停电前请发短信通知');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
		await page.screenshot({ path: 'artifacts/screenshots/sections-page2-360.png', fullPage: true });
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');
	});
});

test.describe('with JavaScript at 360 px', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('the same form shows and hides the section and the date question in place', async ({
		page
	}) => {
		// The first load, script included, stays within the public form's budget (as bench:page).
		const sizes: Promise<number>[] = [];
		const measure = (response: import('@playwright/test').Response) => {
			const measured = response.request().sizes();
			sizes.push(measured.then((s) => s.responseBodySize + s.responseHeadersSize));
		};
		page.on('response', measure);
		await page.goto(FORM, { waitUntil: 'networkidle' });
		const loaded = await Promise.all(sizes);
		// Later responses are not measured (a size asked for after the test ends fails it).
		page.off('response', measure);
		console.log(
			`sections form, first load: ${loaded.length} requests, ${loaded.reduce((a, b) => a + b, 0)} bytes`
		);
		expect(loaded.length).toBeLessThanOrEqual(6);
		expect(loaded.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30 * 1024);
		await expect(page.getByRole('button', { name: '下一页' })).toHaveCount(0);
		const section = page.getByRole('heading', { name: /第二部分 城区居民/ });
		const street = page.getByLabel(/您住在哪条街/);
		const notice = page.getByRole('group', { name: /这次停电事先通知了吗/ });
		await expect(section).toBeHidden();
		await expect(street).toBeHidden();
		await page.getByLabel(/您所在的区域/).selectOption({ label: '浏阳城区' });
		await expect(section).toBeVisible();
		await expect(street).toBeVisible();
		// Its own condition too: an October outage does not ask about the notice.
		await page.getByLabel(/最近一次停电是哪天/).fill('2026-10-31');
		await expect(notice).toBeHidden();
		await page.getByLabel(/最近一次停电是哪天/).fill('2026-11-05');
		await expect(notice).toBeVisible();
		await street.fill('北正路');
		await notice.getByRole('radio', { name: '没有通知' }).check();
		await page.getByLabel(/您还有什么建议/).fill('停电前请发短信通知');
		await expectFitsAndShoot(page, 'sections-js');
		// Another area hides the whole section again (what was typed there is not stored).
		await page.getByLabel(/您所在的区域/).selectOption({ label: '大围山' });
		await expect(section).toBeHidden();
		await expect(street).toBeHidden();
		await page.getByLabel(/您所在的区域/).selectOption({ label: '浏阳城区' });
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');
	});

	test('in English too', async ({ page }) => {
		await page.goto(FORM);
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await page.getByLabel(/您所在的区域/).selectOption({ label: '浏阳城区' });
		await expect(page.getByRole('heading', { name: /Part 2 城区居民/ })).toBeVisible();
		await expectFitsAndShoot(page, 'sections-js-en');
	});
});

test('both ways stored the same answers, the hidden ones left out', async ({ page }) => {
	await logIn(page, 'organiser1');
	await page.goto(`/admin/campaigns/${SLUG}/responses`);
	const answers = page.locator('article.response dl');
	await expect(answers).toHaveCount(2);
	const [first, second] = await answers.allInnerTexts();
	expect(first).toBe(second);
	expect(first).toContain('北正路');
	expect(first).toContain('没有通知');
	expect(first).not.toContain('城区居民');
});
