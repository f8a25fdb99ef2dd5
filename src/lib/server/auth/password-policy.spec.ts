import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { passwordChange, userCreate } from '../../schemas/admin';
import { users } from '../db/schema';
import { authenticate, createUser, setPassword } from '../org/users';
import { seedDemo } from '../demo/seed';
import { prepareDatabase } from '../startup';
import { describeEachDatabase } from '../test/databases';
import { COMMON_PASSWORDS } from './common-passwords';
import { passwordProblem } from './password-policy';

describe('password policy', () => {
	it('wants 10 characters, counted as people count them', () => {
		expect(passwordProblem('9-chars-x', 'someone')).toBe('password_too_short');
		expect(passwordProblem('长城长城长城长城长城', 'someone')).toBeNull();
		expect(passwordProblem('🐉🐉🐉🐉🐉', 'someone')).toBe('password_too_short');
		expect(passwordProblem('x'.repeat(257), 'someone')).toBe('too_long');
	});

	it('refuses the username and any password containing it, in any letter case', () => {
		expect(passwordProblem('Zhangwei88', 'zhangwei88')).toBe('password_has_username');
		expect(passwordProblem('my-ZhangWei-2024', 'zhangwei')).toBe('password_has_username');
		// A two-letter username (a pinyin surname) only as the whole password: "li" is in too much.
		expect(passwordProblem('believe-in-spring', 'li')).toBeNull();
	});

	it('refuses common passwords, whatever their letter case', () => {
		expect(COMMON_PASSWORDS.size).toBeGreaterThan(1500);
		for (const common of [
			'password123',
			'Password123',
			'QWERTYUIOP',
			'1qaz2wsx3edc',
			'woaini1314'
		]) {
			expect(passwordProblem(common, 'someone'), common).toBe('password_common');
		}
		expect(passwordProblem('plum-rain-over-xiangjiang', 'someone')).toBeNull();
	});

	it('accepts every password the test suites and benchmarks log in with', () => {
		for (const [password, username] of [
			['e2e-password-1', 'admin'],
			['e2e-password-1', 'handler-a'],
			['abuse-suite-password', 'admin'],
			['access-suite-password', 'handler-b'],
			['import-bombs-password', 'admin'],
			['fault-test-password', 'admin'],
			['bench-only-password', 'admin'],
			['bench-stats-password', 'admin'],
			['a-good-password', 'newhandler'],
			['demo-password', 'admin'],
			['correct horse', 'sess1']
		]) {
			expect(passwordProblem(password, username), password).toBeNull();
		}
	});

	it('schemas: a new password needs 10 characters, and a change needs it typed twice alike', () => {
		const user = { username: 'wang', displayName: '', role: 'clerk', unitId: '' };
		expect(userCreate.safeParse({ ...user, password: 'short-pw1' }).error?.issues[0].message).toBe(
			'password_too_short'
		);
		const change = { currentPassword: 'x', newPassword: 'a-long-new-one' };
		expect(passwordChange.safeParse({ ...change, confirmPassword: 'a-long-new-one' }).success).toBe(
			true
		);
		const mismatch = passwordChange.safeParse({ ...change, confirmPassword: 'a-long-new-onE' });
		expect(mismatch.error?.issues[0]).toMatchObject({
			path: ['confirmPassword'],
			message: 'password_mismatch'
		});
	});
});

describeEachDatabase('password policy where passwords are set', (current) => {
	const input = (username: string, password: string) => ({
		username,
		password,
		displayName: '',
		role: 'clerk' as const,
		unitId: null
	});

	it('an admin cannot create an account with a common password or one holding the username', async () => {
		const { db } = current();
		await expect(createUser(db, null, input('liming', 'password123'))).rejects.toMatchObject({
			status: 400,
			fields: { password: 'password_common' }
		});
		await expect(createUser(db, null, input('liming', 'LiMing-2024!'))).rejects.toMatchObject({
			status: 400,
			fields: { password: 'password_has_username' }
		});
		const [{ n }] = await db.select({ n: count() }).from(users).where(eq(users.username, 'liming'));
		expect(n).toBe(0);
	});

	it('a reset (web or CLI) refuses a weak password and keeps the old one', async () => {
		const { db } = current();
		await createUser(db, null, input('zhaolei', 'spring-tea-leaves'));
		await expect(setPassword(db, null, 'ZhaoLei', 'zhaolei1234')).rejects.toMatchObject({
			fields: { password: 'password_has_username' }
		});
		await expect(setPassword(db, null, 'zhaolei', '1234567890')).rejects.toMatchObject({
			fields: { password: 'password_common' }
		});
		expect(await authenticate(db, 'zhaolei', 'spring-tea-leaves')).not.toBeNull();
	});

	it('refuses to start with a weak XINKAN_ADMIN_PASSWORD, and its own generated one passes', async () => {
		const { db, handle } = current();
		await expect(
			prepareDatabase(handle, { XINKAN_ADMIN_PASSWORD: 'admin12345' }, () => {})
		).rejects.toThrow(/cannot start: XINKAN_ADMIN_PASSWORD contains the username "admin"/);
		await expect(
			prepareDatabase(handle, { XINKAN_ADMIN_PASSWORD: 'qwertyuiop' }, () => {})
		).rejects.toThrow(/XINKAN_ADMIN_PASSWORD is one of the most common passwords/);
		expect(await db.select().from(users).where(eq(users.username, 'admin'))).toHaveLength(0);
		const lines: string[] = [];
		await prepareDatabase(handle, {}, (line) => lines.push(line));
		const generated = lines.join('\n').match(/password: (\S+)/)?.[1];
		expect(generated).toBeTruthy();
		expect(passwordProblem(generated!, 'admin')).toBeNull();
	});

	it('refuses a weak admin password when the demo is loaded by hand (npm run db:seed:demo), storing nothing', async () => {
		const { db } = current();
		const before = await db.select().from(users);
		await expect(seedDemo(db, 'qwertyuiop')).rejects.toThrow(
			/^XINKAN_ADMIN_PASSWORD is one of the most common passwords/
		);
		await expect(seedDemo(db, 'Admin-2014!x')).rejects.toThrow(/contains the username "admin"/);
		expect(await db.select().from(users)).toEqual(before);
		expect(passwordProblem('demo-password', 'admin')).toBeNull();
	});
});
