import { runJobNow } from '$lib/schemas/admin';
import { requireRole } from '$lib/server/auth/guard';
import { jobOverview, retrainNow } from '$lib/server/jobs';
import { handleForm } from '$lib/server/platform/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { overview: await jobOverview(event.locals.db) };
};

export const actions: Actions = {
	retrain: async (event) => {
		const actor = requireRole(event, 'admin');
		return handleForm(event, runJobNow, async () => ({
			queued: await retrainNow(event.locals.db, actor.id)
		}));
	}
};
