import type { Cookies, RequestEvent } from '@sveltejs/kit';
import {
	SESSION_COOKIE,
	validateSessionToken,
	type SessionUser,
	type ValidSession
} from './session';

export function setSessionCookie(event: RequestEvent, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

/** Resolves the cookie to a user; a stale or forged cookie is removed rather than trusted. */
export async function readSession(
	event: RequestEvent
): Promise<{ user: SessionUser | null; session: ValidSession | null }> {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return { user: null, session: null };
	const result = await validateSessionToken(event.locals.db, token);
	if (!result) {
		deleteSessionCookie(event.cookies);
		return { user: null, session: null };
	}
	setSessionCookie(event, token, result.session.expiresAt);
	return result;
}
