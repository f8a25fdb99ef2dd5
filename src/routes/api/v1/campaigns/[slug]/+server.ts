import { json } from '@sveltejs/kit';
import { STAFF } from '$lib/roles';
import { API_HEADERS, apiRoute } from '$lib/server/api/answer';
import { requireCampaignCaller } from '$lib/server/auth/guard';
import {
	listCampaigns,
	onlyCampaign,
	publishedQuestionnaires
} from '$lib/server/campaigns/queries';
import type { RequestHandler } from './$types';

/** One campaign and the questionnaire versions its responses' answers are keyed by. */
export const GET: RequestHandler = apiRoute(async (event) => {
	const { campaign } = await requireCampaignCaller(event, null, event.params.slug, ...STAFF);
	const db = event.locals.readDb;
	const [[summary], questionnaires] = await Promise.all([
		listCampaigns(db, onlyCampaign(campaign.id)),
		publishedQuestionnaires(db, campaign.id)
	]);
	return json(
		{
			slug: campaign.slug,
			title: campaign.title,
			status: campaign.status,
			startsOn: campaign.startsOn,
			endsOn: campaign.endsOn,
			anonymous: campaign.anonymous,
			responses: Number(summary?.responses ?? 0),
			introduction: campaign.introduction,
			questionnaires
		},
		{ headers: API_HEADERS }
	);
});
