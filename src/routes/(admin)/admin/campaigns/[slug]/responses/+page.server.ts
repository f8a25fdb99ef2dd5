import { CAMPAIGN_READERS, CLERKS, hasRole } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { listResponsePage } from '$lib/server/responses/records';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...CAMPAIGN_READERS);
	const { campaign } = await event.parent();
	const page = Math.min(100_000, Math.max(1, Number(event.url.searchParams.get('page')) || 1));
	// The service leaves the contact columns out for whoever may not see them (canSeeContact).
	const result = await listResponsePage(event.locals.db, user, campaign.id, page);
	return { ...result, canCorrect: hasRole(user.role, CLERKS) };
};
