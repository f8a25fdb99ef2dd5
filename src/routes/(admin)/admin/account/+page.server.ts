import { error, fail, redirect } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { passwordChange } from '$lib/schemas/admin';
import { requireUser } from '$lib/server/auth/guard';
import { beginLoginAttempt, loginSucceeded } from '$lib/server/auth/login-throttle';
import { handleForm } from '$lib/server/platform/form-actions';
import { changeOwnPassword } from '$lib/server/org/users';
import { channelChoice } from '$lib/schemas/notifications';
import { channelsOf, saveChannels } from '$lib/server/notifications/inbox';
import type { Actions, PageServerLoad } from './$types';

// Every staff member's own account: who they are, changing their password, and how they are
// notified (the in-app inbox always; e-mail and SMS by choice).
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return {
		changed: event.url.searchParams.get('changed') === '1',
		channelsSaved: event.url.searchParams.get('notifications') === '1',
		channels: await channelsOf(event.locals.db, user.id)
	};
};

export const actions: Actions = {
	channels: async (event) => {
		const user = requireUser(event);
		return handleForm(event, channelChoice, async (input) => {
			await saveChannels(event.locals.db, user.id, input);
			redirect(303, '/admin/account?notifications=1');
		});
	},
	password: async (event) => {
		const user = requireUser(event);
		const session = event.locals.session;
		if (!session) error(401, 'no session');
		const { db } = event.locals;
		const ip = event.getClientAddress();
		return handleForm(event, passwordChange, async (input) => {
			// The current password is a login secret: guessing it from a borrowed session counts
			// against the same throttle as guessing it on the login page.
			const attempt = await beginLoginAttempt(db, user.username, ip);
			if (attempt.retryAfter > 0) {
				event.setHeaders({ 'retry-after': String(attempt.retryAfter) });
				const m = messages(event.locals.locale);
				const errors: Record<string, string> = {
					_form: m.login.throttled(Math.ceil(attempt.retryAfter / 60))
				};
				return fail(429, { values: {}, errors });
			}
			if (attempt.delayMs > 0) await new Promise((r) => setTimeout(r, attempt.delayMs));
			await changeOwnPassword(db, user.id, session.id, input);
			await loginSucceeded(db, user.username, ip, attempt);
			redirect(303, '/admin/account?changed=1');
		});
	}
};
