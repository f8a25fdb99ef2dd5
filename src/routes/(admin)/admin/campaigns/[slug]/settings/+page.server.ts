import { redirect } from '@sveltejs/kit';
import { campaignInput } from '$lib/schemas/campaign';
import { requireRole } from '$lib/server/auth/guard';
import { updateCampaign } from '$lib/server/campaigns/campaigns';
import { handleForm } from '$lib/server/platform/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'organiser');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireRole(event, 'organiser');
		return handleForm(event, campaignInput, async (input) => {
			const campaign = await updateCampaign(event.locals.db, actor.id, event.params.slug, input);
			redirect(303, `/admin/campaigns/${campaign.slug}/settings?saved=1`);
		});
	}
};
