import { SUGGESTION_WORKERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import {
	coHandledItems,
	listSupervised,
	pendingRequests,
	sentBackItems
} from '$lib/server/suggestions/handling-lists';
import { handlerInbox } from '$lib/server/suggestions/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...SUGGESTION_WORKERS);
	const db = event.locals.db;
	const [inbox, supervised, requests, sentBack, coHandled] = await Promise.all([
		handlerInbox(db, user),
		// 督办 heads the inbox: the department's open supervised items.
		listSupervised(db, user, { openOnly: true, limit: 50 }),
		pendingRequests(db, user),
		sentBackItems(db, user),
		coHandledItems(db, user)
	]);
	return {
		inbox,
		handling: { supervised, requests, sentBack, coHandled },
		hasUnit: user.unitId != null || user.role !== 'handler',
		isHandler: user.role === 'handler'
	};
};
