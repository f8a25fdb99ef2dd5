import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoCampaign, expectFitsAndShoot, hydrated, logIn } from './helpers';

/** A proposer on a small phone with JavaScript off, as the public pages are meant for. */
async function phone(browser: Browser): Promise<Page> {
	return browser.newPage({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
}

async function respond(browser: Browser, text: string): Promise<string> {
	const page = await phone(browser);
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

async function answer(handler: Page, href: string, reply: string) {
	await handler.goto(href);
	await hydrated(handler);
	await handler.locator('#w-status').selectOption('resolved');
	await handler.locator('#w-reply').fill(reply);
	await handler.getByRole('button', { name: '更新状态' }).click();
	await expect(handler.getByText('已保存')).toBeVisible();
	await expect(handler.locator('p.meta').first()).toContainText('已整改');
}

test('回访 without JavaScript at 360 px: 不满意 reopens the item for its department, the new reply is rated 满意', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const code = await respond(browser, '杨梅岭村的变压器一到夏天就跳闸，晚上经常停电。');

	// The reviewer files and assigns it to 营销部.
	const reviewer = await browser.newPage();
	await logIn(reviewer, 'reviewer1');
	await reviewer.goto(`/admin/suggestions?campaign=${await demoCampaign(reviewer)}&q=杨梅岭村`);
	await reviewer.waitForLoadState('networkidle');
	const href = (await reviewer.locator('[data-row] a.title').first().getAttribute('href'))!;
	expect(href).toMatch(/^\/admin\/suggestions\/\d+$/);
	await reviewer.goto(href);
	await hydrated(reviewer);
	await reviewer.locator('#w-category').selectOption({ label: '其他' });
	await reviewer.locator('form:has(#w-category) button[type="submit"]').click();
	await expect(reviewer.getByText('已保存')).toBeVisible();
	await reviewer.locator('#w-department').selectOption({ label: '营销部' });
	await reviewer.locator('#w-deadline').fill('2030-06-30');
	await reviewer.locator('form:has(#w-department) button[type="submit"]').click();
	await expect(reviewer.locator('p.meta').first()).toContainText('营销部');

	// Before a reply there is nothing to rate.
	const citizen = await phone(browser);
	await citizen.goto(`/r/${code}`);
	await expect(citizen.locator('form[data-follow-up]')).toHaveCount(0);
	await expect(citizen.locator('[data-step="assigned"]')).toHaveClass(/done/);

	const handler = await browser.newPage();
	await logIn(handler, 'handler-a');
	await answer(handler, href, '已安排检修班更换跌落式熔断器，并调整三相负荷。');

	// The proposer is asked, says 不满意 with a comment; the item goes back to the department.
	await citizen.goto(`/r/${code}`);
	await expect(citizen.locator('[data-step="answered"]')).toHaveClass(/done/);
	await expect(citizen.getByText('您对这条答复满意吗？')).toBeVisible();
	await expectFitsAndShoot(citizen, 'follow-up-asked');
	await citizen.setViewportSize({ width: 360, height: 800 });
	await citizen.getByRole('radio', { name: '不满意', exact: true }).check();
	await citizen.getByLabel('还想说的话（可不填）').fill('换了以后上周又跳闸两次，问题没解决。');
	await citizen.getByRole('button', { name: '提交评价' }).click();
	await expect(citizen.getByRole('status')).toContainText('已退回责任部室重新办理');
	await expect(citizen.locator('[data-reopened="1"]')).toBeVisible();
	await expect(citizen.locator('form[data-follow-up]')).toHaveCount(0);
	await expect(citizen.getByText('整改中')).toBeVisible();
	await expectFitsAndShoot(citizen, 'follow-up-reopened');
	await citizen.setViewportSize({ width: 360, height: 800 });

	// The handler finds it in the inbox with the comment, and on the item page with its history.
	await handler.goto('/admin/inbox');
	const reopened = handler.getByTestId('inbox-reopened');
	await expect(reopened).toContainText('杨梅岭村');
	await expect(reopened).toContainText('上周又跳闸两次');
	await handler.goto(href);
	await expect(handler.locator('p.meta').first()).toContainText('整改中');
	await expect(handler.locator('[data-reopened-count="1"]')).toBeVisible();
	await expect(handler.getByText('第 1 轮回访不满意，退回部室重新办理')).toBeVisible();
	await answer(handler, href, '已将该台区变压器增容至 400 千伏安，近两周未再跳闸。');

	// Round 2: the proposer is asked again and is satisfied.
	await citizen.goto(`/r/${code}`);
	await expect(citizen.getByText('您对这条答复满意吗？')).toBeVisible();
	await citizen.getByRole('radio', { name: '满意', exact: true }).check();
	await citizen.getByRole('button', { name: '提交评价' }).click();
	await expect(citizen.getByRole('status')).toContainText('您的评价已收到');
	await expect(citizen.getByRole('radio', { name: '满意', exact: true })).toBeChecked();
	await expect(citizen.getByRole('button', { name: '修改评价' })).toBeVisible();
	await expect(citizen.locator('[data-step="followUp"]')).toHaveClass(/done/);
	// Nothing about staff on the public page.
	await expect(citizen.locator('main')).not.toContainText('handler-a');
	await expectFitsAndShoot(citizen, 'follow-up-satisfied');
	// The same page in English.
	await citizen.goto(`/lang/en?next=/r/${code}`);
	await expect(citizen.getByText('Are you satisfied with this reply?')).toBeVisible();
	await expect(citizen.getByRole('radio', { name: 'Satisfied', exact: true })).toBeChecked();
	await expect(citizen.locator('[data-step="followUp"]')).toContainText('Follow-up');
	await expectFitsAndShoot(citizen, 'follow-up-satisfied-en');
	await citizen.goto(`/lang/zh-CN?next=/r/${code}`);
	await expect(citizen.getByText('您对这条答复满意吗？')).toBeVisible();

	// Staff see both rounds on the item page.
	await handler.goto(href);
	await expect(handler.locator('#follow-up li[data-level="dissatisfied"]')).toHaveCount(1);
	await expect(handler.locator('#follow-up li[data-level="satisfied"]')).toHaveCount(1);
	await expectFitsAndShoot(handler, 'follow-up-item');

	// A bad answer posted straight to the page is a clear 400, and changes nothing.
	const bad = await citizen.request.post(`/r/${code}?/followUp`, {
		form: { suggestionId: href.split('/').pop()!, level: 'ecstatic' },
		// As a browser without JavaScript posts it: the page comes back, not the JSON of enhance.
		headers: { origin: new URL(citizen.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(bad.status()).toBe(400);
	expect(await bad.text()).toContain('取值无效');
	await citizen.goto(`/r/${code}`);
	await expect(citizen.getByRole('radio', { name: '满意', exact: true })).toBeChecked();

	// The reports show the satisfaction figures (opened at 360 px: the charts draw at that width).
	await reviewer.setViewportSize({ width: 360, height: 800 });
	await reviewer.goto(`/admin/reports?campaign=${await demoCampaign(reviewer)}`);
	await reviewer.waitForLoadState('networkidle');
	await expect(reviewer.getByTestId('satisfaction-departments')).toContainText('营销部');
	await expect(reviewer.getByTestId('satisfaction-rate')).toContainText('%');
	// The stats API gives the same figures: counts per level and the rate, here 营销部's row too.
	const api = await (
		await reviewer.request.get('/api/v1/campaigns/liuyang-2014/suggestions/stats')
	).json();
	const { satisfied, basic, dissatisfied, answered, rate } = api.satisfaction;
	expect(answered).toBe(satisfied + basic + dissatisfied);
	expect(await reviewer.getByTestId('satisfaction-rate').textContent()).toContain(
		`${(rate * 100).toFixed(1)}%`
	);
	const marketing = api.satisfaction.byDepartment.find(
		(d: { label: string }) => d.label === '营销部'
	);
	expect(marketing.dissatisfied).toBeGreaterThanOrEqual(1);
	await expect(
		reviewer.locator('[data-testid="satisfaction-departments"] tr', { hasText: '营销部' })
	).toContainText(String(marketing.answered));
	await expectFitsAndShoot(reviewer, 'follow-up-reports');
});
