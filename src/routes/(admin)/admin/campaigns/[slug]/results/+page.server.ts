import { REPORT_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign, listVersions } from '$lib/server/campaigns/queries';
import { listAreas, listGroups, listUnits } from '$lib/server/org/organisation';
import { compareWith, comparisonChoices, earlierResults } from '$lib/server/results/compare';
import { campaignResults, parseResultsQuery } from '$lib/server/results/results';
import type { PageServerLoad } from './$types';

/**
 * What people answered, question by question, for the filter and breakdown in the address (so a
 * view can be shared and works without JavaScript). A filter value that names nothing is a 400
 * that says which (parseResultsQuery throws Invalid).
 */
export const load: PageServerLoad = async (event) => {
	requireRole(event, ...REPORT_READERS);
	const db = event.locals.db;
	const campaign = await getCampaign(db, event.params.slug);
	const query = await parseResultsQuery(db, campaign.id, event.url.searchParams);
	const [results, groups, areas, units, versions, earlier, compareChoices] = await Promise.all([
		campaignResults(db, campaign.id, query),
		listGroups(db),
		listAreas(db),
		listUnits(db),
		listVersions(db, campaign.id),
		earlierResults(db, campaign, query, event.url.searchParams),
		comparisonChoices(db, campaign)
	]);
	const typed = Object.fromEntries(
		['group', 'area', 'unit', 'channel', 'from', 'to', 'version', 'by', 'min'].map((k) => [
			k,
			event.url.searchParams.get(k) ?? undefined
		])
	) as Record<string, string | undefined>;
	return {
		slug: campaign.slug,
		campaignId: campaign.id,
		campaignTitle: campaign.title,
		results,
		comparison: earlier && compareWith(campaign, results, earlier),
		compareChoices,
		typed,
		groups: groups.map(({ key, nameZh, nameEn }) => ({ key, nameZh, nameEn })),
		areas: areas.map(({ id, name }) => ({ id, name })),
		units: units.filter((u) => u.kind !== 'company').map(({ id, name }) => ({ id, name })),
		versions: versions.map((v) => v.version).sort((a, b) => a - b),
		// A single-choice question can split the others (e.g. 您的身份 × satisfaction).
		breakdownQuestions: results.questions
			.filter((q) => q.type === 'single')
			.map(({ id, title }) => ({ id, title }))
	};
};
