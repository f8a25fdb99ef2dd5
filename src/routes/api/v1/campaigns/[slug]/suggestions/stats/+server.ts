import { json } from '@sveltejs/kit';
import { REPORT_READERS } from '$lib/roles';
import { API_HEADERS, apiRoute } from '$lib/server/api/answer';
import { requireApiReader } from '$lib/server/auth/guard';
import { onTimeFigures } from '$lib/server/suggestions/deadline-figures';
import { suggestionStats } from '$lib/server/suggestions/reports';
import { satisfactionFigures } from '$lib/server/suggestions/satisfaction';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiRoute(async (event) => {
	const campaign = await requireApiReader(event, 'suggestions', ...REPORT_READERS);
	const [
		{ overdueByDepartment: _o, resolved: _r, closed: _c, ...stats },
		{ total, byDepartment, byCategory },
		onTime
	] = await Promise.all([
		suggestionStats(event.locals.readDb, campaign.id),
		satisfactionFigures(event.locals.readDb, campaign.id),
		onTimeFigures(event.locals.readDb, campaign.id)
	]);
	// 回访: counts per level and the rate, in all and by department and category (no names of people).
	const satisfaction = {
		...total,
		byDepartment: byDepartment.map(({ labelEn: _e, ...r }) => r),
		byCategory
	};
	// 按期办结: on-time rate and approved extensions, in all and by department.
	return json(
		{ ...stats, satisfaction, onTime: { ...onTime.total, byDepartment: onTime.byDepartment } },
		{ headers: API_HEADERS }
	);
});
