import { error, type RequestEvent } from '@sveltejs/kit';
import { SsoConfigError, ssoConfigured, ssoSettings, type SsoSettings } from './sso-settings';

/** The short-lived cookie that carries state, nonce and PKCE verifier to the callback. */
export const SSO_COOKIE = 'xinkan_sso';

export function ssoCookieOptions(event: RequestEvent) {
	return {
		path: '/login/sso',
		httpOnly: true,
		// Lax: the provider's redirect back is a top-level GET, which carries it.
		sameSite: 'lax' as const,
		secure: event.url.protocol === 'https:',
		maxAge: 10 * 60
	};
}

let reported = '';
/** The settings, or the SSO error page: 404 when SSO is off, 502 when its settings are wrong. */
export function ssoSettingsOrFail(): SsoSettings {
	if (!ssoConfigured()) error(404, { message: 'sso:not_configured' });
	try {
		return ssoSettings();
	} catch (e) {
		if (!(e instanceof SsoConfigError)) throw e;
		if (reported !== e.message) {
			reported = e.message;
			console.error(`SSO is misconfigured: ${e.message}`);
		}
		error(502, { message: 'sso:misconfigured' });
	}
}
