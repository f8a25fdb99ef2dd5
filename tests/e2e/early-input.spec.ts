import { expect, test, type Page } from '@playwright/test';
import { demoCampaign, hydrated, logIn } from './helpers';

/**
 * Holds back the page's scripts until `release` is called, as a slow connection does: the server's
 * HTML is on screen and can be typed into, but the page has not started yet.
 */
async function holdScripts(page: Page): Promise<() => void> {
	let release = () => {};
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await gate;
		await route.continue();
	});
	return release;
}

test('what a reviewer types and ticks before a staff page has started is still there after', async ({
	page
}) => {
	test.setTimeout(60_000);
	await logIn(page, 'reviewer1');
	const demo = await demoCampaign(page);
	await page.goto(`/admin/suggestions?campaign=${demo}&status=resolved`);
	const detail = (await page.locator('a.title').first().getAttribute('href'))!;

	// The queue's filters: an empty search box, an unticked box and a list, all set by the server.
	let release = await holdScripts(page);
	await page.goto(`/admin/suggestions?campaign=${demo}`, { waitUntil: 'commit' });
	const search = page.locator('input[name="q"]');
	const overdue = page.locator('input[name="overdue"]');
	const sort = page.locator('select[name="sort"]');
	await search.fill('电压');
	await overdue.check();
	await sort.selectOption('old');
	release();
	await hydrated(page);
	await expect(search).toHaveValue('电压');
	await expect(overdue).toBeChecked();
	await expect(sort).toHaveValue('old');
	await page.unroute('**/_app/immutable/**');
	// And the filter asks for what the reviewer chose.
	await page.locator('form.filters button[type="submit"]').click();
	await expect(page).toHaveURL(/q=%E7%94%B5%E5%8E%8B/);
	expect(new URL(page.url()).searchParams.get('overdue')).toBe('1');
	expect(new URL(page.url()).searchParams.get('sort')).toBe('old');

	// A suggestion's title, which the server filled in: the reviewer's edit wins.
	release = await holdScripts(page);
	await page.goto(detail, { waitUntil: 'commit' });
	const title = page.locator('#w-title');
	await title.fill('改过的标题');
	release();
	await hydrated(page);
	await expect(title).toHaveValue('改过的标题');
});
