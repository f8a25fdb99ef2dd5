import { localDate } from '$lib/campaign-availability';
import { dateParam } from '$lib/input-checks';
import { REPORT_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { supervisedOfCampaign } from '$lib/server/suggestions/handling-lists';
import { satisfactionFigures } from '$lib/server/suggestions/satisfaction';
import { weekMoment, weeklyReport, weekStart } from '$lib/server/suggestions/weekly';
import type { PageServerLoad } from './$types';
import { chooseCampaign } from '../campaign-choice';

export const load: PageServerLoad = async (event) => {
	requireRole(event, ...REPORT_READERS);
	const { list, campaign } = await chooseCampaign(event.locals.readDb, event.url);
	const asked = event.url.searchParams.get('week');
	const date = dateParam(asked) ?? localDate(new Date());
	const [report, satisfaction, supervised] = campaign
		? await Promise.all([
				weeklyReport(event.locals.readDb, campaign.id, date),
				// As at the report's moment: the end of a past week, now for this one.
				satisfactionFigures(event.locals.readDb, campaign.id, weekMoment(weekStart(date)).at),
				// 督办: the supervised items still open, for the meeting to push.
				supervisedOfCampaign(event.locals.readDb, campaign.id)
			])
		: [null, null, null];
	return { campaigns: list, campaign, date, report, satisfaction, supervised };
};
