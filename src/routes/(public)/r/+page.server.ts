import { fail, redirect } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { readForm } from '$lib/server/platform/form-actions';
import { normaliseReceiptCode } from '$lib/server/intake/receipt-code';
import { findReceipt } from '$lib/server/intake/receipt-lookup';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const m = messages(event.locals.locale);
		const typed = String((await readForm(event)).get('code') ?? '').slice(0, 40);
		const code = normaliseReceiptCode(typed);
		if (!code) return fail(400, { code: typed, error: m.receipt.invalid });
		if (!(await findReceipt(event.locals.db, code))) {
			return fail(404, { code: typed, error: m.receipt.notFound });
		}
		redirect(303, `/r/${code}`);
	}
};
