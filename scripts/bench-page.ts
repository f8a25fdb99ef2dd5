// `npm run bench:page`: bytes and requests of the public pages as Chromium loads them cold.
// Prints one JSON line per page; the budget is 30 KB (gzip, everything included) in 6 requests.
// Besides the demo's form it loads a form with every question type and two conditions
// (src/lib/server/test/all-types.ts), written into the database before the server starts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { ensureBuild, startServer } from './server-process';

const BUDGET_BYTES = 30 * 1024;
const BUDGET_REQUESTS = 6;

async function measure(page: Page, url: string, action?: () => Promise<void>) {
	const sizes: Promise<number>[] = [];
	const onResponse = (response: {
		request(): { sizes(): Promise<{ responseBodySize: number; responseHeadersSize: number }> };
	}) => {
		sizes.push(
			response
				.request()
				.sizes()
				.then((s) => s.responseBodySize + s.responseHeadersSize)
		);
	};
	page.on('response', onResponse);
	if (action) await action();
	else await page.goto(url, { waitUntil: 'networkidle' });
	await page.waitForLoadState('networkidle');
	page.off('response', onResponse);
	const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
	return { requests: sizes.length, bytes };
}

ensureBuild();
const dataDir = mkdtempSync(path.join(tmpdir(), 'xinkan-bench-page-'));
const ALL_TYPES_SLUG = 'all-types';
{
	// PGlite has one process at a time: prepare the database and add the form, then serve it.
	const { openDatabase } = await import('../src/lib/server/db/client');
	const { prepareDatabase } = await import('../src/lib/server/startup');
	const { openAllTypesCampaign } = await import('../src/lib/server/test/all-types');
	const handle = openDatabase({ dataDir });
	try {
		await prepareDatabase(
			handle,
			{ ...process.env, XINKAN_ADMIN_PASSWORD: 'bench-only-password' },
			() => {}
		);
		await openAllTypesCampaign(handle.db, ALL_TYPES_SLUG);
	} finally {
		await handle.close();
	}
}
const server = await startServer({
	XINKAN_DATA_DIR: dataDir,
	XINKAN_ADMIN_PASSWORD: 'bench-only-password'
});
const browser = await chromium.launch({
	executablePath: process.env.XINKAN_CHROMIUM || '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking']
});
try {
	const report = (name: string, url: string, m: { requests: number; bytes: number }) =>
		console.log(
			JSON.stringify({
				page: name,
				url,
				requests: m.requests,
				bytes: m.bytes,
				kb: Math.round((m.bytes / 1024) * 10) / 10,
				withinBudget: m.bytes <= BUDGET_BYTES && m.requests <= BUDGET_REQUESTS
			})
		);
	const fresh = async () =>
		(
			await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' })
		).newPage();

	const formUrl = `${server.origin}/f/liuyang-2014`;
	const page = await fresh();
	report('public form', formUrl, await measure(page, formUrl));
	await page.getByRole('radio', { name: '电力客户' }).check();
	await page.locator('input[name="q_supply"][value="4"]').check();
	await page.locator('input[name="q_service"][value="4"]').check();
	await page.locator('textarea').first().fill('停电前请提前通知。');
	// Cold cache for the thank-you page: what a respondent downloads after pressing submit.
	await page.context().clearCookies();
	const thanks = await measure(page, '', async () => {
		await page.getByRole('button', { name: '提交' }).click();
		await page.waitForURL(/thanks/);
	});
	report('thank-you page (after submit, warm cache)', page.url(), thanks);
	const allTypesUrl = `${server.origin}/f/${ALL_TYPES_SLUG}`;
	report('form with every question type', allTypesUrl, await measure(await fresh(), allTypesUrl));
	const receiptUrl = `${server.origin}/r`;
	report('receipt lookup', receiptUrl, await measure(await fresh(), receiptUrl));
} finally {
	await browser.close();
	await server.stop();
	rmSync(dataDir, { recursive: true, force: true });
}
