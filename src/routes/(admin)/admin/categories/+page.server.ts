import { redirect } from '@sveltejs/kit';
import { categoryInput } from '$lib/schemas/suggestion';
import { REVIEWERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { listCategories, saveCategory } from '$lib/server/suggestions/categories';
import { handleForm, routeId } from '$lib/server/platform/form-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, ...REVIEWERS);
	const list = await listCategories(event.locals.db);
	const editId = Number(event.url.searchParams.get('edit')) || null;
	return { list, editing: list.find((c) => c.id === editId) ?? null };
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
