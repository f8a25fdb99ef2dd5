// Issue 17's Done means: a questionnaire with every type and two conditions
// (src/lib/server/test/all-types.ts, seeded by setup-db.ts) is filled at 360 px without JavaScript
// (in two server-rendered pages: the follow-ups depend on answers of the first) and with it (in
// place), and the two responses store the same answers. With JavaScript the first load, every
// script included, stays within the public form's budget: ≤ 30 KB in ≤ 6 requests.
import { expect, test, type Page } from '@playwright/test';
import { expectFitsAndShoot, logIn } from './helpers';

const SLUG = 'all-types-e2e';
const FORM = `/f/${SLUG}`;

test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 360, height: 740 } });

const group = (page: Page, name: RegExp) => page.getByRole('group', { name });

/** Everything before the conditional part, the same way in both runs. */
async function fillFirstPart(page: Page) {
	await group(page, /推荐/).getByRole('radio', { name: /^10/ }).check();
	await group(page, /电压稳定/)
		.getByRole('radio', { name: /^6/ })
		.check();
	await page.getByLabel(/上月停电大约几小时/).fill('12');
	await page.getByLabel(/最近一次停电的日期/).fill('2026-11-05');
	await group(page, /得知停电通知/)
		.getByRole('radio', { name: '短信' })
		.check();
	const pay = group(page, /缴费/);
	await pay.getByRole('checkbox', { name: '银行代扣' }).check();
	await pay.getByRole('checkbox', { name: '别的方式（请注明）' }).check();
	await pay.getByRole('textbox').fill('供电所柜台');
	const matrix = group(page, /请为各方面打分/);
	await matrix
		.getByRole('group', { name: '抢修及时' })
		.getByRole('radio', { name: '5', exact: true })
		.check();
	await matrix
		.getByRole('group', { name: '员工态度' })
		.getByRole('radio', { name: '3', exact: true })
		.check();
	await page.getByLabel(/您所在的区域/).selectOption({ label: '浏阳城区' });
}

/** The questions the conditions show: for a 10, and for those who heard by SMS. */
async function fillConditionalPart(page: Page) {
	await page.getByLabel(/您为什么愿意推荐我们/).fill('抢修来得快');
	await expect(page.getByText('以下两题只请收到短信的人回答。')).toBeVisible();
	await page.getByLabel(/短信提前多久收到/).fill('提前一天');
	await page.getByLabel(/您对我们还有什么建议/).fill('希望短信写明停电范围');
}

test('without JavaScript: two pages, the conditional part on the second', async ({ browser }) => {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 360, height: 740 }
	});
	const page = await context.newPage();
	await page.goto(FORM);
	// The follow-ups wait, on a second page, for the answers they depend on.
	await expect(page.getByText('第 1 页，共 2 页')).toBeVisible();
	await expect(page.getByLabel(/您为什么愿意推荐我们/)).toBeHidden();
	// Ranking without JavaScript: numbered selects.
	await page.getByLabel('抢修速度', { exact: true }).selectOption({ label: '1' });
	await page.getByLabel('电价', { exact: true }).selectOption({ label: '2' });
	await fillFirstPart(page);
	await expectFitsAndShoot(page, 'all-types-page1');
	await page.setViewportSize({ width: 360, height: 740 });
	await page.getByRole('button', { name: '下一页' }).click();
	await fillConditionalPart(page);
	await expectFitsAndShoot(page, 'all-types-page2');
	await page.setViewportSize({ width: 360, height: 740 });
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');
	await context.close();
});

test('with JavaScript: one page that shows the follow-ups in place, within the budget', async ({
	page
}) => {
	const sizes: Promise<number>[] = [];
	const measure = (response: import('@playwright/test').Response) => {
		const measured = response.request().sizes();
		sizes.push(measured.then((s) => s.responseBodySize + s.responseHeadersSize));
	};
	page.on('response', measure);
	await page.goto(FORM, { waitUntil: 'networkidle' });
	page.off('response', measure);
	const loaded = await Promise.all(sizes);
	expect(loaded.length).toBeLessThanOrEqual(6);
	expect(loaded.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30 * 1024);

	await expect(page.getByLabel(/您为什么愿意推荐我们/)).toBeHidden();
	await expect(page.getByText('以下两题只请收到短信的人回答。')).toBeHidden();
	// Ranking with JavaScript: tap in order.
	await page.getByRole('button', { name: /抢修速度/ }).click();
	await page.getByRole('button', { name: /电价/ }).click();
	await fillFirstPart(page);
	await fillConditionalPart(page);
	await expectFitsAndShoot(page, 'all-types-js');
	await page.setViewportSize({ width: 360, height: 740 });
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');
});

test('both ways stored the same answers', async ({ page }) => {
	await logIn(page, 'organiser1');
	await page.goto(`/admin/campaigns/${SLUG}/responses`);
	const responses = page.locator('article.response');
	await expect(responses).toHaveCount(2);
	const first = await responses.nth(0).locator('dd').allTextContents();
	const second = await responses.nth(1).locator('dd').allTextContents();
	expect(first).toEqual(second);
	// Every answer is there, the conditional ones included.
	for (const text of ['10 / 10', '6 / 7', '2026-11-05', '供电所柜台', '抢修来得快', '提前一天']) {
		expect(first.join('\n')).toContain(text);
	}
});
