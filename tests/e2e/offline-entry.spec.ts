import { expect, test, type Page } from '@playwright/test';
import { expectFitsAndShoot, logIn } from './helpers';

const SLUG = 'liuyang-2014';
const ENTRY = `/admin/campaigns/${SLUG}/entry`;

/** One demo form by keyboard alone, as returns.spec.ts types it: code, group, area, two ratings, an opinion. */
async function typeForm(page: Page, code: string, opinion: string) {
	await expect(page.getByLabel('表单编号')).toBeFocused();
	await page.keyboard.type(code);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	for (const value of ['3', '6', '4', '5']) {
		await page.keyboard.type(value);
		await page.keyboard.press('Tab');
	}
	await page.keyboard.type(opinion);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await page.keyboard.type('25');
	await page.keyboard.press('Enter');
}

test('a clerk types forms with no network; they are sent once when it returns, a used code is refused and kept', async ({
	browser
}) => {
	test.slow();
	const organiser = await browser.newPage();
	await logIn(organiser, 'organiser1');
	await organiser.goto(`/admin/campaigns/${SLUG}/distribution`);
	await organiser.waitForLoadState('networkidle');
	const row = organiser
		.getByRole('row')
		.filter({ hasText: '大围山供电所' })
		.filter({ hasText: '纸质问卷' })
		.filter({ hasText: '电力客户' });
	await row.getByRole('spinbutton').fill('4');
	await row.getByRole('button', { name: '生成表单编号' }).click();
	await expect(organiser.getByText('已生成 4 个表单编号')).toBeVisible();
	await row.getByRole('link', { name: '打印带编号的问卷' }).click();
	// Read the codes once the print page is there (CI once read the page before it came: none).
	await expect(organiser.locator('article.sheet .code strong')).toHaveCount(4);
	const codes = await organiser.locator('article.sheet .code strong').allTextContents();
	expect(codes).toHaveLength(4);

	// Online once: the service worker installs, controls the page and keeps it with the kit.
	const context = await browser.newContext();
	const clerk = await context.newPage();
	await logIn(clerk, 'clerk-offline');
	await clerk.goto(ENTRY);
	await clerk.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await expect(clerk.getByText('这台设备已可离线录入')).toBeVisible();

	// No network: the page opens again from the device and takes forms.
	await context.setOffline(true);
	await clerk.reload();
	await expect(clerk.getByText('现在没有网络')).toBeVisible();
	await expect(clerk.getByLabel('表单编号')).toBeVisible();
	const waiting = clerk.getByTestId('offline-waiting');
	await expect(waiting).toHaveText('待发送 0 份');
	for (const [i, code] of codes.slice(0, 3).entries()) {
		await typeForm(clerk, code, `离线第${i + 1}份：村里的路灯线老化`);
		await expect(waiting).toHaveText(`待发送 ${i + 1} 份`);
		await expect(clerk.getByRole('status')).toContainText('已保存在这台设备上');
		await expect(clerk.getByLabel('表单编号')).toHaveValue('');
	}
	// The device's own check: the same code twice is caught before anything is sent.
	await typeForm(clerk, codes[0], '重复录入的表');
	await expect(clerk.locator('#e-code-error')).toContainText('已经在这台设备待发送');
	await expect(waiting).toHaveText('待发送 3 份');
	await clerk.getByLabel('表单编号').fill('');
	await clerk.getByLabel('表单编号').focus();
	await clerk.getByLabel(/哪些方面还有待改进/).fill('');
	// Signing out now warns first; dismissed, nothing happens.
	const warned = clerk.waitForEvent('dialog').then(async (dialog) => {
		const text = dialog.message();
		await dialog.dismiss();
		return text;
	});
	await clerk.getByRole('button', { name: '退出登录' }).click();
	expect(await warned).toContain('还有 3 份问卷');
	await expect(clerk).toHaveURL(new RegExp(`${ENTRY}$`));

	// Meanwhile the fourth code's form arrives another way, online: typed in by the organiser.
	await organiser.goto(ENTRY);
	await organiser.waitForLoadState('networkidle');
	await typeForm(organiser, codes[3], '组织者先录入了这份');
	await expect(organiser.getByRole('status')).toContainText('已保存，查询码');
	// The clerk, still offline, has the same paper form in hand and types it too.
	await clerk.getByLabel('表单编号').focus();
	await typeForm(clerk, codes[3], '离线第4份：编号已被用过');
	await expect(waiting).toHaveText('待发送 4 份');
	await expectFitsAndShoot(clerk, 'offline-entry-waiting');

	// The network returns: everything waiting is sent; three stored, the fourth refused and kept.
	await context.setOffline(false);
	await expect(waiting).toHaveText('待发送 0 份', { timeout: 20_000 });
	await expect(clerk.getByTestId('offline-sent')).toHaveText('已发送 3 份');
	await expect(clerk.getByTestId('offline-refused')).toHaveText('被退回 1 份');
	const refused = clerk.getByTestId('offline-refused-form');
	await expect(refused).toContainText(codes[3]);
	await expect(refused).toContainText('编号已用过');
	await expect(refused).toContainText('这份问卷已经录入过了');
	await expectFitsAndShoot(clerk, 'offline-entry-sent');

	// Stored exactly once each, by this clerk.
	await clerk.goto(`/admin/campaigns/${SLUG}/responses`);
	for (let i = 1; i <= 3; i++) {
		await expect(clerk.getByText(`离线第${i}份：村里的路灯线老化`)).toHaveCount(1);
	}
	await expect(clerk.getByText('离线第4份：编号已被用过')).toHaveCount(0);

	// The refused form is still there in English, with its reason; corrected, then discarded.
	await clerk.goto(`/lang/en?next=${encodeURIComponent(ENTRY)}`);
	await expect(clerk.getByTestId('offline-refused')).toHaveText('1 refused');
	await expect(clerk.getByTestId('offline-refused-form')).toContainText('code already used');
	await expectFitsAndShoot(clerk, 'offline-entry-refused-en');
	await clerk.getByRole('button', { name: 'Correct' }).click();
	await expect(clerk.getByLabel('Form code')).toHaveValue(codes[3]);
	await expect(clerk.getByText('Correcting a refused form')).toBeVisible();
	clerk.once('dialog', (dialog) => void dialog.accept());
	await clerk.getByRole('button', { name: 'Discard' }).click();
	await expect(clerk.getByTestId('offline-refused')).toHaveText('0 refused');
	await clerk.goto(`/lang/zh-CN?next=${encodeURIComponent(ENTRY)}`);
	await context.close();
});
