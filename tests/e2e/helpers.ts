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

let demoId: string | undefined;

/**
 * The demo campaign's id. A page without `campaign=` opens the campaign whose suggestions came in
 * last, and specs running beside this one submit to campaigns of their own at any moment: tests
 * that read the demo's suggestions or reports name it. The page must be signed in.
 */
export async function demoCampaign(page: Page): Promise<string> {
	if (demoId) return demoId;
	const html = await (await page.request.get('/admin/suggestions')).text();
	const match = /<option value="(\d+)"[^>]*>\s*浏阳市供电公司党的群众路线/.exec(html);
	expect(match, 'the demo campaign in the review queue’s campaign list').not.toBeNull();
	demoId = match![1];
	return demoId;
}

/**
 * Waits until the page has loaded its scripts and hydrated. A box ticked or a field typed into
 * before hydration can be set back by it to what the server rendered: a test that acts on a
 * page with JavaScript right after `goto` waits for this first.
 */
export async function hydrated(page: Page) {
	await page.waitForLoadState('networkidle');
}
