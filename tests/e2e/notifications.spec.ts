import { expect, test, type Browser } from '@playwright/test';
import { demoCampaign, expectFitsAndShoot, hydrated, logIn } from './helpers';
import { received } from './message-sink';

async function respond(browser: Browser, text: string) {
	const page = await browser.newPage({ javaScriptEnabled: false });
	await page.goto('/f/liuyang-2014');
	await page.getByRole('radio', { name: '电力客户' }).check();
	await page.locator('input[name="q_supply"][value="3"]').check();
	await page.locator('input[name="q_service"][value="3"]').check();
	await page.getByLabel(/哪些方面还有待改进/).fill(text);
	await page.getByRole('button', { name: '提交' }).click();
	await expect(page.locator('.code strong')).toBeVisible();
	await page.close();
}

test('a handler chooses e-mail, sees an assignment in the in-app inbox; the admin edits a template and reads the delivery log', async ({
	browser
}) => {
	test.setTimeout(120_000);

	// handler-b chooses e-mail on their own account page; SMS without a number is refused.
	const handler = await browser.newPage();
	await logIn(handler, 'handler-b');
	await handler.goto('/admin/account');
	// Checked before the page had hydrated, the box was reset (CI): wait for the scripts.
	await handler.waitForLoadState('networkidle');
	await handler.getByLabel('通过短信接收').check();
	await handler.getByRole('button', { name: '保存通知设置' }).click();
	await expect(handler.locator('#f-phone-error')).toHaveText('选择短信接收时请填写手机号码。');
	await handler.getByLabel('通过短信接收').uncheck();
	await handler.getByLabel('通过邮件接收').check();
	await handler.getByLabel('电子邮箱').fill('handler-b@example.org');
	await handler.getByRole('button', { name: '保存通知设置' }).click();
	await expect(handler.getByText('通知设置已保存。')).toBeVisible();
	await expect(handler.getByLabel('通过邮件接收')).toBeChecked();
	await expectFitsAndShoot(handler, 'notifications-account');

	// A reviewer assigns a new suggestion to handler-b's department.
	const text = '黄泥塘村的电表箱锈坏了，雨天漏电很危险。';
	await respond(browser, text);
	const reviewer = await browser.newPage();
	await logIn(reviewer, 'reviewer1');
	await reviewer.goto(`/admin/suggestions?campaign=${await demoCampaign(reviewer)}&q=黄泥塘村`);
	await reviewer.waitForLoadState('networkidle');
	const href = (await reviewer.locator('[data-row] a.title').first().getAttribute('href'))!;
	await reviewer.goto(href);
	await hydrated(reviewer);
	await reviewer.locator('#w-category').selectOption({ label: '其他' });
	await reviewer.locator('form:has(#w-category) button[type="submit"]').click();
	await expect(reviewer.getByText('已保存')).toBeVisible();
	await reviewer.locator('#w-department').selectOption({ label: '运维检修部' });
	await reviewer.locator('#w-deadline').fill('2030-06-30');
	await reviewer.locator('form:has(#w-department) button[type="submit"]').click();
	await expect(reviewer.locator('p.meta').first()).toContainText('运维检修部');
	const id = href.split('/').at(-1)!;

	// The handler sees it in the inbox, with the unread count in the menu.
	await handler.goto('/admin');
	const bell = handler.locator('header a.bell');
	await expect(bell.locator('.count')).toBeVisible();
	const unread = Number(await bell.locator('.count').textContent());
	expect(unread).toBeGreaterThan(0);
	await bell.click();
	await expect(handler).toHaveURL(/\/admin\/notifications$/);
	const item = handler.locator('.inbox li', { hasText: `新交办：#${id} ` });
	await expect(item).toHaveClass(/unread/);
	await expect(item).toContainText('运维检修部');
	await expect(item).toContainText('2030-06-30');
	await expectFitsAndShoot(handler, 'notifications-inbox');
	await item.getByRole('button', { name: '标为已读' }).click();
	await expect(item).not.toHaveClass(/unread/);
	await handler.reload();
	const after = await bell.locator('.count').count();
	if (after) expect(Number(await bell.locator('.count').textContent())).toBeLessThan(unread);
	await item.getByRole('link', { name: '打开' }).click();
	await expect(handler).toHaveURL(new RegExp(`/admin/suggestions/${id}$`));

	// The admin edits the wording: an unknown placeholder is refused beside the field.
	const admin = await browser.newPage();
	await logIn(admin, 'admin');
	await admin.goto('/admin/notifications/templates');
	const form = admin.locator(
		'form:has(input[name="event"][value="overdue"]):has(input[name="locale"][value="zh-CN"])'
	);
	await form
		.locator('textarea[name="body"]')
		.fill('意见 #{number}「{title}」已超期，联系人 {phone}');
	await form.getByRole('button', { name: '保存' }).click();
	await expect(form.locator('.error')).toHaveText(
		'含有此通知不支持的占位符，请只用下面列出的占位符。'
	);
	await expect(form.locator('textarea[name="body"]')).toHaveValue(/\{phone\}/);
	await form
		.locator('textarea[name="body"]')
		.fill('意见 #{number}「{title}」已超期（期限 {deadline}），请尽快办理：{link}');
	await form.getByRole('button', { name: '保存' }).click();
	await expect(admin.getByText('模板已保存。')).toBeVisible();
	await expect(form.locator('legend')).toContainText('已修改');
	await expectFitsAndShoot(admin, 'notifications-templates');

	// The delivery log: the e-mail to handler-b went to the e2e server's SMTP sink
	// (message-sink.ts), which holds it.
	const mail = async () =>
		(await received()).mails.find(
			(m) => m.to.includes('handler-b@example.org') && m.subject.startsWith(`新交办：#${id} `)
		);
	await expect.poll(mail, { timeout: 75_000 }).toBeTruthy();
	expect((await mail())!.text).toContain(`/admin/suggestions/${id}`);
	await admin.goto('/admin/notifications/log');
	const row = admin.locator('tbody tr', { hasText: `#${id}` }).filter({ hasText: 'handler-b' });
	await expect(row).toContainText('邮件');
	await expect(row).toContainText('已发送');
	await expectFitsAndShoot(admin, 'notifications-log');
});
