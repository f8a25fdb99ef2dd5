import { z } from 'zod';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm, routeId } from '$lib/server/platform/form-actions';
import {
	deleteEndpoint,
	deliveryLog,
	getEndpoint,
	sendTestEvent,
	setEndpointEnabled,
	updateEndpoint,
	waitingCount
} from '$lib/server/webhooks';
import { deleteInput, webhookInput } from '$lib/schemas/webhooks';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

const noFields = z.object({});

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const id = routeId(event.params.id);
	const { db } = event.locals;
	const [endpoint, log, waiting] = await Promise.all([
		getEndpoint(db, id),
		deliveryLog(db, id),
		waitingCount(db, id)
	]);
	return { endpoint, log, waiting };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireRole(event, 'admin');
		const id = routeId(event.params.id);
		return handleForm(event, webhookInput, async (input) => {
			await updateEndpoint(event.locals.db, actor.id, id, input);
			return { saved: true };
		});
	},
	enable: async (event) => {
		const actor = requireRole(event, 'admin');
		const id = routeId(event.params.id);
		return handleForm(event, noFields, async () => {
			await setEndpointEnabled(event.locals.db, actor.id, id, true);
			return { toggled: true };
		});
	},
	disable: async (event) => {
		const actor = requireRole(event, 'admin');
		const id = routeId(event.params.id);
		return handleForm(event, noFields, async () => {
			await setEndpointEnabled(event.locals.db, actor.id, id, false);
			return { toggled: true };
		});
	},
	test: async (event) => {
		const actor = requireRole(event, 'admin');
		const id = routeId(event.params.id);
		return handleForm(event, noFields, async () => {
			await sendTestEvent(event.locals.db, actor.id, id);
			return { testSent: true };
		});
	},
	delete: async (event) => {
		const actor = requireRole(event, 'admin');
		const id = routeId(event.params.id);
		const refused = await handleForm(event, deleteInput, () =>
			deleteEndpoint(event.locals.db, actor.id, id)
		);
		if (refused) return refused;
		redirect(303, '/admin/webhooks');
	}
};
