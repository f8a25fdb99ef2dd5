import { json } from '@sveltejs/kit';
import { REPORT_READERS } from '$lib/roles';
import { requireApiReader } from '$lib/server/auth/guard';
import { campaignResults, parseResultsQuery } from '$lib/server/results/results';
import type { RequestHandler } from './$types';

/**
 * What people answered, per question (issue 16): the filters and breakdown of the results page
 * in the query string (`?area=3&by=group`); a value that names nothing is a 400 that says which.
 */
export const GET: RequestHandler = async (event) => {
	const campaign = await requireApiReader(event, 'results', ...REPORT_READERS);
	const db = event.locals.db;
	const query = await parseResultsQuery(db, campaign.id, event.url.searchParams);
	return json(await campaignResults(db, campaign.id, query), {
		headers: { 'cache-control': 'no-store' }
	});
};
