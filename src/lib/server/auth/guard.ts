import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { ApiScope } from '../../domain';
import { getCampaign } from '../campaigns/queries';
import type { Campaign } from '../db/schema';
import { tokenMayRead, verifyApiToken, type ApiTokenRights } from './api-tokens';
import type { Role } from '../db/schema';
import type { SessionUser } from './session';
import { STAFF } from '../../roles';

/**
 * The one permission check every admin load, action and API handler calls. Anonymous users go to
 * the login page (then back); a logged-in user without the role gets 403. Admins pass every check.
 */
export function requireRole(event: RequestEvent, ...roles: Role[]): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	if (user.role !== 'admin' && !roles.includes(user.role)) error(403, 'forbidden');
	return user;
}

/** Any logged-in staff member. */
export function requireUser(event: RequestEvent): SessionUser {
	return requireRole(event, ...STAFF);
}

// Characters a browser may drop, fold or read as a slash before it resolves a `Location`: C0 and
// C1 controls and DEL (`/\t/evil.example` becomes `//evil.example`), backslashes (read as `/`),
// every Unicode space (U+3000 among them) and the full-width block (U+FF0F is a full-width
// solidus). None of them belongs in a path this site links to, so the whole value is refused.
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNSAFE_IN_NEXT = /[\u0000-\u001f\u007f-\u009f\\\s\uff00-\uffef]/u;
// Only the origin matters here: any same-origin base would do.
const NEXT_BASE = 'http://next.invalid';

/**
 * A path on this site to go back to after logging in or switching a preference, never an open
 * redirect to another host: the value is parsed against a fixed base and kept only when it stays
 * on that origin with a path starting with exactly one `/`. Anything else gives `fallback`. The
 * answer is the parsed path, query and fragment, so a `Location` header built from it is always
 * ASCII (a raw non-ASCII or control character there would make the response itself fail).
 */
export function safeNext(value: string | null | undefined, fallback = '/admin'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || UNSAFE_IN_NEXT.test(value)) {
		return fallback;
	}
	let target: URL;
	try {
		target = new URL(value, NEXT_BASE);
	} catch {
		return fallback;
	}
	// `/.//evil.example` resolves to the path `//evil.example`: check what was parsed, not only
	// what was sent.
	if (target.origin !== NEXT_BASE || target.pathname.startsWith('//')) return fallback;
	return target.pathname + target.search + target.hash;
}

/** Who calls the JSON API: a live token, or a logged-in staff member with one of the roles. */
export type ApiCaller = { token: ApiTokenRights; user: null } | { token: null; user: SessionUser };

/**
 * The caller of a JSON API request: a live API token (`Authorization: Bearer …`), else the
 * session's user if they have one of the roles. Answers 401 (no or a dead token, no session) and
 * 403 (a role not listed) rather than redirecting: the caller is a program. A token is checked
 * against the primary, which records its last use.
 */
export async function requireApiCaller(event: RequestEvent, ...roles: Role[]): Promise<ApiCaller> {
	const header = event.request.headers.get('authorization') ?? '';
	const bearer = header.match(/^Bearer\s+(\S+)$/i)?.[1];
	if (bearer) {
		const rights = await verifyApiToken(event.locals.db, bearer);
		if (!rights) error(401, 'invalid, expired or revoked API token');
		return { token: rights, user: null };
	}
	const user = event.locals.user;
	if (!user) error(401, 'log in or send an API token');
	if (user.role !== 'admin' && !roles.includes(user.role)) error(403, 'forbidden');
	return { token: null, user };
}

/**
 * Read access to one part (`scope`) of one campaign through the JSON API: a logged-in user with
 * one of the roles, or a live API token whose scopes name that part, bound to that campaign or to
 * none — and then never a draft. Answers 401 (no or a dead token), 403 (a token without the scope,
 * or bound to another campaign), 404 (no such campaign, or a draft for an unbound token). Returns
 * the campaign.
 */
export async function requireApiReader(
	event: RequestEvent,
	scope: ApiScope,
	...roles: Role[]
): Promise<Campaign> {
	return requireApiReaderOf(event, scope, event.params.slug ?? '', ...roles);
}

/** requireApiReader for the campaign `slug` (e.g. a second campaign the request names). */
export async function requireApiReaderOf(
	event: RequestEvent,
	scope: ApiScope,
	slug: string,
	...roles: Role[]
): Promise<Campaign> {
	return (await requireCampaignCaller(event, scope, slug, ...roles)).campaign;
}

/**
 * requireApiReaderOf, also saying who called (what they may read beyond the scope). Scope `null`:
 * the campaign itself, which any live token it is for may read.
 */
export async function requireCampaignCaller(
	event: RequestEvent,
	scope: ApiScope | null,
	slug: string,
	...roles: Role[]
): Promise<{ campaign: Campaign; caller: ApiCaller }> {
	const caller = await requireApiCaller(event, ...roles);
	const campaign = await getCampaign(event.locals.db, slug);
	if (caller.token) {
		const verdict = tokenMayRead(caller.token, scope, campaign);
		if (verdict === 'scope') error(403, `this token may not read ${scope}`);
		if (verdict === 'campaign') error(403, 'this token is for another campaign');
		if (verdict === 'draft') error(404, 'not found');
	}
	return { campaign, caller };
}
