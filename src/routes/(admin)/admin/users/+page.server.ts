import { redirect } from '@sveltejs/kit';
import { userCreate } from '$lib/schemas/admin';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/platform/form-actions';
import { listUnits } from '$lib/server/org/organisation';
import { createUser, listUsers } from '$lib/server/org/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const [users, units] = await Promise.all([
		listUsers(event.locals.db),
		listUnits(event.locals.db)
	]);
	return { users, units, created: event.url.searchParams.get('created') };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireRole(event, 'admin');
		return handleForm(event, userCreate, async (input) => {
			const user = await createUser(event.locals.db, actor.id, input);
			redirect(303, `/admin/users?created=${encodeURIComponent(user.username)}`);
		});
	}
};
