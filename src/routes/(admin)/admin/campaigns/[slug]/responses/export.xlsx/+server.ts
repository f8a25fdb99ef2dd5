import { messages } from '$lib/i18n';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns';
import { exportTable, toXlsx } from '$lib/server/response-export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'organiser', 'reviewer', 'leader');
	const campaign = await getCampaign(event.locals.db, event.params.slug);
	const withContact = user.role === 'admin' || user.role === 'organiser';
	const m = messages(event.locals.locale);
	const table = await exportTable(event.locals.db, campaign.id, m, withContact);
	const body = await toXlsx(table, m.responses.title);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${campaign.slug}-responses.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
