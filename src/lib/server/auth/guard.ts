import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { verifyApiToken } from './api-tokens';
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

/** A relative path on this site, never an open redirect to another host. */
export function safeNext(value: string | null | undefined, fallback = '/admin'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return fallback;
	}
	return value;
}

/**
 * Read access to the JSON API: a logged-in user with one of the roles, or a live API token
 * (`Authorization: Bearer …`). Answers 401 rather than redirecting: the caller is a program.
 */
export async function requireApiReader(event: RequestEvent, ...roles: Role[]): Promise<void> {
	const header = event.request.headers.get('authorization') ?? '';
	const bearer = header.match(/^Bearer\s+(\S+)$/i)?.[1];
	if (bearer) {
		if (await verifyApiToken(event.locals.db, bearer)) return;
		error(401, 'invalid or revoked API token');
	}
	const user = event.locals.user;
	if (!user) error(401, 'log in or send an API token');
	if (user.role !== 'admin' && !roles.includes(user.role)) error(403, 'forbidden');
}
