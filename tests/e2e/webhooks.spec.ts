import { expect, test } from '@playwright/test';
import { startWebhookReceiver } from '../../src/lib/server/test/webhook-receiver';
import { verifySignature } from '../../src/lib/server/webhooks/signature';
import { E2E_ORIGIN } from './accounts';
import { expectFitsAndShoot, logIn } from './helpers';

test('an admin registers a webhook, sends a test event and reads it in the delivery log, in Chinese and English', async ({
	page,
	context
}) => {
	test.setTimeout(90_000);
	// The receiver runs here, on 127.0.0.1: the endpoint must allow a private-network target.
	const receiver = await startWebhookReceiver();
	try {
		await logIn(page, 'admin');
		await page.goto('/admin/webhooks');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webhook');
		const before = await page.locator('.endpoints li').count();

		// Bad input: the message beside each field, nothing stored.
		await page.getByLabel('接收地址（URL）').fill('ftp://example.org/hook');
		await page.getByRole('button', { name: '登记 Webhook' }).click();
		await expect(page.locator('#f-url-error')).toHaveText(
			'请填写以 https:// 或 http:// 开头的完整地址（不含用户名和密码）。'
		);
		await expect(page.locator('#events-error')).toHaveText('请至少选择一种事件。');
		await expect(page.getByLabel('接收地址（URL）')).toHaveValue('ftp://example.org/hook');
		// Without JavaScript the same refusal is a 400.
		const raw = await page.request.post('/admin/webhooks?/create', {
			form: { url: 'not a url', ev_campaign_closed: 'on' },
			// As a browser without JavaScript posts it: the page comes back, not the JSON of enhance.
			headers: { origin: E2E_ORIGIN, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(raw.status()).toBe(400);
		expect(await raw.text()).toContain('请填写以 https:// 或 http:// 开头的完整地址');
		await page.reload();
		await expect(page.locator('.endpoints li')).toHaveCount(before);

		// Registered: the private-network allowance ticked, personal data left off.
		const url = receiver.url('/xinkan');
		await page.getByLabel('接收地址（URL）').fill(url);
		await page.getByLabel(/活动结束/).check();
		await page.getByLabel(/允许发往内网地址/).check();
		await expect(page.getByLabel(/可以接收个人信息/)).not.toBeChecked();
		await page.getByRole('button', { name: '登记 Webhook' }).click();
		const secret = (await page.locator('code.secret').textContent())!.trim();
		expect(secret).toMatch(/^whsec_[a-z0-9]{30,}$/);
		await expect(page.locator('.endpoints li', { hasText: url })).toBeVisible();
		await expectFitsAndShoot(page, 'webhooks-list');

		// The test event: delivered by the job queue, signed with the secret shown once.
		await page.getByRole('link', { name: '设置和发送记录' }).click();
		await expect(page).toHaveURL(/\/admin\/webhooks\/\d+$/);
		await page.getByRole('button', { name: '发送测试事件' }).click();
		await expect(page.getByText('测试事件已加入发送队列')).toBeVisible();
		await expect.poll(() => receiver.at('/xinkan').length, { timeout: 20_000 }).toBe(1);
		const [got] = receiver.at('/xinkan');
		expect(JSON.parse(got.body)).toMatchObject({ type: 'webhook.test' });
		expect(
			verifySignature(
				secret,
				{
					timestamp: got.headers['x-xinkan-timestamp'] as string,
					signature: got.headers['x-xinkan-signature'] as string
				},
				got.body
			)
		).toBe(true);
		const row = page.locator('tbody tr').first();
		await expect(async () => {
			await page.reload();
			await expect(row).toContainText('成功（200）', { timeout: 1000 });
		}).toPass({ timeout: 20_000 });
		await expect(row).toContainText('测试事件');
		await expectFitsAndShoot(page, 'webhooks-detail');

		// The same page in English.
		await context.addCookies([{ name: 'xinkan_lang', value: 'en', url: E2E_ORIGIN }]);
		await page.reload();
		await expect(page.getByRole('heading', { name: 'Delivery log' })).toBeVisible();
		await expect(row).toContainText('Test event');
		await expect(row).toContainText('Delivered (200)');
		await expect(page.getByRole('button', { name: 'Send test event' })).toBeVisible();
		await expectFitsAndShoot(page, 'webhooks-detail-en');
	} finally {
		await receiver.close();
	}
});
