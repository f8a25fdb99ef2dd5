import { CAMPAIGN_READERS, CLERKS, hasRole } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { listResponsePage } from '$lib/server/responses/records';
import { responsesFilterFromLink } from '$lib/server/results/matching-responses';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...CAMPAIGN_READERS);
	const { campaign } = await event.parent();
	const db = event.locals.db;
	const params = event.url.searchParams;
	const page = Math.min(100_000, Math.max(1, Number(params.get('page')) || 1));
	// The results page links here with `answered=<question>` and its filters.
	const { only, answeredTitle } = await responsesFilterFromLink(db, campaign.id, params);
	// The service leaves the contact columns out for whoever may not see them (canSeeContact).
	const result = await listResponsePage(db, user, campaign.id, page, 50, only);
	return {
		...result,
		canCorrect: hasRole(user.role, CLERKS),
		filtered: only !== undefined,
		answeredTitle
	};
};
