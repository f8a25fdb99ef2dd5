import { fail, redirect } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { loginInput } from '$lib/schemas/admin';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { safeNext } from '$lib/server/auth/guard';
import { beginLoginAttempt, loginSucceeded } from '$lib/server/auth/login-throttle';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import {
	passwordLoginAllowsName,
	passwordLoginAllowsUser,
	passwordLoginPolicy,
	ssoConfigured
} from '$lib/server/auth/sso-settings';
import { handleForm } from '$lib/server/platform/form-actions';
import { authenticate } from '$lib/server/org/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	const next = url.searchParams.get('next');
	return {
		sso: ssoConfigured(),
		ssoHref: next ? `/login/sso?next=${encodeURIComponent(safeNext(next))}` : '/login/sso',
		passwordLogin: passwordLoginPolicy().enabled
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, url } = event;
		const m = messages(locals.locale);
		const ip = event.getClientAddress();
		const policy = passwordLoginPolicy();
		return handleForm(event, loginInput, async ({ username, password }) => {
			// Password login switched off: refused before any password is checked, but for the
			// break-glass admin (XINKAN_BREAK_GLASS_ADMIN).
			const refused = () =>
				fail(403, { values: { username }, errors: { _form: m.login.passwordRefused } });
			if (!passwordLoginAllowsName(policy, username)) return refused();
			const attempt = await beginLoginAttempt(locals.db, username, ip);
			const { retryAfter } = attempt;
			if (retryAfter > 0) {
				event.setHeaders({ 'retry-after': String(retryAfter) });
				const errors: Record<string, string> = {
					_form: m.login.throttled(Math.ceil(retryAfter / 60))
				};
				return fail(429, { values: { username }, errors });
			}
			// An account being guessed at from elsewhere is slowed down, never locked (login-throttle.ts).
			if (attempt.delayMs > 0) await new Promise((r) => setTimeout(r, attempt.delayMs));
			const user = await authenticate(locals.db, username, password);
			if (!user) {
				const errors: Record<string, string> = { _form: m.login.failed };
				return fail(400, { values: { username }, errors });
			}
			if (!passwordLoginAllowsUser(policy, user)) return refused();
			await loginSucceeded(locals.db, username, ip, attempt);
			const token = generateSessionToken();
			const session = await createSession(locals.db, token, user.id);
			setSessionCookie(event, token, session.expiresAt);
			redirect(303, safeNext(url.searchParams.get('next')));
		});
	}
};
