import { redirect } from '@sveltejs/kit';
import { statusInput } from '$lib/schemas/campaign';
import { CAMPAIGN_READERS, ORGANISERS, hasRole } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { listVersions } from '$lib/server/campaigns/queries';
import { setCampaignStatus } from '$lib/server/campaigns/campaigns';
import { handleForm } from '$lib/server/platform/form-actions';
import { listResponses } from '$lib/server/responses/records';
import { campaignStats } from '$lib/server/returns/return-rate';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...CAMPAIGN_READERS);
	const { campaign } = await event.parent();
	// The dashboard re-runs this load every few seconds (invalidate) to show returns as they come in.
	event.depends('xinkan:stats');
	const [versions, recent, stats] = await Promise.all([
		listVersions(event.locals.readDb, campaign.id),
		listResponses(event.locals.readDb, campaign.id, 5),
		campaignStats(event.locals.readDb, campaign.id)
	]);
	return {
		versions,
		recent,
		stats,
		canManage: hasRole(user.role, ORGANISERS),
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
