import { requireUser } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

// Loads the user for the menu only; every page and action below checks its own role again.
export const load: LayoutServerLoad = (event) => {
	requireUser(event);
	return {};
};
