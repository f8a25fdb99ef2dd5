import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/platform/form-actions';
import { createEndpoint, listEndpoints } from '$lib/server/webhooks';
import { webhookInput } from '$lib/schemas/webhooks';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { endpoints: await listEndpoints(event.locals.db) };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireRole(event, 'admin');
		return handleForm(event, webhookInput, async (input) => ({
			created: await createEndpoint(event.locals.db, actor.id, input)
		}));
	}
};
