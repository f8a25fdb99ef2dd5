import { expect, test, type Page } from '@playwright/test';

const FORM = '/f/liuyang-2014';

async function fillDemoForm(page: Page) {
	await page.getByRole('radio', { name: '电力客户' }).check();
	await page.getByLabel('您所在的乡镇（街道）').selectOption({ label: '张坊' });
	await page
		.getByRole('group', { name: /供电质量/ })
		.getByRole('radio', { name: /^4/ })
		.check();
	await page
		.getByRole('group', { name: /供电服务/ })
		.getByRole('radio', { name: /^5/ })
		.check();
	await page
		.getByLabel(/哪些方面还有待改进/)
		.fill('村里电压太低，晚上电饭煲都煮不熟饭，希望尽快改造台变。');
	await page.getByRole('checkbox', { name: '抢修速度' }).check();
	await page.getByRole('checkbox', { name: '电压质量' }).check();
}

async function expectReceipt(page: Page): Promise<string> {
	await expect(page).toHaveURL(/\/f\/liuyang-2014\/thanks\?r=/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');
	const code = (await page.locator('.code strong').textContent())!.trim();
	expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
	return code;
}

test.describe('with JavaScript', () => {
	test('a respondent fills in the demo form in Chinese and checks the receipt', async ({
		page
	}) => {
		await page.goto(FORM);
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await fillDemoForm(page);
		await page.getByLabel('电话').fill('138 0731 0000');
		await page.getByRole('button', { name: '提交' }).click();
		const code = await expectReceipt(page);
		await page.getByRole('link', { name: '查看办理情况' }).click();
		await expect(page).toHaveURL(`/r/${code}`);
		await expect(page.getByText('提交时间')).toBeVisible();
		await expect(page.getByText('13807310000')).toHaveCount(0);

		await page.goto('/r');
		await page.getByLabel('查询码').fill(code.toLowerCase().replace(/(.{4})/, '$1-'));
		await page.getByRole('button', { name: '查询' }).click();
		await expect(page).toHaveURL(`/r/${code}`);
	});

	test('a validation error keeps every answer and links each message to its question', async ({
		page
	}) => {
		await page.goto(FORM);
		await page.getByRole('radio', { name: '电力客户' }).check();
		await page.getByLabel('您所在的乡镇（街道）').selectOption({ label: '大围山' });
		await page.getByLabel(/哪些方面还有待改进/).fill('抢修太慢了');
		await page.getByLabel(/最大困难/).fill('山区线路长');
		await page.getByRole('checkbox', { name: '缴费便利' }).check();
		await page.getByLabel('姓名').fill('刘师傅');
		await page.getByLabel('电话').fill('12345');
		await page.getByRole('button', { name: '提交' }).click();

		const summary = page.getByRole('alert');
		await expect(summary).toContainText('有 3 处需要修改');
		await expect(summary.getByRole('link', { name: /供电质量.*请回答这一题/ })).toHaveAttribute(
			'href',
			'#q-supply'
		);
		await expect(summary.getByRole('link', { name: /联系方式.*电话号码格式不对/ })).toBeVisible();
		const supply = page.locator('#q-supply');
		await expect(supply).toHaveAttribute('aria-describedby', /q-supply-error/);
		await expect(page.locator('#q-supply-error')).toHaveText('请回答这一题。');

		await expect(page.getByRole('radio', { name: '电力客户' })).toBeChecked();
		await expect(page.getByLabel('您所在的乡镇（街道）')).toHaveValue(/a\d+/);
		await expect(page.getByLabel('您所在的乡镇（街道）').locator('option:checked')).toHaveText(
			'大围山'
		);
		await expect(page.getByLabel(/哪些方面还有待改进/)).toHaveValue('抢修太慢了');
		await expect(page.getByLabel(/最大困难/)).toHaveValue('山区线路长');
		await expect(page.getByRole('checkbox', { name: '缴费便利' })).toBeChecked();
		await expect(page.getByLabel('姓名')).toHaveValue('刘师傅');
		await expect(page.getByLabel('电话')).toHaveValue('12345');

		await summary.getByRole('link', { name: /供电质量/ }).click();
		await expect(supply).toBeFocused();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

	test('a phone with JavaScript off answers the demo campaign and gets a receipt', async ({
		page
	}) => {
		const response = await page.goto(FORM);
		expect(await response!.text()).not.toContain('<script');
		await page.screenshot({ path: 'artifacts/screenshots/public-form-360.png', fullPage: true });
		await fillDemoForm(page);
		await page.getByRole('button', { name: '提交' }).click();
		await expectReceipt(page);
		await page.screenshot({ path: 'artifacts/screenshots/thanks-360.png' });
	});

	test('the same form posted twice stores it once and shows the first receipt again', async ({
		page
	}) => {
		await page.goto(FORM);
		await fillDemoForm(page);
		// Post exactly what the browser would, twice: a double click or a retry after a dropped reply.
		const body = await page
			.locator('form[method="POST"]')
			.evaluate((form) =>
				new URLSearchParams(new FormData(form as HTMLFormElement) as unknown as string).toString()
			);
		const post = () =>
			page.request.post(FORM, {
				data: body,
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					origin: new URL(page.url()).origin,
					accept: 'text/html'
				},
				maxRedirects: 0
			});
		const [first, second] = [await post(), await post()];
		expect(first.status()).toBe(303);
		expect(second.status()).toBe(303);
		const code = (r: typeof first) =>
			new URL(r.headers().location, page.url()).searchParams.get('r');
		expect(code(second)).toBe(code(first));
		expect(second.headers().location).toContain('repeated=1');
		await page.goto(second.headers().location);
		await expect(page.getByText('没有重复记录')).toBeVisible();
	});

	test('an unknown or malformed receipt code says so and how to check it, with the lookup form', async ({
		page
	}) => {
		for (const path of ['/r/ZZZZ9999', '/r/abc']) {
			const response = await page.goto(path);
			expect(response!.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('没有找到这个查询码');
			await expect(page.getByText('8 位')).toBeVisible();
			await expect(page.getByText(/0 和 O.*1 和 I/)).toBeVisible();
			await expect(page.getByLabel('查询码')).toBeVisible();
			// Readable on a 360 px phone: nothing runs off the side.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				360
			);
		}
		await page.screenshot({
			path: 'artifacts/screenshots/receipt-unknown-360.png',
			fullPage: true
		});
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Receipt code not found');
		await expect(page.getByText(/0 and O.*1 and I/)).toBeVisible();
		await page.getByLabel('Receipt code').fill('ZZZZ9998');
		await page.getByRole('button', { name: 'Check' }).click();
		await expect(page).toHaveURL('/r');
		await expect(page.getByText(/No form has this receipt code/)).toBeVisible();
	});

	test('large type and the language switch work without JavaScript', async ({ page }) => {
		await page.goto(FORM);
		await page.getByRole('link', { name: '大字' }).click();
		await expect(page.locator('html')).toHaveClass(/large-type/);
		await expect(page.getByRole('link', { name: '标准字号' })).toBeVisible();
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('button', { name: 'Submit' })).toBeVisible();
		// The campaign's own text stays as the organiser wrote it.
		await expect(page.getByRole('heading', { level: 1 })).toContainText('浏阳市供电公司');
	});
});
