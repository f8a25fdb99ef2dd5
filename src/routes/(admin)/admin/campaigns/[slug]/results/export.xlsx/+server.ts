import { REPORT_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns/queries';
import { resultsWorkbook } from '$lib/server/results/results-workbook';
import { campaignResults, parseResultsQuery } from '$lib/server/results/results';
import { xlsxDownload } from '$lib/server/platform/spreadsheet-cells';
import type { RequestHandler } from './$types';

/** The results page's numbers, for the same filters and comparison, as a workbook. */
export const GET: RequestHandler = async (event) => {
	requireRole(event, ...REPORT_READERS);
	const db = event.locals.db;
	const campaign = await getCampaign(db, event.params.slug);
	const query = await parseResultsQuery(db, campaign.id, event.url.searchParams);
	const results = await campaignResults(db, campaign.id, query);
	const body = await resultsWorkbook(results, event.locals.locale);
	return xlsxDownload(body, `${campaign.slug}-results.xlsx`);
};
