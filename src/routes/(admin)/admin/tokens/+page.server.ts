import { z } from 'zod';
import { localDate } from '$lib/campaign-availability';
import { API_SCOPES, type ApiScope } from '$lib/domain';
import { optionalDate, optionalId } from '$lib/schemas/fields';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/auth/api-tokens';
import { requireRole } from '$lib/server/auth/guard';
import { listCampaigns } from '$lib/server/campaigns/queries';
import { handleForm, routeId } from '$lib/server/platform/form-actions';
import type { Actions, PageServerLoad } from './$types';

/** One checkbox per scope (`scope_returns`, …): what is ticked becomes the token's scopes. */
const tokenInput = z
	.object({
		name: z.string().trim().min(1, 'token_name').max(100, 'too_long'),
		campaignId: optionalId.default(null),
		expiresOn: optionalDate
			.default(null)
			.refine((d) => d === null || d >= localDate(new Date()), 'token_expiry_past'),
		scope_returns: z.string().optional(),
		scope_suggestions: z.string().optional(),
		scope_results: z.string().optional(),
		scope_responses: z.string().optional(),
		scope_contact: z.string().optional()
	} satisfies Record<`scope_${ApiScope}`, z.ZodType> & Record<string, z.ZodType>)
	.transform(({ name, campaignId, expiresOn, ...ticked }) => ({
		name,
		campaignId,
		expiresOn,
		scopes: API_SCOPES.filter((s) => ticked[`scope_${s}`] !== undefined)
	}))
	.refine((grant) => grant.scopes.length > 0, { message: 'token_scopes', path: ['scopes'] })
	.refine((grant) => !grant.scopes.includes('contact') || grant.scopes.includes('responses'), {
		message: 'token_contact_needs_responses',
		path: ['scopes']
	});
const revokeInput = z.object({ id: z.string() });

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const [tokens, campaigns] = await Promise.all([
		listApiTokens(event.locals.db),
		listCampaigns(event.locals.db)
	]);
	return {
		tokens,
		campaigns: campaigns.map((c) => ({ id: c.id, title: c.title, status: c.status })),
		today: localDate(new Date())
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireRole(event, 'admin');
		return handleForm(event, tokenInput, async (grant) => ({
			token: await createApiToken(event.locals.db, actor.id, grant)
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
