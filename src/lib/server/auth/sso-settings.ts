import { ROLES, type Role } from '../../domain';

/**
 * Single sign-on (OpenID Connect) and the password login, both configured by environment
 * (docs/notes/sso.md lists every variable). Parsed on each call: cheap, and tests can pass their
 * own environment.
 */
export type AccountMode = 'match' | 'create';

export interface SsoSettings {
	issuer: URL;
	clientId: string;
	clientSecret: string;
	/** Where the provider sends the browser back to: `<redirectBase>/login/sso/callback`. */
	redirectBase: string;
	scope: string;
	usernameClaim: string;
	groupsClaim: string;
	/** In order: the first group the user is in decides the role. Empty: no mapping. */
	roleMap: { group: string; role: Role }[];
	accounts: AccountMode;
}

/** A setting that cannot be used: said once in the log, and as a 502 page to whoever tries SSO. */
export class SsoConfigError extends Error {}

type Env = Record<string, string | undefined>;

/** Is SSO switched on at all (an issuer is set)? The login page shows its button only then. */
export function ssoConfigured(env: Env = process.env): boolean {
	return Boolean(env.XINKAN_OIDC_ISSUER?.trim());
}

/**
 * `XINKAN_OIDC_ROLE_MAP='xinkan-admins=admin, xinkan-reviewers=reviewer'`: comma-separated
 * `group=role` pairs, the group as the provider spells it (the last `=` separates it from the
 * role), the role one of Xinkan's. A user in several mapped groups gets the first pair's role, so
 * list the most powerful first.
 */
export function parseRoleMap(value: string | undefined): { group: string; role: Role }[] {
	if (!value?.trim()) return [];
	return value
		.split(',')
		.map((pair) => pair.trim())
		.filter(Boolean)
		.map((pair) => {
			const at = pair.lastIndexOf('=');
			const group = pair.slice(0, at).trim();
			const role = pair.slice(at + 1).trim();
			if (at <= 0 || !group) {
				throw new SsoConfigError(`XINKAN_OIDC_ROLE_MAP: "${pair}" is not group=role`);
			}
			if (!(ROLES as readonly string[]).includes(role)) {
				throw new SsoConfigError(
					`XINKAN_OIDC_ROLE_MAP: "${role}" is not a role (one of ${ROLES.join(', ')})`
				);
			}
			return { group, role: role as Role };
		});
}

export function ssoSettings(env: Env = process.env): SsoSettings {
	const issuerText = env.XINKAN_OIDC_ISSUER?.trim();
	if (!issuerText) throw new SsoConfigError('XINKAN_OIDC_ISSUER is not set');
	let issuer: URL;
	try {
		issuer = new URL(issuerText);
	} catch {
		throw new SsoConfigError(`XINKAN_OIDC_ISSUER "${issuerText}" is not a URL`);
	}
	const clientId = env.XINKAN_OIDC_CLIENT_ID?.trim();
	const clientSecret = env.XINKAN_OIDC_CLIENT_SECRET ?? '';
	if (!clientId) throw new SsoConfigError('XINKAN_OIDC_CLIENT_ID is not set');
	if (!clientSecret) throw new SsoConfigError('XINKAN_OIDC_CLIENT_SECRET is not set');
	const redirectBase = (env.XINKAN_OIDC_REDIRECT_BASE || env.ORIGIN || '').replace(/\/+$/, '');
	if (!/^https?:\/\/[^/]+/.test(redirectBase)) {
		throw new SsoConfigError('set XINKAN_OIDC_REDIRECT_BASE (or ORIGIN) to the site address');
	}
	const accounts = (env.XINKAN_OIDC_ACCOUNTS?.trim() || 'match') as AccountMode;
	if (accounts !== 'match' && accounts !== 'create') {
		throw new SsoConfigError('XINKAN_OIDC_ACCOUNTS must be "match" or "create"');
	}
	return {
		issuer,
		clientId,
		clientSecret,
		redirectBase,
		scope: env.XINKAN_OIDC_SCOPE?.trim() || 'openid profile',
		usernameClaim: env.XINKAN_OIDC_USERNAME_CLAIM?.trim() || 'preferred_username',
		groupsClaim: env.XINKAN_OIDC_GROUPS_CLAIM?.trim() || 'groups',
		roleMap: parseRoleMap(env.XINKAN_OIDC_ROLE_MAP),
		accounts
	};
}

/** The role the groups claim gives (first match in the map's order), or null. */
export function mappedRole(settings: Pick<SsoSettings, 'roleMap'>, groups: unknown): Role | null {
	const list = Array.isArray(groups)
		? groups.filter((g): g is string => typeof g === 'string')
		: typeof groups === 'string'
			? [groups]
			: [];
	return settings.roleMap.find((entry) => list.includes(entry.group))?.role ?? null;
}

export interface PasswordLoginPolicy {
	enabled: boolean;
	/** With the password login off, the one account that may still use it (an admin). */
	breakGlass: string | null;
}

/** `XINKAN_PASSWORD_LOGIN=off` switches it off; `XINKAN_BREAK_GLASS_ADMIN` names the exception. */
export function passwordLoginPolicy(env: Env = process.env): PasswordLoginPolicy {
	const value = env.XINKAN_PASSWORD_LOGIN?.trim().toLowerCase();
	return {
		enabled: !(value === 'off' || value === '0' || value === 'false' || value === 'no'),
		breakGlass: env.XINKAN_BREAK_GLASS_ADMIN?.trim().toLowerCase() || null
	};
}

/**
 * May this username try a password at all? Asked before the password is checked; the account's
 * role (the break-glass account must be an admin) is checked after (`passwordLoginAllowsUser`).
 */
export function passwordLoginAllowsName(policy: PasswordLoginPolicy, username: string): boolean {
	return policy.enabled || username.trim().toLowerCase() === policy.breakGlass;
}

export function passwordLoginAllowsUser(
	policy: PasswordLoginPolicy,
	user: { username: string; role: Role }
): boolean {
	if (policy.enabled) return true;
	return user.username.toLowerCase() === policy.breakGlass && user.role === 'admin';
}
