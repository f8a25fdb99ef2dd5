import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './accounts';

export async function logIn(page: Page, username: string, password = E2E_PASSWORD) {
	await page.goto('/login');
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/admin$/);
}
