import { requireUser } from '$lib/server/auth/guard';
import { unreadCount } from '$lib/server/notifications/inbox';
import type { LayoutServerLoad } from './$types';

// Loads the user for the menu (and their unread notifications) only; every page and action
// below checks its own role again.
export const load: LayoutServerLoad = async (event) => {
	const user = requireUser(event);
	return { unread: await unreadCount(event.locals.db, user.id) };
};
