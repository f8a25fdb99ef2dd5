import { mergeInput, selectedIds } from '$lib/schemas/suggestion';
import { idParam } from '$lib/input-checks';
import { REVIEWERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/platform/form-actions';
import { possibleDuplicates } from '$lib/server/insight/duplicate-hints';
import { listQueue } from '$lib/server/suggestions/queries';
import { merge } from '$lib/server/suggestions/workflow';
import { campaignsForReview } from '$lib/server/campaigns/queries';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...REVIEWERS);
	const db = event.locals.db;
	const { list, preferred } = await campaignsForReview(db);
	const campaignId = idParam(event.url.searchParams.get('campaign')) ?? preferred?.id;
	if (!campaignId) return { clusters: [], campaignId: 0, campaigns: list };
	const clusters = await possibleDuplicates(db, campaignId);
	const ids = clusters.flatMap((c) => c.ids);
	const rows = ids.length
		? (await listQueue(db, user, { campaignId, pageSize: 200, sort: 'old' })).rows
		: [];
	const byId = new Map(rows.map((r) => [r.id, r]));
	return {
		campaignId,
		campaigns: list,
		clusters: clusters
			.map((c) => ({
				cohesion: c.cohesion,
				members: c.ids.map((id) => byId.get(id)).filter((r) => r !== undefined)
			}))
			.filter((c) => c.members.length > 1)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, ...REVIEWERS);
		return handleForm(event, mergeInput, async (input, form) => {
			const ids = selectedIds(form);
			await merge(event.locals.db, user, ids, input.survivorId, input.title);
			return { merged: ids.length };
		});
	}
};
