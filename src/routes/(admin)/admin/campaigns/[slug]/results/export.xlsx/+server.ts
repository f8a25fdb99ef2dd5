import { RESULTS_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns/queries';
import { scopeResultsQuery } from '$lib/server/results/access';
import { filterNames, workbookResults } from '$lib/server/results/report';
import { resultsWorkbook } from '$lib/server/results/results-workbook';
import { parseResultsQuery } from '$lib/server/results/results';
import { xlsxDownload } from '$lib/server/platform/spreadsheet-cells';
import type { RequestHandler } from './$types';

/**
 * The results page's filter as a workbook: every question for the whole filter, then a sheet per
 * breakdown (group, area, unit, channel, and the page's question comparison if it has one).
 */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, ...RESULTS_READERS);
	const db = event.locals.readDb;
	const campaign = await getCampaign(db, event.params.slug);
	const asked = await parseResultsQuery(db, campaign.id, event.url.searchParams);
	// A handler's workbook holds their own unit only, as their page does.
	const query = await scopeResultsQuery(db, campaign.id, user, asked);
	const data = await workbookResults(db, campaign.id, query);
	const body = await resultsWorkbook(
		data,
		await filterNames(db, data.overall),
		event.locals.locale
	);
	return xlsxDownload(body, `${campaign.slug}-results.xlsx`);
};
