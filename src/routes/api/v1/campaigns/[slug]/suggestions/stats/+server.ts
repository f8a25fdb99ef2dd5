import { error, json } from '@sveltejs/kit';
import { requireApiReader } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns';
import { NotFound } from '$lib/server/errors';
import { suggestionStats } from '$lib/server/suggestions/reports';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	await requireApiReader(event, 'organiser', 'reviewer', 'leader');
	const campaign = await getCampaign(event.locals.db, event.params.slug).catch((e) => {
		if (e instanceof NotFound) error(404, 'no such campaign');
		throw e;
	});
	const {
		overdueByDepartment: _o,
		resolved: _r,
		closed: _c,
		...stats
	} = await suggestionStats(event.locals.db, campaign.id);
	return json(stats, { headers: { 'cache-control': 'no-store' } });
};
