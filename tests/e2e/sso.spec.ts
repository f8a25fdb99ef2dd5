import { expect, test, type Page } from '@playwright/test';
import { E2E_ORIGIN } from './accounts';
import { expectFitsAndShoot } from './helpers';
import { OIDC_E2E_ISSUER } from './oidc';

// The app is told about the local provider (tests/e2e/oidc.ts) with accounts created on first
// sign-in and the role map xinkan-admins=admin, xinkan-reviewers=reviewer.

/** On the provider's own pages: its login form (any password), then its consent page. */
async function signInAtProvider(page: Page, login: string) {
	await expect(page).toHaveURL(new RegExp(`^${OIDC_E2E_ISSUER}/`));
	await page.locator('input[name="login"]').fill(login);
	await page.locator('input[name="password"]').fill('any password');
	await page.getByRole('button', { name: 'Sign-in' }).click();
	await page.getByRole('button', { name: 'Continue' }).click();
}

const isCallback = (url: URL) => url.pathname === '/login/sso/callback';

test('the login page offers the organisation sign-in beside the password form', async ({
	page
}) => {
	await page.goto('/login');
	await expect(page.getByRole('link', { name: '用单位账号登录' })).toBeVisible();
	await expect(page.getByLabel('用户名')).toBeVisible();
	await expectFitsAndShoot(page, 'login-sso');
	await page.getByRole('link', { name: 'English' }).click();
	await expect(
		page.getByRole('link', { name: 'Sign in with your organisation account' })
	).toBeVisible();
	await expectFitsAndShoot(page, 'login-sso-en');
});

test('a new user signs in through the provider and lands in the admin with the mapped role', async ({
	page
}) => {
	await page.goto('/login?next=%2Fadmin%2Fusers');
	await page.getByRole('link', { name: '用单位账号登录' }).click();
	await signInAtProvider(page, 'e2e-sso-admin');
	await expect(page).toHaveURL(`${E2E_ORIGIN}/admin/users`);
	// Mapped from xinkan-admins: an administrator, who sees the user list with their own account.
	await expect(page.getByRole('cell', { name: 'e2e-sso-admin' })).toBeVisible();
	await page.goto('/admin');
	await expect(page.getByText('您的角色：系统管理员')).toBeVisible();
});

test('a replayed code is refused with a clear page and gives no session', async ({
	page,
	browser
}) => {
	let callbackUrl = '';
	// The provider's redirect to the callback (redirects are seen as requests, not routed).
	page.on('request', (r) => {
		if (isCallback(new URL(r.url()))) callbackUrl = r.url();
	});
	await page.goto('/login');
	await page.getByRole('link', { name: '用单位账号登录' }).click();
	// What the browser carries to the callback (state, nonce, PKCE verifier), as a thief would copy it.
	const [stateCookie] = await page.context().cookies(`${E2E_ORIGIN}/login/sso/callback`);
	expect(stateCookie.name).toBe('xinkan_sso');
	await signInAtProvider(page, 'e2e-sso-reviewer');
	await expect(page).toHaveURL(`${E2E_ORIGIN}/admin`);
	await expect(page.getByText('您的角色：梳理组')).toBeVisible();
	expect(callbackUrl).toContain('code=');

	// The same callback again in a fresh browser with the copied state: the provider refuses the code.
	const thief = await browser.newContext({ locale: 'zh-CN' });
	await thief.addCookies([stateCookie]);
	const other = await thief.newPage();
	const replay = await other.goto(callbackUrl);
	expect(replay?.status()).toBe(400);
	await expect(other.getByRole('alert')).toContainText('授权码已经使用过或已过期');
	await other.goto('/admin');
	await expect(other).toHaveURL(/\/login\?next=%2Fadmin$/);

	// And in the first browser, whose state was spent: refused as well.
	const again = await page.goto(callbackUrl);
	expect(again?.status()).toBe(400);
	await expect(page.getByRole('alert')).toContainText('登录请求已失效');
	await thief.close();
});

test('a callback with another state is refused and gives no session', async ({ page, browser }) => {
	let callbackUrl = '';
	page.on('request', (r) => {
		if (isCallback(new URL(r.url()))) callbackUrl = r.url();
	});
	await page.goto('/login');
	await page.getByRole('link', { name: '用单位账号登录' }).click();
	const [stateCookie] = await page.context().cookies(`${E2E_ORIGIN}/login/sso/callback`);
	await signInAtProvider(page, 'e2e-sso-state');
	await expect(page).toHaveURL(`${E2E_ORIGIN}/admin`);

	// A browser that started its own sign-in (its state cookie) sent back with someone else's state.
	const other = await browser.newContext({ locale: 'zh-CN' });
	await other.addCookies([stateCookie]);
	const forged = new URL(callbackUrl);
	forged.searchParams.set('state', 'forged-state');
	const tab = await other.newPage();
	const response = await tab.goto(forged.href);
	expect(response?.status()).toBe(400);
	await expect(tab.getByRole('alert')).toContainText('不一致');
	await tab.goto('/admin');
	await expect(tab).toHaveURL(/\/login\?next=%2Fadmin$/);
	await other.close();
});

test('a provider that does not say the username gives a clear English page and no session', async ({
	page,
	context
}) => {
	await context.addCookies([{ name: 'xinkan_lang', value: 'en', url: E2E_ORIGIN }]);
	await page.goto('/login');
	await page.getByRole('link', { name: 'Sign in with your organisation account' }).click();
	await signInAtProvider(page, 'sso-noclaim');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisation sign-in failed');
	await expect(page.getByRole('alert')).toContainText('did not say what your username is');
	await expectFitsAndShoot(page, 'sso-error-en');
	const response = await page.goto(page.url());
	expect(response?.status()).toBe(400); // the state was spent on the first try
	await page.goto('/admin');
	await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
});

test('a provider account without a mapped group is asked to see the admin (403)', async ({
	page
}) => {
	let status = 0;
	page.on('response', (r) => {
		if (r.url().includes('/login/sso/callback')) status = r.status();
	});
	await page.goto('/login');
	await page.getByRole('link', { name: '用单位账号登录' }).click();
	await signInAtProvider(page, 'sso-nogroup');
	await expect(page.getByRole('alert')).toContainText('还没有本系统的角色');
	expect(status).toBe(403);
	await expectFitsAndShoot(page, 'sso-error-no-role');
});
