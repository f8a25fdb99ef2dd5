import { error, json } from '@sveltejs/kit';
import { RESULTS_READERS } from '$lib/roles';
import { API_HEADERS, apiRoute } from '$lib/server/api/answer';
import { requireApiReader, requireApiReaderOf } from '$lib/server/auth/guard';
import { scopeResultsQuery } from '$lib/server/results/access';
import { compareWith, earlierResults } from '$lib/server/results/compare';
import { campaignResults, parseResultsQuery } from '$lib/server/results/results';
import type { RequestHandler } from './$types';

/**
 * What people answered, per question (issue 16): the filters and breakdown of the results page
 * in the query string (`?area=3&by=group`); a value that names nothing is a 400 that says which.
 * `compare=<slug>` adds an earlier campaign's figures (`compare`) when the caller may read its
 * results too (else 403/404 as for the campaign itself); without it there is no `compare`.
 * A handler's session reads their own unit only; a token reads what its scopes allow.
 */
export const GET: RequestHandler = apiRoute(async (event) => {
	const campaign = await requireApiReader(event, 'results', ...RESULTS_READERS);
	const db = event.locals.readDb;
	const params = event.url.searchParams;
	const other = params.get('compare');
	if (other) {
		await requireApiReaderOf(event, 'results', other, ...RESULTS_READERS);
	}
	// The same test requireApiReader makes: with a token it never looked at the session.
	const byToken = /^Bearer\s+\S+$/i.test(event.request.headers.get('authorization') ?? '');
	const user = event.locals.user;
	if (!byToken && !user) error(401, 'log in or send an API token');
	const asked = await parseResultsQuery(db, campaign.id, params);
	const query = await scopeResultsQuery(db, campaign.id, byToken ? null : user, asked);
	const [results, earlier] = await Promise.all([
		campaignResults(db, campaign.id, query),
		earlierResults(db, campaign, query, params, false)
	]);
	return json(
		earlier ? { ...results, compare: compareWith(campaign, results, earlier) } : results,
		{ headers: API_HEADERS }
	);
});
