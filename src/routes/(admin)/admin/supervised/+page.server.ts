import { SUGGESTION_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { listSupervised, pendingRequests } from '$lib/server/suggestions/handling-lists';
import type { PageServerLoad } from './$types';

/** 督办: every supervised item the user may read (a handler: their department's), and the requests they decide. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...SUGGESTION_READERS);
	const [items, requests] = await Promise.all([
		listSupervised(event.locals.db, user),
		pendingRequests(event.locals.db, user)
	]);
	return { items, requests };
};
