import { json } from '@sveltejs/kit';
import { REPORT_READERS } from '$lib/roles';
import { API_HEADERS, apiRoute } from '$lib/server/api/answer';
import { requireApiReader } from '$lib/server/auth/guard';
import { campaignStats } from '$lib/server/returns/return-rate';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiRoute(async (event) => {
	const campaign = await requireApiReader(event, 'returns', ...REPORT_READERS);
	return json(await campaignStats(event.locals.readDb, campaign.id), {
		headers: API_HEADERS
	});
});
