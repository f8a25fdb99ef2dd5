// XINKAN_PASSWORD_LOGIN=off: the login action refuses every password but the break-glass admin's,
// and the page says so. Run through the route's own load and action on both databases.
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { afterEach, expect, it } from 'vitest';
import { createUser } from '$lib/server/org/users';
import { describeEachDatabase, type TestDatabase } from '$lib/server/test/databases';
import { actions, load } from './+page.server';

const PASSWORD = 'long enough words';
const saved = { ...process.env };
afterEach(() => {
	for (const key of ['XINKAN_PASSWORD_LOGIN', 'XINKAN_BREAK_GLASS_ADMIN', 'XINKAN_OIDC_ISSUER']) {
		if (saved[key] === undefined) delete process.env[key];
		else process.env[key] = saved[key];
	}
});

function loginEvent(db: TestDatabase['db'], username: string, ip: string) {
	const set: string[] = [];
	const cookies = {
		set: (name: string) => set.push(name),
		get: () => undefined,
		delete: () => {}
	} as unknown as Cookies;
	const event = {
		url: new URL('http://localhost/login'),
		request: new Request('http://localhost/login', {
			method: 'POST',
			body: new URLSearchParams({ username, password: PASSWORD })
		}),
		locals: { db, locale: 'zh-CN', user: null },
		cookies,
		getClientAddress: () => ip,
		setHeaders: () => {}
	} as unknown as RequestEvent;
	return { event, set };
}

/** The action's answer: a redirect (logged in) or a failure's status and form message. */
async function attempt(db: TestDatabase['db'], username: string, ip: string) {
	const { event, set } = loginEvent(db, username, ip);
	try {
		const result = (await actions.default(event as never)) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		return { status: result.status, message: result.data.errors._form, cookies: set };
	} catch (thrown) {
		return { status: (thrown as { status: number }).status, message: '', cookies: set };
	}
}

describeEachDatabase('password login switched off', (current) => {
	it('refuses everyone but the named break-glass admin, who logs in', async () => {
		const { db } = current();
		for (const [username, role] of [
			['rescue', 'admin'],
			['plain-admin', 'admin'],
			['rescue-clerk', 'clerk']
		] as const) {
			await createUser(db, null, {
				username,
				password: PASSWORD,
				displayName: '',
				role,
				unitId: null
			});
		}
		// On (the default): a right password logs in.
		expect((await attempt(db, 'plain-admin', '10.1.0.1')).status).toBe(303);

		process.env.XINKAN_PASSWORD_LOGIN = 'off';
		process.env.XINKAN_BREAK_GLASS_ADMIN = 'rescue';
		const refused = await attempt(db, 'plain-admin', '10.1.0.2');
		expect(refused.status).toBe(403);
		expect(refused.message).toContain('用户名密码登录已关闭');
		expect(refused.cookies).toEqual([]);

		const rescue = await attempt(db, 'Rescue', '10.1.0.3');
		expect(rescue.status).toBe(303);
		expect(rescue.cookies).toEqual(['xinkan_session']);

		// Named as the exception but not an admin: refused even with the right password.
		process.env.XINKAN_BREAK_GLASS_ADMIN = 'rescue-clerk';
		const clerk = await attempt(db, 'rescue-clerk', '10.1.0.4');
		expect(clerk.status).toBe(403);
		expect(clerk.cookies).toEqual([]);
	});

	it('the page offers the SSO button only when configured and hides the form when off', async () => {
		const page = (next = '') =>
			load({
				locals: { user: null },
				url: new URL(`http://localhost/login${next}`)
			} as never) as { sso: boolean; ssoHref: string; passwordLogin: boolean };
		delete process.env.XINKAN_OIDC_ISSUER;
		expect(page()).toMatchObject({ sso: false, passwordLogin: true });
		process.env.XINKAN_OIDC_ISSUER = 'https://id.example';
		process.env.XINKAN_PASSWORD_LOGIN = 'off';
		expect(page('?next=%2Fadmin%2Fusers')).toEqual({
			sso: true,
			ssoHref: '/login/sso?next=%2Fadmin%2Fusers',
			passwordLogin: false
		});
		// A hostile `next` is not carried to the provider and back.
		expect(page('?next=%2F%2Fevil.example').ssoHref).toBe('/login/sso?next=%2Fadmin');
	});
});
