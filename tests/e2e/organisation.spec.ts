import { expect, test } from '@playwright/test';
import { logIn } from './helpers';

test('an admin adds a township, is told what is missing, then renames and retires it', async ({
	page
}) => {
	await logIn(page, 'admin');
	await page.goto('/admin/areas');
	await page.waitForLoadState('networkidle'); // hydrated: nothing typed now is reset
	const form = page.locator('#area-form');
	await expect(form.locator('legend')).toHaveText('新建');
	await form.getByLabel('名称').fill('测试乡');
	await form.getByLabel('排序').fill('7');
	await form.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('status')).toHaveText('已保存。');
	const row = page.getByRole('row', { name: /测试乡/ });
	await expect(row).toContainText('启用');

	// The edit link names its row for a screen reader; the form then edits that entry.
	await page.getByRole('link', { name: '编辑 测试乡' }).click();
	await page.waitForLoadState('networkidle');
	await expect(form.locator('legend')).toHaveText('编辑: 测试乡');
	await expect(form.getByLabel('排序')).toHaveValue('7');
	// Spaces pass the browser's "required"; the server says the name is missing, keeping the rest.
	await form.getByLabel('名称').fill('   ');
	await form.getByLabel('排序').fill('9');
	await form.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('alert')).toContainText('此项必填');
	await expect(form.getByLabel('排序')).toHaveValue('9');

	await form.getByLabel('名称').fill('测试镇');
	await form.getByLabel('启用').uncheck();
	await form.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('status')).toHaveText('已保存。');
	await expect(page.getByRole('row', { name: /测试镇/ })).toContainText('已停用');
	await expect(page.getByRole('row', { name: /测试乡/ })).toHaveCount(0);
});
