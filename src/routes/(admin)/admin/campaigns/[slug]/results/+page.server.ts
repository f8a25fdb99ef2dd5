import { CAMPAIGN_READERS, hasRole, ORGANISERS, REPORT_READERS, RESULTS_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { getCampaign, listVersions } from '$lib/server/campaigns/queries';
import { listAreas, listGroups, listUnits } from '$lib/server/org/organisation';
import { scopeResultsQuery } from '$lib/server/results/access';
import { compareWith, comparisonChoices, earlierResults } from '$lib/server/results/compare';
import { campaignResults, parseResultsQuery } from '$lib/server/results/results';
import type { PageServerLoad } from './$types';

/**
 * What people answered, question by question, for the filter and breakdown in the address (so a
 * view can be shared and works without JavaScript). A filter value that names nothing is a 400
 * that says which (parseResultsQuery throws Invalid).
 */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, ...RESULTS_READERS);
	const db = event.locals.readDb;
	const campaign = await getCampaign(db, event.params.slug);
	const asked = await parseResultsQuery(db, campaign.id, event.url.searchParams);
	// A handler reads their own unit only (403 for another, or without a unit question).
	const query = await scopeResultsQuery(db, campaign.id, user, asked);
	const ownUnit = user.role === 'handler' ? (query.filter.unit?.[0] ?? null) : null;
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
	if (ownUnit !== null) {
		typed.unit = String(ownUnit);
	}
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
		units: units
			.filter((u) => u.kind !== 'company' && (ownUnit === null || u.id === ownUnit))
			.map(({ id, name }) => ({ id, name })),
		ownUnit: units.find((u) => u.id === ownUnit)?.name ?? null,
		canEditQuestionnaire: hasRole(user.role, ORGANISERS),
		canReadReport: hasRole(user.role, REPORT_READERS),
		canReadResponses: hasRole(user.role, CAMPAIGN_READERS),
		versions: versions.map((v) => v.version).sort((a, b) => a - b),
		// A single-choice question can split the others (e.g. 您的身份 × satisfaction).
		breakdownQuestions: results.questions
			.filter((q) => q.type === 'single')
			.map(({ id, title }) => ({ id, title }))
	};
};
