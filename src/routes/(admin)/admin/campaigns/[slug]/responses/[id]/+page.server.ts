import { fail, redirect } from '@sveltejs/kit';
import { errorTexts, messages } from '$lib/i18n';
import { canSeeContact, CLERKS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns/queries';
import { readForm, routeId } from '$lib/server/platform/form-actions';
import { correctResponse, listRevisions } from '$lib/server/responses/corrections';
import { getResponseRecord } from '$lib/server/responses/records';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...CLERKS);
	const { campaign } = await event.parent();
	const id = routeId(event.params.id);
	// A clerk corrects answers only: no contact columns are loaded, shown or changed for them.
	const record = await getResponseRecord(event.locals.db, campaign.id, id, user);
	return {
		record,
		revisions: await listRevisions(event.locals.db, id, user),
		showContact: canSeeContact(user)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireRole(event, ...CLERKS);
		const campaign = await getCampaign(event.locals.db, event.params.slug);
		const id = routeId(event.params.id);
		const outcome = await correctResponse(
			event.locals.db,
			actor,
			campaign.id,
			id,
			campaign.anonymous,
			await readForm(event)
		);
		if (Object.keys(outcome.errors).length) {
			return fail(400, {
				errors: errorTexts(messages(event.locals.locale), outcome.errors),
				typed: outcome.typed
			});
		}
		redirect(303, `/admin/campaigns/${campaign.slug}/responses/${id}?corrected=1`);
	}
};
