import { error, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { safeNext } from '$lib/server/auth/guard';
import { decodePending, finishSso, SsoFailure } from '$lib/server/auth/sso';
import { SSO_COOKIE, ssoCookieOptions, ssoSettingsOrFail } from '$lib/server/auth/sso-route';
import type { PageServerLoad } from './$types';

/** The provider sends the browser back here: a session, or a page that says why not. */
export const load: PageServerLoad = async (event) => {
	const settings = ssoSettingsOrFail();
	const pending = decodePending(event.cookies.get(SSO_COOKIE));
	// One use only, whatever happens next: a replayed callback finds no state.
	event.cookies.delete(SSO_COOKIE, { path: ssoCookieOptions(event).path });
	let signedIn;
	try {
		signedIn = await finishSso(event.locals.db, settings, {
			query: event.url.searchParams,
			pending,
			ip: event.getClientAddress()
		});
	} catch (e) {
		if (e instanceof SsoFailure) error(e.status, { message: `sso:${e.reason}` });
		throw e;
	}
	setSessionCookie(event, signedIn.token, signedIn.session.expiresAt);
	// Checked again: the cookie came back from the browser.
	redirect(303, safeNext(signedIn.next));
};
