import { expect, test, type Page } from '@playwright/test';
import { demoCampaign, logIn } from './helpers';

// English mode is English wherever staff look (issue 13 point 19): names the organisation keeps in
// both languages (categories, respondent groups) in English, labels with English punctuation.
// What people and the organisation wrote in Chinese (titles, answers, unit and area names) stays.

/** The Chinese names of what has an English name too, read off the pages that edit both. */
async function bilingualNames(page: Page): Promise<string[]> {
	const names: string[] = [];
	for (const list of ['/admin/categories', '/admin/groups']) {
		await page.goto(list);
		// Columns: key, Chinese name, English name.
		names.push(...(await page.locator('tbody tr td:nth-child(2)').allTextContents()));
	}
	return names.map((n) => n.trim()).filter(Boolean);
}

/**
 * Text on the page (outside content marked lang="zh-CN") that shows one of those Chinese names on
 * its own or followed by a count (alone or as one part of a "·" line), or that sets an English label with a full-width colon or comma.
 */
function englishFaults(page: Page, names: string[]) {
	return page.evaluate((names) => {
		const faults: string[] = [];
		const named = new Set(names);
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const element = node.parentElement!;
			if (element.closest('script, style, [lang^="zh"]')) continue;
			const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
			if (!text) continue;
			for (const part of text.split(/[·—]/)) {
				if (named.has(part.trim().replace(/ \d+$/, ''))) faults.push(`Chinese name: ${text}`);
				if (/[A-Za-z]{2}/.test(part) && /[：，]/.test(part)) faults.push(`punctuation: ${part}`);
			}
		}
		return faults;
	}, names);
}

test('staff pages in English show categories and groups by their English names, with English punctuation', async ({
	page
}) => {
	test.setTimeout(120_000);
	await logIn(page, 'admin');
	await page.goto('/lang/en?next=/admin');
	const names = await bilingualNames(page);
	expect(names).toContain('业扩报装');
	expect(names).toContain('电力客户');

	const demo = await demoCampaign(page);
	await page.goto(`/admin/suggestions?campaign=${demo}&status=resolved`);
	const detail = (await page.locator('a.title').first().getAttribute('href'))!;
	const pages = [
		`/admin/suggestions?campaign=${demo}`,
		`/admin/suggestions?campaign=${demo}&status=new`,
		`/admin/suggestions?campaign=${demo}&expired=1`,
		`/admin/suggestions/duplicates?campaign=${demo}`,
		detail,
		`/admin/reports?campaign=${demo}`,
		`/admin/reports/weekly?campaign=${demo}`,
		'/admin/campaigns/liuyang-2014',
		'/admin/campaigns/liuyang-2014/distribution',
		'/admin/campaigns/liuyang-2014/entry',
		'/admin/inbox'
	];
	const found: Record<string, string[]> = {};
	for (const path of pages) {
		await page.goto(path);
		const faults = await englishFaults(page, names);
		if (faults.length) found[path] = faults;
	}
	expect(found).toEqual({});
	// And what it shows instead.
	await page.goto(`/admin/reports/weekly?campaign=${demo}`);
	await expect(page.getByRole('table', { name: 'By category' })).toContainText(
		/New connections|Outage/
	);
	await page.goto('/admin/campaigns/liuyang-2014');
	await expect(page.getByRole('table', { name: 'By respondent group' })).toContainText(
		'Electricity customer'
	);
	await page.goto('/lang/zh-CN?next=/admin');
});

test('plans past their target date are flagged in the queue, the inbox, the reports and on the board', async ({
	page
}) => {
	await logIn(page, 'reviewer1');
	const demo = await demoCampaign(page);
	await page.goto(`/admin/suggestions?campaign=${demo}&expired=1`);
	const rows = page.locator('li.row');
	// The demo has plans that fell due some days ago.
	await expect(rows.first()).toBeVisible();
	const count = await rows.count();
	await expect(page.locator('li.row [data-plan-expired]')).toHaveCount(count);
	await expect(rows.first()).toContainText('已过计划完成日期');
	await page.goto('/admin/inbox');
	await expect(page.locator('li [data-plan-expired]').first()).toBeVisible();
	await page.goto(`/admin/reports?campaign=${demo}`);
	const shown = Number((await page.getByTestId('plan-expired').textContent())?.trim());
	expect(shown).toBeGreaterThanOrEqual(count);
	const api = await (
		await page.request.get('/api/v1/campaigns/liuyang-2014/suggestions/stats')
	).json();
	expect(api.planExpired).toBe(shown);
	await page.goto(`/admin/reports/weekly?campaign=${demo}`);
	await expect(page.locator('ol[data-plan-expired] li')).toHaveCount(Math.min(shown, 200));

	// The proposers see on the board that the date has passed, for published plans.
	await page.goto('/board/liuyang-2014?status=planned');
	const flagged = page.locator('[data-plan-expired]');
	const expiredOnBoard = await flagged.count();
	expect(expiredOnBoard).toBeGreaterThan(0);
	await expect(flagged.first()).toContainText('已过计划完成日期');
});

/**
 * Chinese text on an English page (what people and the organisation wrote: titles, answers, unit
 * and area names) outside an element marked lang="zh-CN": a screen reader would read it with an
 * English voice. A text that also holds English words is an English sentence naming something
 * Chinese (history lines: "assigned to 营销部") and is not counted; nor is what a text box holds
 * (what the user is typing).
 */
function unmarkedChinese(page: Page) {
	return page.evaluate(() => {
		const found: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const element = node.parentElement!;
			if (element.closest('script, style, textarea, [lang^="zh"], [hidden]')) continue;
			const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
			if (/\p{Script=Han}/u.test(text) && !/[A-Za-z]{2}/.test(text)) {
				found.push(`${element.tagName.toLowerCase()}: ${text}`);
			}
		}
		return found;
	});
}

test('in English, the Chinese that people and the organisation wrote is marked lang="zh-CN" on staff pages', async ({
	page
}) => {
	test.setTimeout(120_000);
	await logIn(page, 'admin');
	await page.goto('/lang/en?next=/admin');
	const demo = await demoCampaign(page);
	await page.goto(`/admin/suggestions?campaign=${demo}&status=resolved`);
	const detail = (await page.locator('a.title').first().getAttribute('href'))!;
	const pages = [
		`/admin/suggestions?campaign=${demo}`,
		detail,
		`/admin/suggestions/duplicates?campaign=${demo}`,
		'/admin/inbox',
		'/admin/campaigns'
	];
	const found: Record<string, string[]> = {};
	for (const path of pages) {
		await page.goto(path);
		const faults = await unmarkedChinese(page);
		if (faults.length) found[path] = faults.slice(0, 40);
	}
	await page.goto('/lang/zh-CN?next=/admin');
	expect(found).toEqual({});
});
