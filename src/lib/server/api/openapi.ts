// The OpenAPI 3.1 document of /api/v1, built by zod-openapi from the very schemas the routes parse
// their parameters with and the contract test checks their answers against (schemas.ts). Served at
// /api/v1/openapi.json and shown at /api/v1/docs.
import type { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject } from 'zod-openapi';
import { API_SCOPES, type ApiScope } from '../../domain';
import { SESSION_COOKIE } from '../auth/session';
import {
	campaignDetail,
	campaignList,
	campaignResults,
	errorBody,
	responseListQuery,
	responsePage,
	resultsQuery,
	returnStats,
	slugPath,
	suggestionDetail,
	suggestionList,
	suggestionListQuery,
	suggestionPath,
	suggestionStats
} from './schemas';

const jsonOf = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const refusal = (description: string) => ({ description, ...jsonOf(errorBody) });

/** The refusals every token-or-session operation can give; `extra` adds the operation's own. */
function refusals(extra: Record<string, string> = {}) {
	return {
		'401': refusal('No session and no token, or an invalid, expired or revoked token'),
		'403': refusal(
			'A token without the scope or for another campaign, or a session whose role may not read it'
		),
		...Object.fromEntries(Object.entries(extra).map(([status, text]) => [status, refusal(text)]))
	};
}

/** A GET that reads `scope` (null: the campaign itself, any token of it) of the campaign `slug`. */
function campaignGet(
	scope: ApiScope | null,
	roles: string,
	operation: Omit<ZodOpenApiOperationObject, 'responses'> & {
		ok: { description: string; schema: z.ZodType };
		refused?: Record<string, string>;
	}
): ZodOpenApiOperationObject {
	const { ok, refused, ...rest } = operation;
	const who = scope ? `Token scope \`${scope}\`` : 'Any live token for this campaign';
	return {
		...rest,
		description: `${rest.description ?? ''}\n\n${who}; or a session of: ${roles}.`.trim(),
		security: [{ bearer: [] }, { session: [] }],
		...(scope ? { 'x-scope': scope } : {}),
		responses: {
			'200': { description: ok.description, ...jsonOf(ok.schema) },
			...refusals({
				'404': 'No such campaign (or a draft, for a token not bound to it)',
				...refused
			})
		}
	};
}

const withSlug = { requestParams: { path: slugPath } };

export function openApiDocument() {
	return createDocument({
		openapi: '3.1.0',
		info: {
			title: 'Xinkan (心坎) API',
			version: '1.0.0',
			description:
				'Read-only JSON API of a Xinkan instance: campaigns, their return rates, responses, suggestions and results. ' +
				'Send an API token made at /admin/tokens as `Authorization: Bearer xk_…`; a token reads the parts its scopes name ' +
				`(${API_SCOPES.join(', ')}) of its one campaign, or of every campaign but drafts. ` +
				'A logged-in browser session works too, with the same role rules as the pages. ' +
				'Refusals are JSON `{ message }` with a 4xx status. Dates are China time (Asia/Shanghai).'
		},
		servers: [{ url: '/' }],
		components: {
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: 'An API token (xk_…)' },
				session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }
			}
		},
		paths: {
			'/api/v1/openapi.json': {
				get: {
					operationId: 'openApiDocument',
					summary: 'This document',
					security: [],
					responses: { '200': { description: 'The OpenAPI 3.1 document' } }
				}
			},
			'/api/v1/campaigns': {
				get: {
					operationId: 'listCampaigns',
					summary: 'Campaigns',
					description:
						'Newest first. A token sees the campaign it is bound to, or every campaign but drafts; a session (any staff role) sees all.',
					security: [{ bearer: [] }, { session: [] }],
					responses: {
						'200': { description: 'The campaigns', ...jsonOf(campaignList) },
						'401': refusals()['401']
					}
				}
			},
			'/api/v1/campaigns/{slug}': {
				get: campaignGet(null, 'any staff role', {
					operationId: 'getCampaign',
					summary: 'One campaign and its questionnaire versions',
					...withSlug,
					ok: { description: 'The campaign', schema: campaignDetail }
				})
			},
			'/api/v1/campaigns/{slug}/stats': {
				get: campaignGet('returns', 'organiser, reviewer, leader', {
					operationId: 'getReturnStats',
					summary: 'Return rates (回收率)',
					...withSlug,
					ok: {
						description: 'Forms issued and returned, by group, unit, area, channel and day',
						schema: returnStats
					}
				})
			},
			'/api/v1/campaigns/{slug}/responses': {
				get: campaignGet('responses', 'organiser, clerk, reviewer, leader', {
					operationId: 'listResponses',
					summary: 'Responses, oldest first, a page at a time',
					description:
						'Paged by an opaque cursor: each response appears once however many arrive while you page. ' +
						'Contact details (`contact`) only with the `contact` scope on a token made by an admin or organiser, or for an admin or organiser session.',
					requestParams: { path: slugPath, query: responseListQuery },
					ok: { description: 'One page of responses', schema: responsePage },
					refused: { '400': 'A bad cursor, date, channel, area or limit' }
				})
			},
			'/api/v1/campaigns/{slug}/suggestions': {
				get: campaignGet('suggestions', 'organiser, reviewer, leader', {
					operationId: 'listSuggestions',
					summary: 'Suggestions (live ones, oldest first), 50 a page',
					requestParams: { path: slugPath, query: suggestionListQuery },
					ok: { description: 'One page of suggestions', schema: suggestionList },
					refused: { '400': 'An unknown category or status, or a bad department or page' }
				})
			},
			'/api/v1/campaigns/{slug}/suggestions/stats': {
				get: campaignGet('suggestions', 'organiser, reviewer, leader', {
					operationId: 'getSuggestionStats',
					summary: 'Suggestion statistics',
					...withSlug,
					ok: {
						description: 'Counts by category, nature, status and department',
						schema: suggestionStats
					}
				})
			},
			'/api/v1/campaigns/{slug}/suggestions/{id}': {
				get: campaignGet('suggestions', 'organiser, reviewer, leader', {
					operationId: 'getSuggestion',
					summary: 'One suggestion with its reply, plan and history',
					description: 'No contact details and no source answers: what a leader reads.',
					requestParams: { path: suggestionPath },
					ok: { description: 'The suggestion', schema: suggestionDetail },
					refused: {
						'400': 'An id that is not a whole number',
						'404': 'No such campaign, or no such suggestion in it'
					}
				})
			},
			'/api/v1/campaigns/{slug}/results': {
				get: campaignGet('results', 'organiser, reviewer, leader; a handler for their own unit', {
					operationId: 'getResults',
					summary: 'What people answered, per question (统计结果)',
					description:
						'The filters and breakdown of the results page; `compare=<slug>` adds an earlier campaign the caller may also read.',
					requestParams: { path: slugPath, query: resultsQuery },
					ok: { description: 'Counts, shares, means and tests', schema: campaignResults },
					refused: { '400': 'A filter, breakdown or minimum that names nothing' }
				})
			}
		}
	});
}
