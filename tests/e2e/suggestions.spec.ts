import { expect, test, type Browser } from '@playwright/test';
import { demoCampaign, logIn } from './helpers';

async function respond(browser: Browser, text: string): Promise<string> {
	const page = await browser.newPage({ javaScriptEnabled: false });
	await page.goto('/f/liuyang-2014');
	await page.getByRole('radio', { name: '电力客户' }).check();
	await page.locator('input[name="q_supply"][value="3"]').check();
	await page.locator('input[name="q_service"][value="3"]').check();
	await page.getByLabel(/哪些方面还有待改进/).fill(text);
	await page.getByRole('button', { name: '提交' }).click();
	const code = (await page.locator('.code strong').textContent())!.trim();
	await page.close();
	return code;
}

test('from two answers to one published reply: review, merge, assign, handle, answer', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const code = await respond(browser, '后山村三组的路灯坏了三个月，晚上走路看不见，希望尽快修好。');
	await respond(browser, '后山村路灯坏好久了冇人修，老人晚上出门不安全');

	const reviewer = await browser.newPage();
	await logIn(reviewer, 'reviewer1');
	await reviewer.goto(
		`/admin/suggestions?campaign=${await demoCampaign(reviewer)}&q=后山村&status=new`
	);
	await reviewer.waitForLoadState('networkidle');
	const rows = reviewer.locator('[data-row]');
	await expect(rows).toHaveCount(2);
	// The software's hints are there: a suggested category with its confidence, one key away.
	await expect(rows.first().locator('button[data-suggest="0"]')).toBeVisible();
	await reviewer.keyboard.press('j');
	await reviewer.keyboard.press('k');
	await reviewer.keyboard.press('x');
	await reviewer.keyboard.press('j');
	await reviewer.keyboard.press('x');
	await expect(reviewer.getByText('已选 2 条')).toBeVisible();
	await reviewer.locator('#bulk-title').fill('后山村路灯长期不亮');
	await reviewer.getByRole('button', { name: '合并所选' }).click();
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('后山村路灯长期不亮');
	await expect(rows.first()).toContainText('2 人提出');
	await expect(reviewer.getByText('已选 0 条')).toBeVisible();
	// Without the status filter, so the item stays in view as it moves on.
	await reviewer.goto(`/admin/suggestions?campaign=${await demoCampaign(reviewer)}&q=后山村`);
	await reviewer.waitForLoadState('networkidle');
	await expect(rows).toHaveCount(1);

	await rows.first().getByRole('checkbox').check();
	await reviewer.locator('#bulk-category').selectOption({ label: '其他' });
	await reviewer.getByRole('button', { name: '批量归类' }).click();
	await expect(rows.first()).toContainText('已归类');
	await rows.first().getByRole('checkbox').check();
	await reviewer.locator('#bulk-department').selectOption({ label: '营销部' });
	await reviewer.locator('#bulk-deadline').fill('2030-06-30');
	await reviewer.getByRole('button', { name: '批量交办' }).click();
	await expect(rows.first()).toContainText('营销部');
	const href = await rows.first().locator('a.title').getAttribute('href');
	expect(href).toMatch(/^\/admin\/suggestions\/\d+$/);

	const other = await browser.newPage();
	await logIn(other, 'handler-b');
	expect((await other.goto(href!))?.status()).toBe(404);

	const handler = await browser.newPage();
	await logIn(handler, 'handler-a');
	await handler.goto('/admin/inbox');
	await expect(handler.getByRole('link', { name: '后山村路灯长期不亮' })).toBeVisible();
	await handler.goto(href!);
	await handler.waitForLoadState('networkidle');
	await expect(handler.getByText('电力客户 2')).toBeVisible();
	await handler.getByLabel('状态').selectOption('resolved');
	await handler.getByLabel('整改措施').fill('更换 6 盏路灯的灯头和线路');
	await handler.getByRole('button', { name: '更新状态' }).click();
	await expect(handler.locator('#w-reply-error')).toContainText('必须填写给群众的答复');
	await handler
		.getByLabel('答复（群众可见）')
		.fill('路灯已于本周修复，今后由台区经理每月巡查一次。');
	await handler.getByRole('button', { name: '更新状态' }).click();
	await expect(handler.getByText('已保存')).toBeVisible();
	await expect(handler.locator('p.meta').first()).toContainText('已整改');

	await reviewer.goto(href!);
	await reviewer.getByRole('button', { name: '在整改公示中公布' }).click();
	await expect(reviewer.getByText('已公布')).toBeVisible();

	const citizen = await browser.newPage({ javaScriptEnabled: false });
	await citizen.goto(`/r/${code}`);
	await expect(citizen.getByRole('heading', { name: '后山村路灯长期不亮' })).toBeVisible();
	await expect(citizen.getByText('路灯已于本周修复')).toBeVisible();
	await expect(citizen.getByText('已整改')).toBeVisible();
	await citizen.goto('/board/liuyang-2014?category=other');
	await expect(citizen.getByRole('heading', { name: '后山村路灯长期不亮' })).toBeVisible();
	await expect(citizen.getByText('路灯已于本周修复')).toBeVisible();
	await citizen.screenshot({ path: 'artifacts/screenshots/board-360.png' });
});

test('the reviewer picks which item a merge keeps; the merged-away one leads to it', async ({
	browser
}) => {
	test.setTimeout(60_000);
	await respond(browser, '西岭村五组的电表箱门坏了，孩子放学路过容易碰到。');
	await respond(browser, '西岭村电表箱门一直没修好，太危险');

	const reviewer = await browser.newPage();
	await logIn(reviewer, 'reviewer1');
	await reviewer.goto(
		`/admin/suggestions?campaign=${await demoCampaign(reviewer)}&q=西岭村&status=new`
	);
	await reviewer.waitForLoadState('networkidle');
	const rows = reviewer.locator('[data-row]');
	await expect(rows).toHaveCount(2);
	const idOf = async (i: number) =>
		Number((await rows.nth(i).locator('a.title').getAttribute('href'))!.split('/').pop());
	// Newest first: keep the second row's (older) item, not the first one ticked.
	const [newer, older] = [await idOf(0), await idOf(1)];
	await reviewer.keyboard.press('j');
	await reviewer.keyboard.press('k');
	await reviewer.keyboard.press('x');
	await reviewer.keyboard.press('j');
	await reviewer.keyboard.press('x');
	const survivor = reviewer.getByLabel('保留哪一条（其余并入它）');
	await expect(survivor).toHaveValue('');
	await survivor.selectOption(String(older));
	await reviewer.getByRole('button', { name: '合并所选' }).click();
	await expect(rows).toHaveCount(1);
	await expect(rows.first().locator('a.title')).toHaveAttribute(
		'href',
		`/admin/suggestions/${older}`
	);
	await expect(rows.first()).toContainText('2 人提出');

	await reviewer.goto(`/admin/suggestions/${newer}`);
	await expect(reviewer).toHaveURL(`/admin/suggestions/${older}?merged=${newer}`);
	await expect(reviewer.getByText(`#${newer} 已合并到本条`)).toBeVisible();

	// Not the handler's department: merged or not, the item is not theirs to know.
	const other = await browser.newPage();
	await logIn(other, 'handler-b');
	expect((await other.goto(`/admin/suggestions/${newer}`))?.status()).toBe(404);
});

test('a copy and a paraphrase of an earlier suggestion show it as a hint before anyone categorises them', async ({
	browser
}) => {
	test.setTimeout(60_000);
	await respond(browser, '建议开通手机支付宝、微信交电费！');
	// The same wish in other words: no "same words", but the pair model still finds it.
	await respond(browser, '希望能在手机上用微信或者支付宝缴纳电费，省得跑营业厅');
	// Words no other suggestion shares: nothing is likely.
	await respond(browser, '呵呵呵呵呵呵呵呵');

	const reviewer = await browser.newPage();
	await logIn(reviewer, 'reviewer1');
	// The demo's suggestion worded so, already categorised (so not in the new queue).
	await reviewer.goto(
		`/admin/suggestions?campaign=${await demoCampaign(reviewer)}&q=建议开通手机支付宝微信交电费`
	);
	const original = await reviewer.locator('[data-row] a.title').first().getAttribute('href');
	expect(original).toMatch(/^\/admin\/suggestions\/\d+$/);

	await reviewer.goto(
		`/admin/suggestions?campaign=${await demoCampaign(reviewer)}&q=支付宝、微信交电费&status=new`
	);
	const copy = reviewer.locator('[data-row]').filter({ hasText: '建议开通手机支付宝、微信交电费' });
	const first = copy.locator('[data-duplicates] a').first();
	await expect(first).toHaveAttribute('href', original!);
	await expect(first).toContainText('文字相同');

	await reviewer.goto(
		`/admin/suggestions?campaign=${await demoCampaign(reviewer)}&q=省得跑营业厅&status=new`
	);
	const paraphrase = reviewer.locator('[data-row]').filter({ hasText: '省得跑营业厅' });
	const hint = paraphrase.locator(`[data-duplicates] a[href="${original}"]`);
	await expect(hint).toHaveCount(1);
	await expect(hint).not.toContainText('文字相同');

	await reviewer.goto(
		`/admin/suggestions?campaign=${await demoCampaign(reviewer)}&q=呵呵呵&status=new`
	);
	await expect(reviewer.locator('[data-row] [data-duplicates]')).toHaveText('可能重复：没有找到');
	await expect(reviewer.locator('[data-row] [data-weak-duplicates]')).toHaveCount(0);
});

test('the places left of the five hints show less likely ones, set apart, in both languages', async ({
	browser
}) => {
	test.setTimeout(60_000);
	// One demo suggestion is about the canteen; a few others share a word or two.
	await respond(browser, '食堂的饭菜口味太咸，希望换个厨师');
	const reviewer = await browser.newPage();
	await logIn(reviewer, 'reviewer1');
	const queue = `/admin/suggestions?campaign=${await demoCampaign(reviewer)}&q=口味太咸&status=new`;
	await reviewer.goto(queue);
	const row = reviewer.locator('[data-row]').filter({ hasText: '口味太咸' });
	const likely = row.locator('[data-duplicates] a');
	const weak = row.locator('[data-weak-duplicates] a');
	await expect(row.locator('[data-weak-duplicates]')).toContainText('可能性较低：');
	expect(await likely.count()).toBeGreaterThan(0);
	expect((await likely.count()) + (await weak.count())).toBe(5);
	// Under the 7.5 % floor: "<1%" to "7%".
	for (const text of await weak.allTextContents()) expect(text).toMatch(/^#\d+ \((<1|[1-7])%\)$/);
	for (const width of [360, 1280]) {
		await reviewer.setViewportSize({ width, height: 900 });
		await row.screenshot({ path: `artifacts/screenshots/queue-hints-${width}.png` });
	}
	await reviewer.goto(`/lang/en?next=${encodeURIComponent(queue)}`);
	await expect(row.locator('[data-weak-duplicates]')).toContainText('Less likely:');
	for (const width of [360, 1280]) {
		await reviewer.setViewportSize({ width, height: 900 });
		await row.screenshot({ path: `artifacts/screenshots/queue-hints-en-${width}.png` });
	}
});

test('leaders read the overview and the weekly report; the report matches the API', async ({
	page
}) => {
	await logIn(page, 'leader1');
	// Other tests add suggestions meanwhile: compare a page and an API answer taken back to back.
	await expect
		.poll(async () => {
			await page.goto(`/admin/reports?campaign=${await demoCampaign(page)}`);
			const shown = Number(await page.getByTestId('total').textContent());
			const api = await (
				await page.request.get('/api/v1/campaigns/liuyang-2014/suggestions/stats')
			).json();
			return shown >= 182 && shown === api.total;
		})
		.toBe(true);
	await page.goto('/admin/reports/weekly?week=2014-04-16');
	await expect(page.getByText('2014-04-14 至 2014-04-20')).toBeVisible();
	await expect(page.getByRole('table', { name: '合计' })).toBeVisible();
	expect((await page.goto('/admin/suggestions/duplicates'))?.status()).toBe(403);
});
