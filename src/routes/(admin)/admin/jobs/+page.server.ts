import { runJobNow } from '$lib/schemas/admin';
import { requireRole } from '$lib/server/auth/guard';
import { jobOverview, retrainNow } from '$lib/server/jobs';
import { scheduleInWords } from '$lib/server/jobs/schedule-words';
import { handleForm } from '$lib/server/platform/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const overview = await jobOverview(event.locals.db);
	const queues = overview.queues.map((queue) => ({
		...queue,
		scheduleWords: queue.cron ? scheduleInWords(queue.cron, event.locals.locale) : null
	}));
	return { overview: { ...overview, queues } };
};

export const actions: Actions = {
	retrain: async (event) => {
		const actor = requireRole(event, 'admin');
		return handleForm(event, runJobNow, async () => ({
			queued: await retrainNow(event.locals.db, actor.id)
		}));
	}
};
