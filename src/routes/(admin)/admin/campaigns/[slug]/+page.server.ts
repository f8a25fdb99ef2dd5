import { redirect } from '@sveltejs/kit';
import { statusInput } from '$lib/schemas/campaign';
import { requireRole } from '$lib/server/auth/guard';
import { listVersions, setCampaignStatus } from '$lib/server/campaigns';
import { handleForm } from '$lib/server/forms';
import { listResponses } from '$lib/server/responses';
import { campaignStats } from '$lib/server/return-rate';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'organiser', 'clerk', 'reviewer', 'leader');
	const { campaign } = await event.parent();
	// The dashboard re-runs this load every few seconds (invalidate) to show returns as they come in.
	event.depends('xinkan:stats');
	const [versions, recent, stats] = await Promise.all([
		listVersions(event.locals.db, campaign.id),
		listResponses(event.locals.db, campaign.id, 5),
		campaignStats(event.locals.db, campaign.id)
	]);
	return {
		versions,
		recent,
		stats,
		canManage: user.role === 'admin' || user.role === 'organiser',
		origin: event.url.origin
	};
};

export const actions: Actions = {
	status: async (event) => {
		const actor = requireRole(event, 'organiser');
		return handleForm(event, statusInput, async ({ status }) => {
			await setCampaignStatus(event.locals.db, actor.id, event.params.slug, status);
			redirect(303, `/admin/campaigns/${event.params.slug}?status=changed`);
		});
	}
};
