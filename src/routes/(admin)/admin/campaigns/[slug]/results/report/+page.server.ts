import { localDate } from '$lib/campaign-availability';
import { messages } from '$lib/i18n';
import { filterInWords } from '$lib/results/filter-words';
import { REPORT_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign } from '$lib/server/campaigns/queries';
import { listGroups } from '$lib/server/org/organisation';
import { filterNames, reportCover } from '$lib/server/results/report';
import { campaignResults, parseResultsQuery } from '$lib/server/results/results';
import type { PageServerLoad } from './$types';

/**
 * The results page's filter and comparison as a printable A4 report: a cover with the campaign's
 * return rate and main suggestion categories, then one page per question. Same address parameters
 * as the results page, so its "printable report" link carries the view along.
 */
export const load: PageServerLoad = async (event) => {
	requireRole(event, ...REPORT_READERS);
	const db = event.locals.readDb;
	const campaign = await getCampaign(db, event.params.slug);
	const query = await parseResultsQuery(db, campaign.id, event.url.searchParams);
	const [results, cover, groups] = await Promise.all([
		campaignResults(db, campaign.id, query),
		reportCover(db, campaign.id),
		listGroups(db)
	]);
	const names = await filterNames(db, results);
	const m = messages(event.locals.locale);
	return {
		results,
		cover,
		filterWords: filterInWords(results.filter, results.by, names, m, event.locals.locale),
		groups: groups.map(({ nameZh, nameEn }) => ({ nameZh, nameEn })),
		made: localDate(new Date())
	};
};
