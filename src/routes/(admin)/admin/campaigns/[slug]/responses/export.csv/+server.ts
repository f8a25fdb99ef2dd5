import { messages } from '$lib/i18n';
import { REPORT_READERS, canSeeContact } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns/queries';
import { exportTable, toCsv } from '$lib/server/responses/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, ...REPORT_READERS);
	const campaign = await getCampaign(event.locals.db, event.params.slug);
	const withContact = canSeeContact(user);
	const table = await exportTable(
		event.locals.db,
		campaign.id,
		messages(event.locals.locale),
		withContact
	);
	return new Response(toCsv(table), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${campaign.slug}-responses.csv"`,
			'cache-control': 'no-store'
		}
	});
};
