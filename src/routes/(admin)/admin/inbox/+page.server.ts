import { SUGGESTION_WORKERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { handlerInbox } from '$lib/server/suggestions/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...SUGGESTION_WORKERS);
	return {
		inbox: await handlerInbox(event.locals.db, user),
		hasUnit: user.unitId != null || user.role !== 'handler'
	};
};
