import { CAMPAIGN_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns/queries';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	requireRole(event, ...CAMPAIGN_READERS);
	const campaign = await getCampaign(event.locals.db, event.params.slug);
	const { draftQuestions: _draft, ...summary } = campaign;
	return { campaign: summary };
};
