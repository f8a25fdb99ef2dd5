import { markReadInput } from '$lib/schemas/notifications';
import { requireUser } from '$lib/server/auth/guard';
import { listInbox, markRead } from '$lib/server/notifications/inbox';
import { handleForm } from '$lib/server/platform/form-actions';
import { isId } from '$lib/input-checks';
import type { Actions, PageServerLoad } from './$types';

// Every staff member's own notifications (the in-app channel, always on).
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const before = Number(event.url.searchParams.get('before'));
	return {
		inbox: await listInbox(event.locals.db, user.id, event.locals.locale, {
			before: isId(before) ? before : undefined
		}),
		isAdmin: user.role === 'admin'
	};
};

export const actions: Actions = {
	read: async (event) => {
		const user = requireUser(event);
		return handleForm(event, markReadInput, async ({ id }) => {
			await markRead(event.locals.db, user.id, id === 'all' ? 'all' : [id]);
			return { done: true };
		});
	}
};
