import { redirect } from '@sveltejs/kit';
import { passwordReset, userUpdate } from '$lib/schemas/admin';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm, routeId } from '$lib/server/platform/form-actions';
import { listUnits } from '$lib/server/org/organisation';
import { getUser, setPassword, updateUser } from '$lib/server/org/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const id = routeId(event.params.id);
	const [user, units] = await Promise.all([
		getUser(event.locals.db, id),
		listUnits(event.locals.db)
	]);
	return { editUser: user, units, saved: event.url.searchParams.get('saved') };
};

export const actions: Actions = {
	update: async (event) => {
		const actor = requireRole(event, 'admin');
		const id = routeId(event.params.id);
		return handleForm(event, userUpdate, async (input) => {
			await updateUser(event.locals.db, actor.id, id, input);
			redirect(303, `/admin/users/${id}?saved=user`);
		});
	},
	password: async (event) => {
		const actor = requireRole(event, 'admin');
		const user = await getUser(event.locals.db, routeId(event.params.id));
		return handleForm(event, passwordReset, async ({ password }) => {
			await setPassword(event.locals.db, actor.id, user.username, password);
			redirect(303, `/admin/users/${user.id}?saved=password`);
		});
	}
};
