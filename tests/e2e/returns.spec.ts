import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { E2E_ORIGIN } from './accounts';
import { expectFitsAndShoot, hydrated, logIn } from './helpers';

test('coded paper forms: print them, then a clerk types three in by keyboard alone', async ({
	browser
}) => {
	// Print, three entries, a refused one and the respondent's view: over 30 s on two busy cores.
	test.slow();
	const organiser = await browser.newPage();
	await logIn(organiser, 'organiser1');
	await organiser.goto('/admin/campaigns/liuyang-2014/distribution');
	await organiser.waitForLoadState('networkidle'); // hydrated: typing now is not reset
	const row = organiser.getByRole('row', { name: /文家市供电所.*意见箱/ });
	await row.getByRole('spinbutton').fill('3');
	await row.getByRole('button', { name: '生成表单编号' }).click();
	await expect(organiser.getByText('已生成 3 个表单编号')).toBeVisible();
	await organiser
		.getByRole('row', { name: /文家市供电所.*意见箱/ })
		.getByRole('link', { name: '打印带编号的问卷' })
		.click();
	const sheets = organiser.locator('article.sheet');
	await expect(sheets).toHaveCount(3);
	await expect(sheets.first().locator('svg')).toBeVisible();
	const codes = await sheets.locator('.code strong').allTextContents();
	expect(codes).toHaveLength(3);
	const pdf = await organiser.pdf({ format: 'A4', printBackground: true });
	writeFileSync('artifacts/coded-forms.pdf', pdf);
	expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(3);

	const clerk = await browser.newPage();
	await logIn(clerk, 'clerk1');
	await clerk.goto('/admin/campaigns/liuyang-2014/entry');
	await clerk.waitForLoadState('networkidle');
	let keystrokes = 0;
	const type = async (text: string) => {
		await clerk.keyboard.type(text);
		keystrokes += [...text].length;
	};
	const press = async (key: string, times = 1) => {
		for (let i = 0; i < times; i++) await clerk.keyboard.press(key);
		keystrokes += times;
	};
	for (const [i, code] of codes.entries()) {
		await expect(clerk.getByLabel('表单编号')).toBeFocused();
		await type(code);
		await press('Tab', 2); // past the channel: the code decides it
		await type('3'); // 电力客户
		await press('Tab');
		await type('6'); // 文家市
		await press('Tab');
		await type('4');
		await press('Tab');
		await type('5');
		await press('Tab');
		await type(`第${i + 1}份：希望台区经理每月来村里一次`);
		await press('Tab', 2); // no answer to the second open question
		await type('25');
		await press('Enter');
		await expect(clerk.getByRole('status')).toContainText(`今天您已录入 ${i + 1} 份`);
		await expect(clerk.getByLabel('表单编号')).toHaveValue('');
	}
	console.log(`keystrokes for one demo form without contact details: ${keystrokes / 3}`);

	await clerk.goto('/admin/campaigns/liuyang-2014/responses');
	await expect(clerk.getByText('第3份：希望台区经理每月来村里一次')).toBeVisible();
	await expect(clerk.getByText(/意见箱 · 电力客户 · 文家市 · 表单编号/).first()).toBeVisible();

	// A used code is refused plainly and nothing typed is lost.
	await clerk.goto('/admin/campaigns/liuyang-2014/entry');
	await clerk.waitForLoadState('networkidle');
	await type(codes[0]);
	await press('Tab', 2);
	await type('3');
	await press('Tab', 4);
	await type('重复的表');
	await press('Enter');
	// A form already entered is said to be, with the way to it, and never offered for entry again.
	const refusal = clerk.locator('#e-code-error');
	await expect(refusal).toContainText('这份问卷已经录入过');
	await expect(refusal).not.toContainText('再次提交');
	await expect(clerk.getByLabel(/哪些方面还有待改进/)).toHaveValue('重复的表');
	const entered = refusal.getByRole('link', { name: '查看已录入的答卷' });
	await expect(entered).toHaveAttribute(
		'href',
		/^\/admin\/campaigns\/liuyang-2014\/responses\/\d+$/
	);
	await entered.click();
	await expect(clerk.getByLabel(/哪些方面还有待改进/)).toHaveValue(
		'第1份：希望台区经理每月来村里一次'
	);

	// A respondent opening the used code's QR link has typed nothing yet: told the code is used and
	// that they may still answer without it, not that "answers are kept".
	const respondent = await browser.newPage();
	await respondent.goto(`/f/liuyang-2014?c=${codes[0]}`);
	const notice = respondent.locator('p.notice');
	await expect(notice).toContainText('已经使用过');
	await expect(notice).toContainText('仍然可以填写');
	await expect(notice).not.toContainText('已保留');
	await expect(respondent.getByRole('button', { name: '提交' })).toBeVisible();
});

test('paper entry lists each problem under its count, each linking to its field', async ({
	page
}) => {
	await logIn(page, 'clerk1');
	await page.goto('/admin/campaigns/liuyang-2014/entry');
	await page.waitForLoadState('networkidle');
	await page.getByLabel('表单编号').press('Enter'); // nothing typed: the required answers are missing
	const summary = page.getByRole('alert').filter({ hasText: '处需要修改' });
	await expect(summary).toBeVisible();
	const count = Number((await summary.getByRole('heading').textContent())!.match(/\d+/)![0]);
	const links = summary.getByRole('link');
	await expect(links).toHaveCount(count);
	await expect(links.first()).toContainText('1. 您的身份');
	await expect(links.first()).toHaveAttribute('href', '#e-group');
	await expect(page.locator('#e-group')).toBeVisible();
});

test('the return-rate dashboard shows the database’s figures and follows new returns', async ({
	page,
	browser
}) => {
	test.setTimeout(60_000);
	await logIn(page, 'leader1');
	await page.goto('/admin/campaigns/liuyang-2014');
	const api = await (await page.request.get('/api/v1/campaigns/liuyang-2014/stats')).json();
	expect(api.issued).toBe(1751);
	expect(api.returned).toBeGreaterThanOrEqual(1640);
	await expect(page.getByTestId('issued')).toHaveText(String(api.issued));
	const returned = Number(await page.getByTestId('returned').textContent());
	expect(returned).toBeGreaterThanOrEqual(1640);
	const groups = page.getByRole('table', { name: '按对象类别' });
	const customer = api.byGroup.find((g: { key: string }) => g.key === 'customer');
	await expect(groups.getByRole('row', { name: /电力客户/ })).toContainText(
		String(customer.issued)
	);
	const channel = page.getByRole('table', { name: '按渠道' });
	await expect(channel.getByRole('row', { name: /纸质问卷/ })).toContainText('1010');
	await page.screenshot({ path: 'artifacts/screenshots/dashboard.png', fullPage: true });

	const respondent = await browser.newPage({ javaScriptEnabled: false });
	await respondent.goto('/f/liuyang-2014');
	await respondent.getByRole('radio', { name: '离退休职工' }).check();
	await respondent.locator('input[name="q_supply"][value="5"]').check();
	await respondent.locator('input[name="q_service"][value="5"]').check();
	await respondent.getByRole('button', { name: '提交' }).click();
	await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('提交成功，谢谢您！');
	await expect
		.poll(async () => Number(await page.getByTestId('returned').textContent()), { timeout: 25_000 })
		.toBeGreaterThan(returned);
});

test('an admin creates an API token, uses it, and revokes it', async ({ page, playwright }) => {
	await logIn(page, 'admin');
	await page.goto('/admin/tokens');
	await hydrated(page);
	await page.getByLabel('用途说明').fill('指挥中心大屏');
	await page.getByRole('button', { name: '创建令牌' }).click();
	const token = (await page.locator('code.token').textContent())!.trim();
	expect(token).toMatch(/^xk_/);
	const api = await playwright.request.newContext({ baseURL: E2E_ORIGIN });
	const ok = await api.get('/api/v1/campaigns/liuyang-2014/stats', {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(ok.status()).toBe(200);
	expect((await ok.json()).issued).toBe(1751);
	expect((await api.get('/api/v1/campaigns/liuyang-2014/stats')).status()).toBe(401);
	await page
		.getByRole('row', { name: /指挥中心大屏/ })
		.getByRole('button', { name: '吊销' })
		.click();
	await expect(page.getByRole('row', { name: /指挥中心大屏/ })).toContainText('已吊销');
	const revoked = await api.get('/api/v1/campaigns/liuyang-2014/stats', {
		headers: { authorization: `Bearer ${token}` }
	});
	expect(revoked.status()).toBe(401);

	// A narrower token: return rates only, of this campaign only, until a last day.
	await page.getByLabel('用途说明').fill('乡镇大屏');
	await page.getByLabel(/意见建议及其统计/).uncheck();
	await page
		.getByLabel('活动', { exact: true })
		.selectOption({ label: '浏阳市供电公司党的群众路线教育实践活动征求意见表' });
	await page.getByLabel('有效期至').fill('2099-12-31');
	await page.getByRole('button', { name: '创建令牌' }).click();
	const narrow = (await page.locator('code.token').textContent())!.trim();
	const bearer = { authorization: `Bearer ${narrow}` };
	expect(
		(await api.get('/api/v1/campaigns/liuyang-2014/stats', { headers: bearer })).status()
	).toBe(200);
	expect(
		(await api.get('/api/v1/campaigns/liuyang-2014/suggestions', { headers: bearer })).status()
	).toBe(403);
	const row = page.getByRole('row', { name: /乡镇大屏/ });
	await expect(row).toContainText('回收率');
	await expect(row).not.toContainText('意见建议及其统计');
	await expect(row).toContainText('浏阳');
	await expect(row).toContainText('2099');
	// Nothing ticked is said at the field.
	await page.getByLabel('用途说明').fill('什么都不读');
	for (const scope of [/回收率/, /意见建议及其统计/, /问卷结果/, /答卷原始数据/]) {
		await page.getByLabel(scope).uncheck();
	}
	// Contact details are never ticked by default.
	await expect(page.getByLabel(/姓名、电话和电子邮箱/)).not.toBeChecked();
	await page.getByRole('button', { name: '创建令牌' }).click();
	await expect(page.getByText('请至少选择一项可以读取的内容').first()).toBeVisible();
	// Contact details come only with the responses they belong to.
	await page.getByLabel('用途说明').fill('只要电话');
	for (const scope of [/回收率/, /意见建议及其统计/, /问卷结果/, /答卷原始数据/]) {
		await page.getByLabel(scope).uncheck();
	}
	await page.getByLabel(/姓名、电话和电子邮箱/).check();
	await page.getByRole('button', { name: '创建令牌' }).click();
	await expect(page.getByText('读取联系方式须同时勾选“答卷”').first()).toBeVisible();
	// Responses with contact details: the token made by the admin reads the phone numbers.
	await page.getByLabel(/答卷原始数据/).check();
	await page.getByRole('button', { name: '创建令牌' }).click();
	const contact = (await page.locator('code.token').textContent())!.trim();
	const page1 = await api.get('/api/v1/campaigns/liuyang-2014/responses?limit=5', {
		headers: { authorization: `Bearer ${contact}` }
	});
	expect(page1.status()).toBe(200);
	const body = (await page1.json()) as { items: { contact?: unknown }[]; next: string };
	expect(body.items).toHaveLength(5);
	expect(body.items[0]).toHaveProperty('contact');
	expect(
		(
			await api.get(`/api/v1/campaigns/liuyang-2014/responses?cursor=${body.next}x!`, {
				headers: { authorization: `Bearer ${contact}` }
			})
		).status()
	).toBe(400);
	await expect(page.getByRole('row', { name: /只要电话/ })).toContainText('姓名、电话和电子邮箱');
	await expectFitsAndShoot(page, 'tokens-zh');
	await api.dispose();
});
