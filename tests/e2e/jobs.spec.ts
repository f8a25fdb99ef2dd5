import { expect, test } from '@playwright/test';
import { expectFitsAndShoot, logIn } from './helpers';

test('only an admin sees the background jobs; "run now" queues a retrain, which the list then shows', async ({
	page
}) => {
	await logIn(page, 'reviewer1');
	expect((await page.goto('/admin/jobs'))?.status()).toBe(403);
	await page.context().clearCookies();

	await logIn(page, 'admin');
	await page.getByRole('navigation').getByRole('link', { name: '后台任务' }).click();
	await expect(page).toHaveURL(/\/admin\/jobs$/);
	const queues = page.getByRole('table').first();
	await expect(queues).toContainText('分类模型重新训练');
	await expect(queues).toContainText('在03:30（北京时间）');
	await expect(queues.getByTitle('30 3 * * *')).toBeVisible();

	await page.getByRole('button', { name: '立即重新训练分类模型和查重模型' }).click();
	await expect(page.getByRole('status')).toContainText(/已加入队列|已有一次重新训练/);
	// The demo's decisions train in a few seconds: the forced run ends as completed.
	await expect(async () => {
		await page.goto('/admin/jobs');
		const done = page.getByRole('row', { name: /分类模型重新训练.*已完成/ });
		await expect(done.first()).toBeVisible({ timeout: 1_000 });
		// The duplicate model learns from the demo's merges as well.
		const pairs = page.getByRole('row', { name: /查重模型重新训练.*已完成/ });
		await expect(pairs.first()).toBeVisible({ timeout: 1_000 });
	}).toPass({ timeout: 60_000 });
	await expectFitsAndShoot(page, 'jobs-zh');

	await page.goto('/lang/en?next=/admin/jobs');
	await expect(page.getByRole('heading', { name: 'Background jobs' })).toBeVisible();
	await expect(page.getByRole('table').first()).toContainText('At 03:30 (China time)');
	await expect(
		page.getByRole('row', { name: /Categoriser retrain.*Completed/ }).first()
	).toBeVisible();
	await expectFitsAndShoot(page, 'jobs-en');
	await page.goto('/lang/zh-CN?next=/admin');
});
