import { z } from 'zod';
import { assignInput, categoriseInput, mergeInput, selectedIds } from '$lib/schemas/suggestion';
import { REVIEWERS, SUGGESTION_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/platform/form-actions';
import { learnDecision } from '$lib/server/insight/categoriser-service';
import { sourcesOf } from '$lib/server/suggestions/queries';
import { assign, categorise, merge } from '$lib/server/suggestions/workflow';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { categoryKeyOf } from '$lib/server/suggestions/categories';
import { loadQueue } from '$lib/server/suggestions/queue';

/** `suggestionId:categoryId` of a suggested-category button. */
const acceptInput = z.object({ accept: z.string().regex(/^\d{1,9}:\d{1,9}$/, 'invalid') });

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...SUGGESTION_READERS);
	return loadQueue(event.locals.db, user, event.url);
};

const actor = (event: RequestEvent) => requireRole(event, ...REVIEWERS);

export const actions: Actions = {
	categorise: async (event) => {
		const user = actor(event);
		return handleForm(event, categoriseInput, async (input, form) => {
			const ids = selectedIds(form);
			await categorise(event.locals.db, user, ids, input);
			await teach(event, ids, input.categoryId);
			return { done: 'categorise', count: ids.length };
		});
	},
	/** One click (or the `a` key) on a suggested category: that category for that suggestion. */
	accept: async (event) => {
		const user = actor(event);
		return handleForm(event, acceptInput, async ({ accept }) => {
			const [id, categoryId] = accept.split(':').map(Number);
			await categorise(event.locals.db, user, [id], { categoryId, nature: null });
			await teach(event, [id], categoryId);
			return { done: 'categorise', count: 1 };
		});
	},
	assign: async (event) => {
		const user = actor(event);
		return handleForm(event, assignInput, async (input, form) => {
			const ids = selectedIds(form);
			await assign(event.locals.db, user, ids, input);
			return { done: 'assign', count: ids.length };
		});
	},
	merge: async (event) => {
		const user = actor(event);
		return handleForm(event, mergeInput, async (input, form) => {
			const ids = selectedIds(form);
			await merge(event.locals.db, user, ids, input.survivorId, input.title);
			return { done: 'merge', count: ids.length };
		});
	}
};

/** The reviewer's decision is what counts; it also teaches the categoriser at once. */
async function teach(event: RequestEvent, ids: number[], categoryId: number) {
	const key = await categoryKeyOf(event.locals.db, categoryId);
	const sources = await sourcesOf(event.locals.db, actor(event), ids);
	if (key) {
		await learnDecision(
			event.locals.db,
			sources.map((s) => s.text),
			key
		);
	}
}
