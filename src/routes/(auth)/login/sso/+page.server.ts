import { error, redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/server/auth/guard';
import { beginSso, encodePending, SsoFailure } from '$lib/server/auth/sso';
import { SSO_COOKIE, ssoCookieOptions, ssoSettingsOrFail } from '$lib/server/auth/sso-route';
import type { PageServerLoad } from './$types';

/** "Sign in with your organisation account": off to the provider, with state, nonce and PKCE. */
export const load: PageServerLoad = async (event) => {
	const settings = ssoSettingsOrFail();
	let started;
	try {
		started = await beginSso(settings, safeNext(event.url.searchParams.get('next')));
	} catch (e) {
		if (e instanceof SsoFailure) {
			console.error(`SSO start: ${e.message}`);
			error(e.status, { message: `sso:${e.reason}` });
		}
		throw e;
	}
	event.cookies.set(SSO_COOKIE, encodePending(started.pending), ssoCookieOptions(event));
	redirect(303, started.url.href);
};
