import { json } from '@sveltejs/kit';
import { REPORT_READERS } from '$lib/roles';
import { API_HEADERS, apiRoute } from '$lib/server/api/answer';
import { requireApiReader } from '$lib/server/auth/guard';
import { suggestionStats } from '$lib/server/suggestions/reports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiRoute(async (event) => {
	const campaign = await requireApiReader(event, 'suggestions', ...REPORT_READERS);
	const {
		overdueByDepartment: _o,
		resolved: _r,
		closed: _c,
		...stats
	} = await suggestionStats(event.locals.readDb, campaign.id);
	return json(stats, { headers: API_HEADERS });
});
