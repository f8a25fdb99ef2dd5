import { fail } from '@sveltejs/kit';
import { errorTexts, messages } from '$lib/i18n';
import { CLERKS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { readForm } from '$lib/server/platform/form-actions';
import { enterPaperForm, loadEntry } from '$lib/server/returns/paper-entry';
import { newSubmissionToken } from '$lib/server/intake/public-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const clerk = requireRole(event, ...CLERKS);
	const entry = await loadEntry(event.locals.db, event.params.slug, clerk.id);
	return { ...entry, token: newSubmissionToken() };
};

export const actions: Actions = {
	default: async (event) => {
		const clerk = requireRole(event, ...CLERKS);
		const m = messages(event.locals.locale);
		const entry = await readForm(event);
		// The version the page showed: a form typed against replaced questions is refused, not reread.
		const shown = Number(entry.get('version_id'));
		const outcome = await enterPaperForm(event.locals.db, event.params.slug, clerk.id, entry, {
			versionId: Number.isInteger(shown) && shown > 0 ? shown : undefined
		});
		if (outcome.kind === 'invalid') {
			return fail(400, {
				errors: errorTexts(m, outcome.errors),
				typed: outcome.typed,
				token: outcome.token,
				enteredResponseId: outcome.enteredResponseId ?? null
			});
		}
		return { saved: outcome.receiptCode, enteredToday: outcome.enteredToday };
	}
};
