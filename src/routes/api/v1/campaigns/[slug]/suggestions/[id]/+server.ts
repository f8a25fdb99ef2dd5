import { json } from '@sveltejs/kit';
import { REPORT_READERS } from '$lib/roles';
import { API_HEADERS, apiError, apiRoute } from '$lib/server/api/answer';
import { parseQuery, suggestionPath } from '$lib/server/api/schemas';
import { requireApiReader } from '$lib/server/auth/guard';
import { API_READER, suggestionForApi } from '$lib/server/suggestions/api-view';
import type { RequestHandler } from './$types';

/** One suggestion with its reply, plan and history, as a leader reads it: no contact details. */
export const GET: RequestHandler = apiRoute(async (event) => {
	const campaign = await requireApiReader(event, 'suggestions', ...REPORT_READERS);
	const path = parseQuery(suggestionPath, new URLSearchParams(event.params));
	if (!path.ok) return apiError(400, path.message, path.fields);
	return json(await suggestionForApi(event.locals.readDb, API_READER, campaign.id, path.value.id), {
		headers: API_HEADERS
	});
});
