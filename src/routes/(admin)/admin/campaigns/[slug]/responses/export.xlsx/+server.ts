import { messages } from '$lib/i18n';
import { REPORT_READERS, canSeeContact } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns/queries';
import { exportTable, toXlsx } from '$lib/server/responses/export';
import { xlsxDownload } from '$lib/server/platform/spreadsheet-cells';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, ...REPORT_READERS);
	const campaign = await getCampaign(event.locals.db, event.params.slug);
	const withContact = canSeeContact(user);
	const m = messages(event.locals.locale);
	const table = await exportTable(event.locals.db, campaign.id, m, withContact);
	const body = await toXlsx(table, m.responses.title);
	return xlsxDownload(body, `${campaign.slug}-responses.xlsx`);
};
