import { error } from '@sveltejs/kit';
import { SUGGESTION_STATUSES } from '$lib/domain';
import { getCampaign } from '$lib/server/campaigns/queries';
import { categoryChoices } from '$lib/server/suggestions/categories';
import { boardItems } from '$lib/server/suggestions/reports';
import { BOARD_MIN_ANSWERS, boardSatisfaction } from '$lib/server/suggestions/satisfaction';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const campaign = await getCampaign(locals.db, params.slug);
	if (campaign.status === 'draft') error(404, 'not found');
	const category = url.searchParams.get('category') ?? '';
	const status = url.searchParams.get('status') ?? '';
	const items = await boardItems(locals.db, campaign.id, {
		categoryKey: category || undefined,
		status: (SUGGESTION_STATUSES as readonly string[]).includes(status) ? status : undefined
	});
	const cats = (await categoryChoices(locals.db, { activeOnly: true })).map(
		({ key, nameZh, nameEn }) => ({ key, nameZh, nameEn })
	);
	// Per category, and only from BOARD_MIN_ANSWERS answers on: fewer would point at a person.
	const satisfaction = await boardSatisfaction(locals.db, campaign.id);
	return {
		title: campaign.title,
		slug: campaign.slug,
		items,
		categories: cats,
		category,
		status,
		satisfaction,
		satisfactionMin: BOARD_MIN_ANSWERS
	};
};
