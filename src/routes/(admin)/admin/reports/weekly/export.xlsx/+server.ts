import { localDate } from '$lib/campaign-availability';
import { dateParam } from '$lib/input-checks';
import { REPORT_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { onTimeFigures } from '$lib/server/suggestions/deadline-figures';
import { satisfactionFigures } from '$lib/server/suggestions/satisfaction';
import { weekMoment, weeklyReport, weekStart } from '$lib/server/suggestions/weekly';
import { weeklyWorkbook } from '$lib/server/suggestions/weekly-workbook';
import { error } from '@sveltejs/kit';
import { chooseCampaign } from '../../campaign-choice';
import { xlsxDownload } from '$lib/server/platform/spreadsheet-cells';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireRole(event, ...REPORT_READERS);
	const { campaign } = await chooseCampaign(event.locals.readDb, event.url);
	if (!campaign) error(404, 'no campaign');
	const asked = event.url.searchParams.get('week');
	const date = dateParam(asked) ?? localDate(new Date());
	// The export lists every overdue and closed item; the page shows the first ones.
	const db = event.locals.readDb;
	const [r, satisfaction, onTime] = await Promise.all([
		weeklyReport(db, campaign.id, date, { listLimit: null }),
		// As the page: satisfaction as at the report's moment; the on-time rate as it stands.
		satisfactionFigures(db, campaign.id, weekMoment(weekStart(date)).at),
		onTimeFigures(db, campaign.id)
	]);
	const body = await weeklyWorkbook(r, campaign.title, event.locals.locale, {
		satisfaction,
		onTime
	});
	return xlsxDownload(body, `weekly-${r.monday}.xlsx`);
};
