import { json } from '@sveltejs/kit';
import { CAMPAIGN_READERS, canSeeContact } from '$lib/roles';
import { API_HEADERS, apiError, apiRoute } from '$lib/server/api/answer';
import { decodeCursor, encodeCursor } from '$lib/server/api/cursor';
import { parseQuery, responseListQuery } from '$lib/server/api/schemas';
import { tokenMayReadContact } from '$lib/server/auth/api-tokens';
import { requireCampaignCaller } from '$lib/server/auth/guard';
import { responsePage } from '$lib/server/responses/api-page';
import type { RequestHandler } from './$types';

/**
 * A campaign's responses, oldest first, a page at a time by an opaque cursor, filtered by days,
 * channel and area. Contact details only for a caller the personal-data rule lets read them.
 */
export const GET: RequestHandler = apiRoute(async (event) => {
	const { campaign, caller } = await requireCampaignCaller(
		event,
		'responses',
		event.params.slug,
		...CAMPAIGN_READERS
	);
	const query = parseQuery(responseListQuery, event.url.searchParams);
	if (!query.ok) return apiError(400, query.message, query.fields);
	const { cursor, from, to, channel, area, limit = 50 } = query.value;
	const after = cursor === undefined ? undefined : decodeCursor(cursor);
	if (after === null) {
		return apiError(400, 'cursor: not one this API gave out', { cursor: 'unknown cursor' });
	}
	const withContact = caller.token ? tokenMayReadContact(caller.token) : canSeeContact(caller.user);
	const page = await responsePage(
		event.locals.readDb,
		campaign.id,
		{ after, from, to, channel, areaId: area, limit },
		withContact
	);
	return json(
		{ items: page.items, next: page.next === null ? null : encodeCursor(page.next) },
		{ headers: API_HEADERS }
	);
});
