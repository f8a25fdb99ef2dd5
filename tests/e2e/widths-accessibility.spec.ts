// Issue 13 points 20 and 21: every page usable at 360 px (large type too), and the markup a screen
// reader and a keyboard need. axe-core is not installed: each check reads the markup itself.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { demoCampaign, logIn } from './helpers';

const FORM = '/f/liuyang-2014';
const CAMPAIGN = '/admin/campaigns/liuyang-2014';
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };

mkdirSync('artifacts/screenshots', { recursive: true });

/** A screenshot at 360 px and one at 1280 px, then back to the phone width. */
async function screenshots(page: Page, name: string) {
	await page.setViewportSize(PHONE);
	await page.screenshot({ path: `artifacts/screenshots/${name}-360.png`, fullPage: true });
	await page.setViewportSize(DESKTOP);
	await page.screenshot({ path: `artifacts/screenshots/${name}-1280.png`, fullPage: true });
	await page.setViewportSize(PHONE);
}

async function pageWidth(page: Page) {
	return page.evaluate(() => document.documentElement.scrollWidth);
}

async function rightEdge(locator: Locator) {
	const box = await locator.boundingBox();
	return box ? box.x + box.width : Infinity;
}

/** The texts an element's aria-describedby points at. */
async function descriptions(locator: Locator) {
	return locator.evaluate((el) =>
		(el.getAttribute('aria-describedby') ?? '')
			.split(/\s+/)
			.filter(Boolean)
			.map((id) => document.getElementById(id)?.textContent?.trim() ?? `(missing #${id})`)
	);
}

async function submitEmptyForm(page: Page) {
	await page.goto(FORM);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.locator('.error-summary')).toBeVisible();
}

test.describe('public pages at 360 px without JavaScript', () => {
	test.use({ javaScriptEnabled: false, viewport: PHONE });

	test('large type: the form fits 360 px, rating option 5 included', async ({ page }) => {
		await page.goto(FORM);
		await page.getByRole('link', { name: '大字' }).click();
		await expect(page.locator('html')).toHaveClass(/large-type/);
		expect(await pageWidth(page)).toBeLessThanOrEqual(360);
		const five = page
			.getByRole('group', { name: /供电质量/ })
			.getByRole('radio', { name: /^5/ })
			.locator('..');
		expect(await rightEdge(five)).toBeLessThanOrEqual(360);
		await screenshots(page, 'form-large-type');
	});

	test('large type: the thanks page shows the whole receipt code', async ({ page }) => {
		await page.goto(`${FORM}`);
		await page.getByRole('link', { name: '大字' }).click();
		await page.getByRole('radio', { name: '电力客户' }).check();
		await page.getByLabel('您所在的乡镇（街道）').selectOption({ label: '张坊' });
		for (const name of [/供电质量/, /供电服务/]) {
			await page.getByRole('group', { name }).getByRole('radio', { name: /^4/ }).check();
		}
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page).toHaveURL(/\/thanks\?r=/);
		await expect(page.locator('html')).toHaveClass(/large-type/);
		expect(await pageWidth(page)).toBeLessThanOrEqual(360);
		expect(await rightEdge(page.locator('.code strong'))).toBeLessThanOrEqual(360);
		await screenshots(page, 'thanks-large-type');
	});

	test('an invalid submission: error count in the title, summary under the heading, focused', async ({
		page
	}) => {
		await submitEmptyForm(page);
		const summary = page.locator('.error-summary');
		const count = await summary.locator('li').count();
		await expect(page).toHaveTitle(new RegExp(`^有 ${count} 处需要修改 · `));
		await expect(page.locator('h1 + .error-summary')).toHaveCount(1);
		await expect(summary).toHaveAttribute('tabindex', '-1');
		await expect(summary).toBeFocused();
		await screenshots(page, 'form-errors');
	});

	test('hints are linked to their questions and invalid answers are marked', async ({ page }) => {
		await page.goto(FORM);
		// Four picks of at most three: the checkboxes are invalid.
		for (const name of ['业扩报装', '停电信息', '抢修速度', '电压质量']) {
			await page.getByRole('checkbox', { name }).check();
		}
		await page.getByRole('button', { name: '提交' }).click();
		await expect(page.locator('.error-summary')).toBeVisible();
		const rating = page.getByRole('group', { name: /供电质量/ });
		expect(await descriptions(rating)).toEqual(['1 分最低，5 分最高', '请回答这一题。']);
		const text = page.getByLabel(/哪些方面还有待改进/);
		expect(await descriptions(text)).toContain('最多 2000 字');
		const multiple = page.getByRole('group', { name: /最看重哪些服务/ });
		expect(await descriptions(multiple)).toContain('最多选 3 项');
		await expect(multiple.getByRole('checkbox').first()).toHaveAttribute('aria-invalid', 'true');
		// Answered (or optional) questions are not marked.
		await expect(text).not.toHaveAttribute('aria-invalid', 'true');
	});

	test('the contact question says “optional” once; public pages have a description', async ({
		page
	}) => {
		await page.goto(FORM);
		const legend = page.getByRole('group', { name: /联系方式/ }).locator('legend');
		expect((await legend.textContent())!.match(/选填/g)).toHaveLength(1);
		for (const path of [FORM, '/r', '/board/liuyang-2014']) {
			await page.goto(path);
			await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S{8}/);
		}
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.locator('meta[name="description"]')).toHaveAttribute(
			'content',
			/[A-Za-z]{4,} [A-Za-z]{2,}/
		);
	});

	test('in English, the campaign’s Chinese text is marked lang="zh-CN"', async ({ page }) => {
		await page.goto(FORM);
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'zh-CN');
		await expect(page.locator('.intro')).toHaveAttribute('lang', 'zh-CN');
		const legend = page.getByRole('group', { name: /供电质量/ }).locator('legend');
		await expect(legend.locator('[lang="zh-CN"]')).toContainText('供电质量');
		await expect(page.getByText('电力客户', { exact: true })).toHaveAttribute('lang', 'zh-CN');
		await expect(page.getByText('很不满意').first()).toHaveAttribute('lang', 'zh-CN');
		await screenshots(page, 'form-english');

		await page.goto('/board/liuyang-2014');
		const titles = page.locator('article h2');
		const n = await titles.count();
		for (let i = 0; i < n; i++) await expect(titles.nth(i)).toHaveAttribute('lang', 'zh-CN');
	});
});

test.describe('the back office on a phone', () => {
	test.use({ viewport: PHONE });

	test('campaign overview: tabs as whole words, the public link, a focusable daily table', async ({
		page
	}) => {
		await logIn(page, 'organiser1');
		await page.goto(CAMPAIGN);
		// Each tab's label on one line (today: one character per line).
		const lines = await page.locator('nav.tabs a').evaluateAll((links) =>
			links.map((a) => {
				const range = document.createRange();
				range.selectNodeContents(a);
				return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
			})
		);
		expect(lines.length).toBeGreaterThan(3);
		expect(lines.every((n) => n === 1)).toBe(true);
		expect(await rightEdge(page.locator('nav.tabs'))).toBeLessThanOrEqual(360);
		expect(await rightEdge(page.locator('.facts dd').first())).toBeLessThanOrEqual(360);
		expect(await pageWidth(page)).toBeLessThanOrEqual(360);

		const daily = page.getByRole('region', { name: '每日回收' });
		await expect(daily).toHaveAttribute('tabindex', '0');
		await expect(daily.locator('table')).toHaveCount(1);
		const empty = await page
			.locator('table th')
			.evaluateAll((ths) => ths.filter((th) => !th.textContent?.trim()).length);
		expect(empty).toBe(0);
		await screenshots(page, 'campaign-overview');
	});

	test('the distribution table scrolls in its own labelled box', async ({ page }) => {
		await logIn(page, 'organiser1');
		await page.goto(`${CAMPAIGN}/distribution`);
		expect(await pageWidth(page)).toBeLessThanOrEqual(360);
		const box = page.getByRole('region', { name: '发放计划' });
		await expect(box).toHaveAttribute('tabindex', '0');
		await expect(box.locator('table')).toHaveCount(1);
		await screenshots(page, 'distribution');
	});

	test('the review queue’s bulk panel does not cover the rows', async ({ page }) => {
		await logIn(page, 'reviewer1');
		await page.goto(`/admin/suggestions?campaign=${await demoCampaign(page)}`);
		await expect(page.locator('ol.queue > li').first()).toBeVisible();
		expect(await pageWidth(page)).toBeLessThanOrEqual(360);
		// Halfway down the list, where a sticky panel would sit over the rows being read.
		await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 3));
		await page.screenshot({ path: 'artifacts/screenshots/review-queue-scrolled-360.png' });
		const panel = (await page.locator('fieldset.bulk').boundingBox())!;
		const covered = Math.max(0, Math.min(panel.y + panel.height, PHONE.height) - panel.y);
		expect(covered).toBeLessThanOrEqual(PHONE.height * 0.25);
		await screenshots(page, 'review-queue');
	});

	test('the weekly report’s tables have no empty header', async ({ page }) => {
		await logIn(page, 'leader1');
		await page.goto(`/admin/reports/weekly?campaign=${await demoCampaign(page)}`);
		await expect(page.locator('table.report').first()).toBeVisible();
		const empty = await page
			.locator('table th')
			.evaluateAll((ths) => ths.filter((th) => !th.textContent?.trim()).length);
		expect(empty).toBe(0);
	});
});

test('the printed form marks multiple choice and explains the asterisk', async ({ page }) => {
	await logIn(page, 'organiser1');
	await page.goto(`${CAMPAIGN}/distribution`);
	await page.waitForLoadState('networkidle');
	const row = page.getByRole('row', { name: /办公室.*征求意见函/ }).first();
	await row.getByRole('spinbutton').fill('1');
	await row.getByRole('button', { name: '生成表单编号' }).click();
	await expect(page.getByText('已生成 1 个表单编号')).toBeVisible();
	await page
		.getByRole('row', { name: /办公室.*征求意见函/ })
		.first()
		.getByRole('link', { name: '打印带编号的问卷' })
		.click();
	const sheet = page.locator('article.sheet').first();
	await expect(sheet.locator('li', { hasText: '最看重哪些服务' })).toContainText(
		'可多选，最多 3 项'
	);
	await expect(sheet).toContainText('* 为必答题');
	await screenshots(page, 'print-form');
});
