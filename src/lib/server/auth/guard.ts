import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import type { SessionUser } from './session';

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
	return requireRole(event, 'organiser', 'clerk', 'reviewer', 'handler', 'leader');
}

/** A relative path on this site, never an open redirect to another host. */
export function safeNext(value: string | null | undefined, fallback = '/admin'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return fallback;
	}
	return value;
}
