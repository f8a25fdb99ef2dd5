import { requireRole } from '$lib/server/auth/guard';
import { deliveryLog } from '$lib/server/notifications/log';
import { isId } from '$lib/input-checks';
import type { PageServerLoad } from './$types';

// What left the system by e-mail and SMS, and what waits: the admin's.
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const before = Number(event.url.searchParams.get('before'));
	return { log: await deliveryLog(event.locals.db, { before: isId(before) ? before : undefined }) };
};
