import { redirect } from '@sveltejs/kit';
import { unitInput } from '$lib/schemas/admin';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm, routeId } from '$lib/server/platform/form-actions';
import { listUnits, saveUnit, unitTree } from '$lib/server/org/organisation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const units = unitTree(await listUnits(event.locals.db));
	const editId = Number(event.url.searchParams.get('edit')) || null;
	return { units, editing: units.find((u) => u.id === editId) ?? null };
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireRole(event, 'organiser');
		const rawId = event.url.searchParams.get('id');
		const id = rawId ? routeId(rawId) : null;
		return handleForm(event, unitInput, async (input) => {
			await saveUnit(event.locals.db, actor.id, id, input);
			redirect(303, '/admin/units?saved=1');
		});
	}
};
