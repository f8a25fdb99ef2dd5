import { REPORT_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { suggestionStats } from '$lib/server/suggestions/reports';
import type { PageServerLoad } from './$types';
import { chooseCampaign } from './campaign-choice';

export const load: PageServerLoad = async (event) => {
	requireRole(event, ...REPORT_READERS);
	const { list, campaign } = await chooseCampaign(event.locals.db, event.url);
	return {
		campaigns: list,
		campaign,
		stats: campaign ? await suggestionStats(event.locals.db, campaign.id) : null
	};
};
