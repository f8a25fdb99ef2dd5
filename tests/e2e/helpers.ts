import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './accounts';

export async function logIn(page: Page, username: string, password = E2E_PASSWORD) {
	await page.goto('/login');
	await page.getByLabel('用户名').fill(username);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/admin$/);
}

/**
 * At 360 px and at 1280 px nothing runs off the side of the page, and a full-page screenshot
 * `artifacts/screenshots/<name>-<width>.png` is kept for the note. Leaves the page at 1280 px.
 */
export async function expectFitsAndShoot(page: Page, name: string) {
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width
		);
		await page.screenshot({ path: `artifacts/screenshots/${name}-${width}.png`, fullPage: true });
	}
}
