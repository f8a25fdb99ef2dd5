import { REPORT_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { categoryChoices } from '$lib/server/suggestions/categories';
import { suggestionStats } from '$lib/server/suggestions/reports';
import { onTimeFigures } from '$lib/server/suggestions/deadline-figures';
import { satisfactionFigures } from '$lib/server/suggestions/satisfaction';
import type { PageServerLoad } from './$types';
import { chooseCampaign } from './campaign-choice';

export const load: PageServerLoad = async (event) => {
	requireRole(event, ...REPORT_READERS);
	const { list, campaign } = await chooseCampaign(event.locals.readDb, event.url);
	const [stats, satisfaction, categories, onTime] = await Promise.all([
		campaign ? suggestionStats(event.locals.readDb, campaign.id) : null,
		campaign ? satisfactionFigures(event.locals.readDb, campaign.id) : null,
		categoryChoices(event.locals.readDb),
		campaign ? onTimeFigures(event.locals.readDb, campaign.id) : null
	]);
	return { campaigns: list, campaign, stats, satisfaction, categories, onTime };
};
