import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns';
import { NotFound } from '$lib/server/errors';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	requireRole(event, 'organiser', 'clerk', 'reviewer', 'leader');
	const campaign = await getCampaign(event.locals.db, event.params.slug).catch((e) => {
		if (e instanceof NotFound) error(404, 'not found');
		throw e;
	});
	const { draftQuestions: _draft, ...summary } = campaign;
	return { campaign: summary };
};
