import { redirect } from '@sveltejs/kit';
import { campaignInput } from '$lib/schemas/campaign';
import { CAMPAIGN_READERS, ORGANISERS, hasRole } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { createCampaign } from '$lib/server/campaigns/campaigns';
import { copyCampaign } from '$lib/server/campaigns/copy';
import { listCampaigns } from '$lib/server/campaigns/queries';
import { handleForm } from '$lib/server/platform/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...CAMPAIGN_READERS);
	return {
		campaigns: await listCampaigns(event.locals.db),
		canCreate: hasRole(user.role, ORGANISERS)
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireRole(event, 'organiser');
		return handleForm(event, campaignInput, async (input, form) => {
			// "Copy from an earlier campaign": its questionnaire and plan rows come along.
			const source = String(form.get('copyFrom') ?? '').trim();
			const campaign = source
				? await copyCampaign(event.locals.db, actor.id, source, input)
				: await createCampaign(event.locals.db, actor.id, input);
			redirect(303, `/admin/campaigns/${campaign.slug}/questionnaire?created=1`);
		});
	}
};
