import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoCampaign, expectFitsAndShoot, hydrated, logIn } from './helpers';

/** A proposer sends the demo form with `text` as the suggestion (no JavaScript, small phone). */
async function respond(browser: Browser, text: string) {
	const page = await browser.newPage({
		javaScriptEnabled: false,
		viewport: { width: 360, height: 800 }
	});
	await page.goto('/f/liuyang-2014');
	await page.getByRole('radio', { name: '电力客户' }).check();
	await page.locator('input[name="q_supply"][value="3"]').check();
	await page.locator('input[name="q_service"][value="3"]').check();
	await page.getByLabel(/哪些方面还有待改进/).fill(text);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.locator('.code strong')).toBeVisible();
	await page.close();
}

/** The reviewer finds the item by its words, files it under 其他 and assigns it to 营销部. */
async function assignToMarketing(reviewer: Page, words: string, deadline: string) {
	await reviewer.goto(
		`/admin/suggestions?campaign=${await demoCampaign(reviewer)}&q=${encodeURIComponent(words)}`
	);
	await reviewer.waitForLoadState('networkidle');
	const href = (await reviewer.locator('[data-row] a.title').first().getAttribute('href'))!;
	expect(href).toMatch(/^\/admin\/suggestions\/\d+$/);
	await reviewer.goto(href);
	await hydrated(reviewer);
	await reviewer.locator('#w-category').selectOption({ label: '其他' });
	await reviewer.locator('form:has(#w-category) button[type="submit"]').click();
	await expect(reviewer.getByText('已保存')).toBeVisible();
	await reviewer.locator('#w-department').selectOption({ label: '营销部' });
	await reviewer.locator('#w-deadline').fill(deadline);
	await reviewer.locator('form:has(#w-department) button[type="submit"]').click();
	await expect(reviewer.locator('p.meta').first()).toContainText('营销部');
	return href;
}

test('申请延期: the handler asks, a past date is refused, a reviewer approves and both deadlines show', async ({
	browser
}) => {
	test.setTimeout(90_000);
	await respond(browser, '荷花塘村抄表员总是估抄电量，电费忽高忽低。');
	const reviewer = await browser.newPage();
	await logIn(reviewer, 'reviewer1');
	const href = await assignToMarketing(reviewer, '荷花塘村', '2030-06-28');

	const handler = await browser.newPage();
	await logIn(handler, 'handler-a');
	await handler.goto(href);
	await handler.getByText('申请延期', { exact: true }).click();
	// A date in the past: a field message, nothing asked.
	await handler.locator('#h-ext-deadline').fill('2020-01-02');
	await handler.locator('#h-ext-reason').fill('需要与供电所核对三个月的抄表记录。');
	await handler.getByRole('button', { name: '提交延期申请' }).click();
	await expect(handler.locator('#h-ext-deadline-error')).toHaveText('新的期限不能早于今天。');
	await expect(handler.locator('[data-testid="request-extension"]')).toHaveCount(0);
	await handler.locator('#h-ext-deadline').fill('2030-07-31');
	await handler.getByRole('button', { name: '提交延期申请' }).click();
	await expect(handler.getByText('已保存')).toBeVisible();
	await expect(handler.locator('[data-testid="request-extension"]')).toContainText('待审批');
	await expect(handler.locator('p.meta').first()).toContainText('2030-06-28');

	// The reviewer sees it waiting in the inbox and approves it on the item.
	await reviewer.goto('/admin/inbox');
	await expect(reviewer.locator('[data-testid="inbox-requests"]')).toContainText('荷花塘村');
	await reviewer.goto(href);
	await reviewer
		.locator('[data-testid="request-extension"] input[name="note"]')
		.fill('同意，月底前答复。');
	await reviewer.getByRole('button', { name: '同意', exact: true }).click();
	await expect(reviewer.getByText('已保存')).toBeVisible();
	const deadlines = reviewer.locator('[data-testid="deadlines"]');
	await expect(deadlines).toContainText('原定期限');
	await expect(deadlines).toContainText('2030-06-28');
	await expect(deadlines).toContainText('2030-07-31');
	await expect(reviewer.locator('[data-testid="request-extension"]')).toContainText('已同意');
	await expect(reviewer.locator('.history')).toContainText(
		'同意延期：期限由 2030-06-28 延至 2030-07-31'
	);
	await expectFitsAndShoot(reviewer, 'handling-extension');

	// The handler sees the granted deadline too.
	await handler.goto(href);
	await expect(handler.locator('[data-testid="deadlines"]')).toContainText('2030-07-31');
	await expect(handler.locator('p.meta').first()).toContainText('已延期');
});

test('退回: the handler sends an item back; it leaves the department and waits in the reviewers’ inbox', async ({
	browser
}) => {
	test.setTimeout(90_000);
	await respond(browser, '石门岭组的线路杆子倾斜，雨天很危险。');
	const reviewer = await browser.newPage();
	await logIn(reviewer, 'reviewer1');
	const href = await assignToMarketing(reviewer, '石门岭组', '2030-05-30');

	const handler = await browser.newPage();
	await logIn(handler, 'handler-a');
	await handler.goto(href);
	// A reason of spaces only is no reason: the transfer form says so at its reason field.
	await handler.getByText('申请转办', { exact: true }).click();
	await handler.locator('#h-transfer-to').selectOption({ label: '运维检修部' });
	await handler.locator('#h-transfer-reason').fill('   ');
	await handler.getByRole('button', { name: '提交转办申请' }).click();
	await expect(handler.locator('#h-transfer-reason-error')).toBeVisible();
	await expect(handler.locator('#h-transfer-reason')).toHaveAttribute('aria-invalid', 'true');
	await handler.getByText('退回', { exact: true }).click();
	await handler.locator('#h-back-reason').fill('线路杆塔属于运维检修部的职责。');
	await expectFitsAndShoot(handler, 'handling-send-back-form');
	await handler.getByRole('button', { name: '退回审核人员' }).click();
	await expect(handler).toHaveURL(/\/admin\/inbox\?sentBack=1$/);
	// No longer the department's: its page is not theirs to open.
	const gone = await handler.goto(href);
	expect(gone?.status()).toBe(404);

	await reviewer.goto('/admin/inbox');
	const sentBack = reviewer.locator('[data-testid="inbox-sent-back"]');
	await expect(sentBack).toContainText('石门岭组');
	await expect(sentBack).toContainText('线路杆塔属于运维检修部的职责。');
	await expectFitsAndShoot(reviewer, 'handling-inbox-sent-back');
	await reviewer.goto(href);
	await expect(reviewer.getByText('已被退回，等待重新交办')).toBeVisible();
	await expect(reviewer.locator('.history')).toContainText('营销部退回，待重新交办');
	// Routed again, it leaves the sent-back list.
	await reviewer.locator('#w-department').selectOption({ label: '运维检修部' });
	await reviewer.locator('form:has(#w-department) button[type="submit"]').click();
	await expect(reviewer.locator('p.meta').first()).toContainText('运维检修部');
	await reviewer.goto('/admin/inbox');
	await expect(
		reviewer.locator('[data-testid="inbox-sent-back"] li', { hasText: '石门岭组' })
	).toHaveCount(0);
});

test('督办: a leader supervises an item; it heads the department’s inbox, the supervised list and the weekly report', async ({
	browser
}) => {
	test.setTimeout(90_000);
	await respond(browser, '金刚镇农网改造拖了两年还没完工，村民意见很大。');
	const reviewer = await browser.newPage();
	await logIn(reviewer, 'reviewer1');
	const href = await assignToMarketing(reviewer, '金刚镇农网', '2030-04-30');

	const leader = await browser.newPage();
	await logIn(leader, 'leader1');
	await leader.goto(href);
	// Without a note nothing happens: the field says why.
	await leader.getByRole('button', { name: '列为督办' }).click();
	await expect(leader.locator('[data-testid="handling"] .error')).toHaveText('此项必填。');
	await expect(leader.locator('[data-testid="supervised"]')).toHaveCount(0);
	await leader.locator('#h-supervise-note').fill('请营销部本月底前拿出完工时间表。');
	await leader.getByRole('button', { name: '列为督办' }).click();
	await expect(leader.locator('[data-testid="supervised"]')).toContainText('请营销部本月底前');
	await expect(leader.locator('.history')).toContainText('列为督办');

	const handler = await browser.newPage();
	await logIn(handler, 'handler-a');
	await handler.goto('/admin/inbox');
	// The first section of the inbox is 督办.
	await expect(handler.locator('h2').first()).toHaveText('督办事项');
	await expect(handler.locator('[data-testid="inbox-supervised"]')).toContainText('金刚镇农网');
	await expectFitsAndShoot(handler, 'handling-inbox-supervised');

	await leader.goto('/admin/supervised');
	await expect(leader.locator('[data-testid="supervised-list"]')).toContainText('金刚镇农网');
	await expectFitsAndShoot(leader, 'handling-supervised-list');
	await reviewer.goto(`/admin/reports/weekly?campaign=${await demoCampaign(reviewer)}`);
	await expect(reviewer.locator('[data-testid="weekly-supervised"]')).toContainText('金刚镇农网');
});

test('节假日: the admin lists a day off and refuses a weekend listed as one', async ({ page }) => {
	await logIn(page, 'admin');
	await page.goto('/admin/holidays');
	// Filled before the page has hydrated, the date was reset and the save sent nothing (CI).
	await page.waitForLoadState('networkidle');
	await page.getByLabel('日期').fill('2030-10-05');
	await page.getByLabel('名称（如“国庆节”）').fill('国庆节');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.locator('#f-day-error')).toHaveText('周末本来就休息，不必列为放假日。');
	await page.getByLabel('日期').fill('2030-10-01');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByText('已保存')).toBeVisible();
	await expect(page.locator('[data-testid="holidays"]')).toContainText('2030-10-01');
	await expectFitsAndShoot(page, 'handling-holidays');
});
