import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, users } from '../db/schema';
import { createUser, authenticate } from '../org/users';
import { describeEachDatabase } from '../test/databases';
import { throughProvider } from '../test/oidc-browser';
import { startTestProvider, TEST_CLIENT, type RunningProvider } from '../test/oidc-provider';
import { sessionIdOf, validateSessionToken } from './session';
import { beginSso, finishSso, forgetDiscovery, SSO_CALLBACK_PATH, SsoFailure } from './sso';
import {
	mappedRole,
	parseRoleMap,
	passwordLoginAllowsName,
	passwordLoginAllowsUser,
	passwordLoginPolicy,
	ssoSettings,
	type SsoSettings
} from './sso-settings';

const APP = 'http://xinkan.test';
let provider: RunningProvider;

beforeAll(async () => {
	provider = await startTestProvider({ redirectUris: [APP + SSO_CALLBACK_PATH] });
});
afterAll(() => provider?.close());

function settings(extra: Record<string, string> = {}): SsoSettings {
	return ssoSettings({
		XINKAN_OIDC_ISSUER: provider.issuer,
		XINKAN_OIDC_CLIENT_ID: TEST_CLIENT.id,
		XINKAN_OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
		XINKAN_OIDC_REDIRECT_BASE: APP,
		XINKAN_OIDC_ROLE_MAP: 'xinkan-admins=admin,xinkan-reviewers=reviewer',
		XINKAN_OIDC_ACCOUNTS: 'create',
		...extra
	});
}

/** Starts a sign-in, passes the provider's pages as `login`, answers the callback's query. */
async function atProvider(s: SsoSettings, login: string) {
	const { url, pending } = await beginSso(s, '/admin/campaigns');
	const query = await throughProvider(url, login, APP + SSO_CALLBACK_PATH);
	return { query, pending };
}

describe('SSO settings', () => {
	it('reads a role map in order and refuses an unknown role or a pair without a group', () => {
		const map = parseRoleMap(' a=reviewer , b=admin,x=y=clerk');
		expect(map).toEqual([
			{ group: 'a', role: 'reviewer' },
			{ group: 'b', role: 'admin' },
			{ group: 'x=y', role: 'clerk' }
		]);
		expect(mappedRole({ roleMap: map }, ['b', 'a'])).toBe('reviewer');
		expect(mappedRole({ roleMap: map }, 'b')).toBe('admin');
		expect(mappedRole({ roleMap: map }, ['c'])).toBeNull();
		expect(mappedRole({ roleMap: map }, undefined)).toBeNull();
		expect(() => parseRoleMap('a=superuser')).toThrow(/not a role/);
		expect(() => parseRoleMap('=admin')).toThrow(/group=role/);
		expect(() => parseRoleMap('admin')).toThrow(/group=role/);
	});

	it('needs an issuer, a client and a site address; accounts are match unless told', () => {
		expect(() => ssoSettings({})).toThrow(/XINKAN_OIDC_ISSUER/);
		const base = {
			XINKAN_OIDC_ISSUER: 'https://id.example',
			XINKAN_OIDC_CLIENT_ID: 'c',
			XINKAN_OIDC_CLIENT_SECRET: 's'
		};
		expect(() => ssoSettings(base)).toThrow(/REDIRECT_BASE/);
		const s = ssoSettings({ ...base, ORIGIN: 'https://xinkan.example/' });
		expect(s.accounts).toBe('match');
		expect(s.redirectBase).toBe('https://xinkan.example');
		expect(s.usernameClaim).toBe('preferred_username');
		expect(() =>
			ssoSettings({ ...base, ORIGIN: 'https://x', XINKAN_OIDC_ACCOUNTS: 'auto' })
		).toThrow(/match/);
	});

	it('with the password login off, only the named break-glass admin may use it', () => {
		const on = passwordLoginPolicy({});
		expect(passwordLoginAllowsName(on, 'anyone')).toBe(true);
		const off = passwordLoginPolicy({
			XINKAN_PASSWORD_LOGIN: 'off',
			XINKAN_BREAK_GLASS_ADMIN: 'Rescue'
		});
		expect(passwordLoginAllowsName(off, 'anyone')).toBe(false);
		expect(passwordLoginAllowsName(off, ' rescue ')).toBe(true);
		expect(passwordLoginAllowsUser(off, { username: 'rescue', role: 'admin' })).toBe(true);
		// Named, but not an admin: the exception is for an administrator only.
		expect(passwordLoginAllowsUser(off, { username: 'rescue', role: 'clerk' })).toBe(false);
		expect(passwordLoginAllowsName(passwordLoginPolicy({ XINKAN_PASSWORD_LOGIN: 'off' }), '')).toBe(
			false
		);
	});
});

describeEachDatabase('SSO sign-in against a local OpenID provider', (current) => {
	const failures = async (reason: string) =>
		(
			await current().db.select().from(auditLog).where(eq(auditLog.action, 'auth.sso_failed'))
		).filter((row) => (row.after as { reason?: string }).reason === reason);
	const sessionCount = async () => (await current().db.select().from(sessions)).length;
	const expectFailure = async (run: () => Promise<unknown>, reason: string, status: number) => {
		const before = await sessionCount();
		const seen = (await failures(reason)).length;
		const error = await run().then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(SsoFailure);
		expect((error as SsoFailure).reason).toBe(reason);
		expect((error as SsoFailure).status).toBe(status);
		expect(await sessionCount()).toBe(before);
		expect((await failures(reason)).length).toBe(seen + 1);
	};

	it('creates an account with the mapped role on first sign-in and a working session', async () => {
		const { db } = current();
		const s = settings();
		const { query, pending } = await atProvider(s, 'sso-admin');
		const result = await finishSso(db, s, { query, pending, ip: '10.0.0.1' });
		expect(result.created).toBe(true);
		expect(result.user).toMatchObject({ username: 'sso-admin', role: 'admin' });
		expect(result.next).toBe('/admin/campaigns');
		const valid = await validateSessionToken(db, result.token);
		expect(valid?.user).toMatchObject({
			username: 'sso-admin',
			role: 'admin',
			displayName: 'SSO 管理员'
		});
		// An SSO account has no password that works.
		expect(await authenticate(db, 'sso-admin', '!sso')).toBeNull();
		const [login] = await db
			.select()
			.from(auditLog)
			.where(
				and(eq(auditLog.action, 'auth.sso_login'), eq(auditLog.entityId, String(result.user.id)))
			);
		expect(login.actorId).toBe(result.user.id);

		// The second time the same account is found, not created.
		const again = await atProvider(s, 'sso-admin');
		const second = await finishSso(db, s, { ...again, ip: '10.0.0.1' });
		expect(second.created).toBe(false);
		expect(second.user.id).toBe(result.user.id);
	});

	it('the first mapped group in the map order decides; groups change the role of an existing account', async () => {
		const { db } = current();
		// Exists as a clerk; the provider puts it in xinkan-reviewers.
		const local = await createUser(db, null, {
			username: 'sso-reviewer',
			password: 'long enough words',
			displayName: '',
			role: 'clerk',
			unitId: null
		});
		const { query, pending } = await atProvider(
			settings({ XINKAN_OIDC_ACCOUNTS: 'match' }),
			'sso-reviewer'
		);
		const oldToken = 'x'.repeat(32);
		await db.insert(sessions).values({
			id: sessionIdOf(oldToken),
			userId: local.id,
			expiresAt: new Date(Date.now() + 3600_000),
			createdAt: new Date()
		});
		const result = await finishSso(db, settings({ XINKAN_OIDC_ACCOUNTS: 'match' }), {
			query,
			pending,
			ip: '10.0.0.2'
		});
		expect(result.created).toBe(false);
		expect(result.user).toMatchObject({ id: local.id, role: 'reviewer' });
		// The session granted as a clerk ended with the role change.
		expect(await validateSessionToken(db, oldToken)).toBeNull();
		expect(await validateSessionToken(db, result.token)).not.toBeNull();
	});

	it('match mode refuses a provider account with no Xinkan account; create mode without a role asks for the admin', async () => {
		const { db } = current();
		const matchOnly = settings({ XINKAN_OIDC_ACCOUNTS: 'match' });
		const a = await atProvider(matchOnly, 'sso-nogroup');
		await expectFailure(
			() => finishSso(db, matchOnly, { ...a, ip: '10.0.0.3' }),
			'no_account',
			403
		);
		const b = await atProvider(settings(), 'sso-nogroup');
		await expectFailure(() => finishSso(db, settings(), { ...b, ip: '10.0.0.3' }), 'no_role', 403);
		const [row] = await db.select().from(users).where(eq(users.username, 'sso-nogroup'));
		expect(row).toBeUndefined();
	});

	it('a disabled account is refused', async () => {
		const { db } = current();
		const created = await atProvider(settings(), 'sso-admin');
		await finishSso(db, settings(), { ...created, ip: '10.0.0.4' }).catch(() => null);
		await db.update(users).set({ active: false }).where(eq(users.username, 'sso-admin'));
		const again = await atProvider(settings(), 'sso-admin');
		await expectFailure(
			() => finishSso(db, settings(), { ...again, ip: '10.0.0.4' }),
			'disabled',
			403
		);
		await db.update(users).set({ active: true }).where(eq(users.username, 'sso-admin'));
	});

	it('a replayed code is refused by the provider and gives no second session', async () => {
		const { db } = current();
		const s = settings();
		const { query, pending } = await atProvider(s, 'sso-admin');
		await finishSso(db, s, { query, pending, ip: '10.0.0.5' });
		await expectFailure(
			() => finishSso(db, s, { query, pending, ip: '10.0.0.5' }),
			'code_rejected',
			400
		);
	});

	it('a missing, expired or different state is refused before the code is used', async () => {
		const { db } = current();
		const s = settings();
		const { query, pending } = await atProvider(s, 'sso-admin');
		await expectFailure(
			() => finishSso(db, s, { query, pending: null, ip: '10.0.0.6' }),
			'state_missing',
			400
		);
		await expectFailure(
			() => finishSso(db, s, { query, pending, ip: '10.0.0.6', now: pending.at + 11 * 60_000 }),
			'state_expired',
			400
		);
		await expectFailure(
			() => finishSso(db, s, { query, pending: { ...pending, state: 'another' }, ip: '10.0.0.6' }),
			'state_mismatch',
			400
		);
		// The code was never spent: the right state still signs in.
		const ok = await finishSso(db, s, { query, pending, ip: '10.0.0.6' });
		expect(ok.user.username).toBe('sso-admin');
	});

	it('an answer naming another issuer is refused', async () => {
		const { db } = current();
		const s = settings();
		const { query, pending } = await atProvider(s, 'sso-admin');
		query.set('iss', 'http://evil.example');
		await expectFailure(
			() => finishSso(db, s, { query, pending, ip: '10.0.0.7' }),
			'wrong_issuer',
			400
		);
	});

	it('a missing username claim or one Xinkan cannot use is refused', async () => {
		const { db } = current();
		const s = settings();
		const a = await atProvider(s, 'sso-noclaim');
		await expectFailure(() => finishSso(db, s, { ...a, ip: '10.0.0.8' }), 'missing_claim', 502);
		const b = await atProvider(s, 'Bad Name!');
		await expectFailure(() => finishSso(db, s, { ...b, ip: '10.0.0.8' }), 'bad_username', 403);
		// Another claim as the username: `name` holds Chinese, which is no Xinkan username.
		const byEmail = settings({ XINKAN_OIDC_USERNAME_CLAIM: 'email' });
		const c = await atProvider(byEmail, 'sso-admin');
		await expectFailure(
			() => finishSso(db, byEmail, { ...c, ip: '10.0.0.8' }),
			'missing_claim',
			502
		);
	});

	it('a database fault while signing in stays a fault, not a provider error', async () => {
		const { db } = current();
		const s = settings();
		const { query, pending } = await atProvider(s, 'sso-admin');
		const fault = new Error('database went away');
		const broken = new Proxy(db, {
			get: (target, key, receiver) =>
				key === 'transaction' ? () => Promise.reject(fault) : Reflect.get(target, key, receiver)
		});
		const seen = (await failures('provider_invalid')).length;
		await expect(finishSso(broken, s, { query, pending, ip: '10.0.0.10' })).rejects.toBe(fault);
		expect((await failures('provider_invalid')).length).toBe(seen);
	});

	it('a provider that is down or an issuer that is wrong gives a 502, no session', async () => {
		const { db } = current();
		forgetDiscovery();
		const down = settings({ XINKAN_OIDC_ISSUER: 'http://127.0.0.1:9' });
		const e1 = await beginSso(down, '/admin').catch((e: unknown) => e);
		expect(e1).toBeInstanceOf(SsoFailure);
		expect((e1 as SsoFailure).status).toBe(502);
		// The provider's metadata names another issuer (localhost is not 127.0.0.1): refused.
		const other = settings({
			XINKAN_OIDC_ISSUER: provider.issuer.replace('127.0.0.1', 'localhost')
		});
		const e2 = await beginSso(other, '/admin').catch((e: unknown) => e);
		expect(e2).toBeInstanceOf(SsoFailure);
		expect((e2 as SsoFailure).reason).toBe('misconfigured');
		// A started sign-in whose provider went away at the token step.
		const s = settings();
		const { query, pending } = await atProvider(s, 'sso-admin');
		const gone = await startTestProvider({ redirectUris: [APP + SSO_CALLBACK_PATH] });
		await gone.close();
		forgetDiscovery();
		const moved = settings({ XINKAN_OIDC_ISSUER: gone.issuer });
		await expectFailure(
			() => finishSso(db, moved, { query, pending, ip: '10.0.0.9' }),
			'provider_unavailable',
			502
		);
		forgetDiscovery();
	});
});
