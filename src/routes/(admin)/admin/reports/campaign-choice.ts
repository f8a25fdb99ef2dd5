import { campaignsForReview } from '$lib/server/campaigns/queries';
import type { Database } from '$lib/server/db';

/** The campaign a report is about: the one asked for, else where the latest suggestions are. */
export async function chooseCampaign(db: Database, url: URL) {
	const { list, preferred } = await campaignsForReview(db);
	const asked = Number(url.searchParams.get('campaign'));
	return { list, campaign: list.find((c) => c.id === asked) ?? preferred };
}
