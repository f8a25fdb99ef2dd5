import { redirect } from '@sveltejs/kit';
import { categoryInput } from '$lib/schemas/suggestion';
import { REVIEWERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { listUnits } from '$lib/server/org/organisation';
import { listCategories, saveCategory } from '$lib/server/suggestions/categories';
import { handleForm, routeId } from '$lib/server/platform/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, ...REVIEWERS);
	const [list, units] = await Promise.all([
		listCategories(event.locals.db),
		listUnits(event.locals.db)
	]);
	const editId = Number(event.url.searchParams.get('edit')) || null;
	return {
		list,
		editing: list.find((c) => c.id === editId) ?? null,
		// Routing proposes a department, not the company itself.
		departments: units.filter((u) => u.active && u.kind !== 'company')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireRole(event, ...REVIEWERS);
		const raw = event.url.searchParams.get('id');
		return handleForm(event, categoryInput, async (input) => {
			await saveCategory(event.locals.db, actor.id, raw ? routeId(raw) : null, input);
			redirect(303, '/admin/categories?saved=1');
		});
	}
};
