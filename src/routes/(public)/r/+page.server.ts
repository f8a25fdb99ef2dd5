import { fail, redirect } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { readForm } from '$lib/server/platform/form-actions';
import { normaliseReceiptCode } from '$lib/server/intake/receipt-code';
import { findReceipt } from '$lib/server/intake/receipt-lookup';
import { lookupThrottle } from '$lib/server/intake/submission-limit';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const m = messages(event.locals.locale);
		const typed = String((await readForm(event)).get('code') ?? '').slice(0, 40);
		// Misses are counted per client, as at /r/<code>: a guesser is stopped, nobody else is.
		const throttle = await lookupThrottle(event.locals.db, event.getClientAddress());
		const state = await throttle.check();
		if (!state.allowed) {
			event.setHeaders({ 'retry-after': String(state.retryAfter) });
			return fail(429, {
				code: typed,
				error: m.receipt.tooManyLookups(Math.ceil(state.retryAfter / 60))
			});
		}
		const code = normaliseReceiptCode(typed);
		if (!code) {
			await throttle.missed();
			return fail(400, { code: typed, error: m.receipt.invalid });
		}
		if (!(await findReceipt(event.locals.db, code))) {
			await throttle.missed();
			return fail(404, { code: typed, error: m.receipt.notFound });
		}
		redirect(303, `/r/${code}`);
	}
};
