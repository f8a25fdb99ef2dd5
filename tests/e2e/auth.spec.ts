import { expect, test } from '@playwright/test';
import { E2E_ORIGIN, E2E_PASSWORD } from './accounts';
import { expectFitsAndShoot, logIn } from './helpers';

test('the demo admin logs in on the Chinese login page and logs out again', async ({ page }) => {
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('心坎 · 登录');
	await logIn(page, 'admin');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('欢迎');
	await expect(page.getByRole('navigation').getByRole('link', { name: '用户' })).toBeVisible();

	await page.getByRole('button', { name: '退出登录' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await page.goto('/admin');
	await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
});

test('a wrong password is refused with a clear message and the username kept', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('用户名').fill('admin');
	await page.getByLabel('密码').fill('not-the-password');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toContainText('用户名或密码不正确');
	await expect(page.getByLabel('用户名')).toHaveValue('admin');
	await expect(page.getByLabel('密码')).toHaveValue('');
});

test('a clerk who opens the user list gets a 403 page in Chinese and no user data', async ({
	page
}) => {
	await logIn(page, 'clerk1');
	await expect(page.getByRole('navigation').getByRole('link', { name: '用户' })).toHaveCount(0);
	const response = await page.goto('/admin/users');
	expect(response?.status()).toBe(403);
	await expect(page.getByText('您没有权限访问此页面')).toBeVisible();
	await expect(page.getByText('organiser1')).toHaveCount(0);
});

test('the language switch turns the page to English and is remembered', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('link', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xinkan · Log in');
	await page.reload();
	await expect(page.getByLabel('Username')).toBeVisible();
	await page.getByRole('link', { name: '中文' }).click();
	await expect(page.getByLabel('用户名')).toBeVisible();
});

test('after ten failed logins the eleventh answers 429 with Retry-After', async ({
	playwright
}) => {
	const request = await playwright.request.newContext({
		baseURL: E2E_ORIGIN,
		// As a browser without JavaScript posts the form (SvelteKit answers `*/*` with JSON).
		extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.99', origin: E2E_ORIGIN, accept: 'text/html' }
	});
	const attempt = (password: string) =>
		// A username no other test logs in with: the throttle blocks it for 15 minutes.
		request.post('/login', { form: { username: 'throttle-target', password }, maxRedirects: 0 });
	for (let i = 0; i < 10; i++) expect((await attempt('wrong')).status()).toBe(400);
	const blocked = await attempt(E2E_PASSWORD);
	expect(blocked.status()).toBe(429);
	expect(Number(blocked.headers()['retry-after'])).toBeGreaterThan(0);
	expect(await blocked.text()).toContain('登录失败次数过多');
	await request.dispose();
});

test('an admin creates a user; a handler without a department is refused per field', async ({
	page
}) => {
	await logIn(page, 'admin');
	await page.goto('/admin/users');
	await page.waitForLoadState('networkidle'); // hydrated: nothing typed now is reset
	await page.getByLabel('用户名').fill('newhandler');
	await page.getByLabel('角色').selectOption('handler');
	await page.getByLabel('初始密码').fill('a-good-password');
	await page.getByRole('button', { name: '新建' }).click();
	await expect(page.getByRole('alert')).toContainText('责任部室用户必须选择所属单位');
	await expect(page.getByLabel('用户名')).toHaveValue('newhandler');
	await page.getByLabel('所属单位').selectOption({ label: '营销部' });
	await page.getByLabel('初始密码').fill('a-good-password');
	await page.getByRole('button', { name: '新建' }).click();
	await expect(page.getByRole('status')).toContainText('已创建用户 newhandler');
	await expect(page.getByRole('cell', { name: 'newhandler' })).toBeVisible();
});

test('a user changes their own password: field errors first, then the other browser is logged out and this one stays', async ({
	page,
	browser
}) => {
	const other = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.31' } });
	const elsewhere = await other.newPage();
	await logIn(elsewhere, 'account-e2e');
	await logIn(page, 'account-e2e');
	await page.getByRole('link', { name: /account-e2e/ }).click();
	await expect(page).toHaveURL(/\/admin\/account$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的账号');
	await page.waitForLoadState('networkidle');

	const fill = async (current: string, next: string, again: string) => {
		await page.getByLabel('当前密码').fill(current);
		await page.getByLabel('新密码', { exact: true }).fill(next);
		await page.getByLabel('再次输入新密码').fill(again);
		await page.getByRole('button', { name: '修改密码' }).click();
	};
	await fill(E2E_PASSWORD, 'password123', 'password123');
	await expect(page.getByRole('alert')).toContainText('最常见的密码');
	await fill(E2E_PASSWORD, 'a-fresh-passphrase-1', 'a-fresh-passphrase-2');
	await expect(page.getByRole('alert')).toContainText('两次输入的新密码不一致');
	await fill('not-my-password', 'a-fresh-passphrase-1', 'a-fresh-passphrase-1');
	await expect(page.getByRole('alert')).toContainText('当前密码不正确');
	await expectFitsAndShoot(page, 'account-zh');

	await fill(E2E_PASSWORD, 'a-fresh-passphrase-1', 'a-fresh-passphrase-1');
	await expect(page.getByRole('status')).toContainText('密码已修改');
	// This browser stays logged in; the other one is sent to the login page.
	await page.goto('/admin');
	await expect(page).toHaveURL(/\/admin$/);
	await elsewhere.goto('/admin');
	await expect(elsewhere).toHaveURL(/\/login/);
	await logIn(elsewhere, 'account-e2e', 'a-fresh-passphrase-1');
	await other.close();

	// The same page in English.
	await page.goto('/lang/en?next=/admin/account');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
	await expect(page.getByLabel('Current password')).toBeVisible();
	await page.screenshot({ path: 'artifacts/screenshots/account-en-1280.png', fullPage: true });
	await page.goto('/lang/zh-CN?next=/admin');
});
