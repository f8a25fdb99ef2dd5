import { redirect } from '@sveltejs/kit';
import { areaInput } from '$lib/schemas/admin';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm, routeId } from '$lib/server/platform/form-actions';
import { listAreas, saveArea } from '$lib/server/org/organisation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const areas = await listAreas(event.locals.db);
	const editId = Number(event.url.searchParams.get('edit')) || null;
	return { areas, editing: areas.find((a) => a.id === editId) ?? null };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireRole(event, 'organiser');
		const rawId = event.url.searchParams.get('id');
		const id = rawId ? routeId(rawId) : null;
		return handleForm(event, areaInput, async (input) => {
			await saveArea(event.locals.db, actor.id, id, input);
			redirect(303, '/admin/areas?saved=1');
		});
	}
};
