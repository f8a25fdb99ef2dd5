import { redirect } from '@sveltejs/kit';
import { campaignInput } from '$lib/schemas/campaign';
import { requireRole } from '$lib/server/auth/guard';
import { createCampaign, listCampaigns } from '$lib/server/campaigns';
import { handleForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'organiser', 'clerk', 'reviewer', 'leader');
	return {
		campaigns: await listCampaigns(event.locals.db),
		canCreate: user.role === 'admin' || user.role === 'organiser'
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireRole(event, 'organiser');
		return handleForm(event, campaignInput, async (input) => {
			const campaign = await createCampaign(event.locals.db, actor.id, input);
			redirect(303, `/admin/campaigns/${campaign.slug}/questionnaire?created=1`);
		});
	}
};
