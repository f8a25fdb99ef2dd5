import { error, fail } from '@sveltejs/kit';
import { errorText, errorTexts, messages } from '$lib/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { ServiceError } from '$lib/server/errors';
import { readForm } from '$lib/server/forms';
import { enterPaperForm, loadEntry } from '$lib/server/paper-entry';
import { newSubmissionToken } from '$lib/server/public-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const clerk = requireRole(event, 'clerk', 'organiser');
	try {
		const entry = await loadEntry(event.locals.db, event.params.slug, clerk.id);
		return { ...entry, token: newSubmissionToken() };
	} catch (e) {
		if (e instanceof ServiceError) {
			error(e.status, errorText(messages(event.locals.locale), e.message));
		}
		throw e;
	}
};

export const actions: Actions = {
	default: async (event) => {
		const clerk = requireRole(event, 'clerk', 'organiser');
		const m = messages(event.locals.locale);
		const outcome = await enterPaperForm(
			event.locals.db,
			event.params.slug,
			clerk.id,
			await readForm(event)
		);
		if (outcome.kind === 'invalid') {
			return fail(400, {
				errors: errorTexts(m, outcome.errors),
				typed: outcome.typed,
				token: outcome.token
			});
		}
		return { saved: outcome.receiptCode, enteredToday: outcome.enteredToday };
	}
};
