import { error } from '@sveltejs/kit';
import { SUGGESTION_STATUSES } from '$lib/domain';
import { getCampaign } from '$lib/server/campaigns';
import { categories } from '$lib/server/db/schema';
import { NotFound } from '$lib/server/errors';
import { boardItems } from '$lib/server/suggestions/reports';
import { asc, eq } from 'drizzle-orm';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const campaign = await getCampaign(locals.db, params.slug).catch((e) => {
		if (e instanceof NotFound) error(404, 'not found');
		throw e;
	});
	if (campaign.status === 'draft') error(404, 'not found');
	const category = url.searchParams.get('category') ?? '';
	const status = url.searchParams.get('status') ?? '';
	const items = await boardItems(locals.db, campaign.id, {
		categoryKey: category || undefined,
		status: (SUGGESTION_STATUSES as readonly string[]).includes(status) ? status : undefined
	});
	const cats = await locals.db
		.select({ key: categories.key, nameZh: categories.nameZh, nameEn: categories.nameEn })
		.from(categories)
		.where(eq(categories.active, true))
		.orderBy(asc(categories.sortOrder));
	return { title: campaign.title, slug: campaign.slug, items, categories: cats, category, status };
};
