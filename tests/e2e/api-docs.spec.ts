import { expect, test } from '@playwright/test';
import { E2E_ORIGIN } from './accounts';
import { expectFitsAndShoot } from './helpers';

// The API browser is Swagger UI bundled into the app: it must render under the app's own
// Content-Security-Policy (no inline script, nothing from another origin) for anyone, logged in or not.
test('the API documentation renders every operation from /api/v1/openapi.json, offline and within the CSP', async ({
	page
}) => {
	const violations: string[] = [];
	const elsewhere: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
	});
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol !== 'data:' && url.origin !== new URL(E2E_ORIGIN).origin) {
			elsewhere.push(request.url());
		}
	});
	const answer = await page.goto('/api/v1/docs');
	expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
	// Swagger UI's own title is an h1 too (its markup, not ours): ours is the one named so.
	await expect(page.getByRole('heading', { level: 1, name: 'API 文档' })).toBeVisible();
	await expect(page.locator('.swagger-ui .info .title')).toContainText('Xinkan');
	for (const path of [
		'/api/v1/campaigns',
		'/api/v1/campaigns/{slug}/responses',
		'/api/v1/campaigns/{slug}/suggestions/{id}',
		'/api/v1/campaigns/{slug}/results'
	]) {
		await expect(page.locator('.opblock-summary-path', { hasText: path }).first()).toBeVisible();
	}
	// One operation opened: its parameters and the answers it documents.
	await page
		.locator('.opblock-summary-path', { hasText: '/api/v1/campaigns/{slug}/responses' })
		.first()
		.click();
	await expect(page.locator('.parameters').getByText('cursor', { exact: true })).toBeVisible();
	expect(violations).toEqual([]);
	expect(elsewhere).toEqual([]);
	await expectFitsAndShoot(page, 'api-docs-zh');
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.locator('.opblock-summary-path').first().screenshot({
		path: 'artifacts/screenshots/api-docs-operation.png'
	});
	await page
		.locator('section.models')
		.screenshot({ path: 'artifacts/screenshots/api-docs-models.png' });
});

test('the OpenAPI document is public JSON and describes itself as 3.1', async ({ request }) => {
	const res = await request.get('/api/v1/openapi.json');
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toMatch(/^application\/json/);
	const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
	expect(doc.openapi).toBe('3.1.0');
	expect(Object.keys(doc.paths).length).toBeGreaterThanOrEqual(9);
	// A refusal is JSON even for a client that prefers HTML.
	const refused = await request.get('/api/v1/campaigns/liuyang-2014/responses', {
		headers: { accept: 'text/html' }
	});
	expect(refused.status()).toBe(401);
	expect(await refused.json()).toEqual({ message: 'log in or send an API token' });
});
