import { expect, test } from '@playwright/test';
import { logIn } from './helpers';

// Chart.js sizes its canvas in pixels and shrinks it only when its ResizeObserver reports, a frame
// or more after the window narrows (on a busy machine, many). Until then the old canvas must not
// push the page wider than the screen. Here the observer never reports, so the page is measured
// exactly as it is in that moment. CI once caught the results page at 631 px on a 360 px screen.
test('a chart drawn wide does not push the page off a narrowed screen before it redraws', async ({
	page
}) => {
	await page.addInitScript(() => {
		window.ResizeObserver = class {
			observe() {}
			unobserve() {}
			disconnect() {}
		};
	});
	await logIn(page, 'handler-a');
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/admin/campaigns/liuyang-2014/results');
	const canvas = page.locator('.chart canvas').first();
	await expect(canvas).toHaveAttribute('style', /width/);
	expect((await canvas.boundingBox())?.width).toBeGreaterThan(360);

	await page.setViewportSize({ width: 360, height: 900 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
