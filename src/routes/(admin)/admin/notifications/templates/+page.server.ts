import { templateInput } from '$lib/schemas/notifications';
import { requireRole } from '$lib/server/auth/guard';
import { Invalid } from '$lib/server/platform/errors';
import { handleForm } from '$lib/server/platform/form-actions';
import {
	isNotificationEvent,
	listTemplates,
	saveTemplate
} from '$lib/server/notifications/templates';
import type { Actions, PageServerLoad } from './$types';

// The wording of each notification in both languages: the admin's overrides of the defaults.
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { templates: await listTemplates(event.locals.db) };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireRole(event, 'admin');
		return handleForm(event, templateInput, async (input) => {
			if (!isNotificationEvent(input.event)) throw new Invalid('invalid', { event: 'invalid' });
			await saveTemplate(event.locals.db, actor.id, input.event, input.locale, input);
			return { saved: `${input.event}/${input.locale}` };
		});
	}
};
