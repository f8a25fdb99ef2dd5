import { json } from '@sveltejs/kit';
import { STAFF } from '$lib/roles';
import { API_HEADERS, apiRoute } from '$lib/server/api/answer';
import { requireApiCaller } from '$lib/server/auth/guard';
import { campaignsOfToken, listCampaigns } from '$lib/server/campaigns/queries';
import type { RequestHandler } from './$types';

/** The campaigns a caller may know of: a token's own one or every one but drafts; staff all. */
export const GET: RequestHandler = apiRoute(async (event) => {
	const caller = await requireApiCaller(event, ...STAFF);
	const rows = await listCampaigns(
		event.locals.readDb,
		caller.token ? campaignsOfToken(caller.token.campaignId) : undefined
	);
	return json(
		{
			items: rows.map((c) => ({
				slug: c.slug,
				title: c.title,
				status: c.status,
				startsOn: c.startsOn,
				endsOn: c.endsOn,
				anonymous: c.anonymous,
				responses: Number(c.responses)
			}))
		},
		{ headers: API_HEADERS }
	);
});
