import { CAMPAIGN_READERS, CLERKS, CONTACT_READERS, hasRole } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { listResponsePage } from '$lib/server/responses/records';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...CAMPAIGN_READERS);
	const { campaign } = await event.parent();
	const page = Math.min(100_000, Math.max(1, Number(event.url.searchParams.get('page')) || 1));
	const result = await listResponsePage(event.locals.db, campaign.id, page);
	// Contact details are for those who need them to get back to people.
	const showContact = hasRole(user.role, CONTACT_READERS);
	const rows = result.rows.map((r) => ({
		...r,
		contactName: showContact ? r.contactName : null,
		contactPhone: showContact ? r.contactPhone : null
	}));
	return { ...result, rows, canCorrect: hasRole(user.role, CLERKS) };
};
