import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/auth/api-tokens';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm, routeId } from '$lib/server/platform/form-actions';
import type { Actions, PageServerLoad } from './$types';

const tokenInput = z.object({ name: z.string().trim().min(1, 'token_name').max(100, 'too_long') });
const revokeInput = z.object({ id: z.string() });

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { tokens: await listApiTokens(event.locals.db) };
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireRole(event, 'admin');
		return handleForm(event, tokenInput, async ({ name }) => ({
			token: await createApiToken(event.locals.db, actor.id, name)
		}));
	},
	revoke: async (event) => {
		const actor = requireRole(event, 'admin');
		return handleForm(event, revokeInput, async ({ id }) => {
			await revokeApiToken(event.locals.db, actor.id, routeId(id));
			return { revoked: true };
		});
	}
};
