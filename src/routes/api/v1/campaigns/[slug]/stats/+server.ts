import { json } from '@sveltejs/kit';
import { REPORT_READERS } from '$lib/roles';
import { requireApiReader } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns/queries';
import { campaignStats } from '$lib/server/returns/return-rate';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	await requireApiReader(event, ...REPORT_READERS);
	const campaign = await getCampaign(event.locals.db, event.params.slug);
	return json(await campaignStats(event.locals.db, campaign.id), {
		headers: { 'cache-control': 'no-store' }
	});
};
