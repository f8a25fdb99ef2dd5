import { redirect } from '@sveltejs/kit';
import { groupInput } from '$lib/schemas/admin';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm, routeId } from '$lib/server/platform/form-actions';
import { listGroups, saveGroup } from '$lib/server/org/organisation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const groups = await listGroups(event.locals.db);
	const editId = Number(event.url.searchParams.get('edit')) || null;
	return { groups, editing: groups.find((g) => g.id === editId) ?? null };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireRole(event, 'organiser');
		const rawId = event.url.searchParams.get('id');
		const id = rawId ? routeId(rawId) : null;
		return handleForm(event, groupInput, async (input) => {
			await saveGroup(event.locals.db, actor.id, id, input);
			redirect(303, '/admin/groups?saved=1');
		});
	}
};
