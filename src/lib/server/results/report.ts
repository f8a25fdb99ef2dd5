// What the printed results report and the results workbook need beyond the page's figures
// (issue 16 point 3): the names a filter stands for, the cover's return rate and suggestion
// categories, and the results of the same filter once per breakdown.
import type { FilterNames } from '../../results/filter-words';
import type { BreakdownKey, CampaignResults, ResultsQuery } from '../../results/types';
import type { Database } from '../db';
import { listAreas, listGroups, listUnits } from '../org/organisation';
import { campaignStats } from '../returns/return-rate';
import { listCategories } from '../suggestions/categories';
import { suggestionStats } from '../suggestions/reports';
import { campaignResults } from './results';

/** The breakdowns the workbook always has a sheet for, in this order. */
export const WORKBOOK_BREAKDOWNS = ['group', 'area', 'unit', 'channel'] as const;

/** How many suggestion categories the cover lists. */
const TOP_CATEGORIES = 6;

/** The names of groups, areas, units and the campaign's questions, to say a filter in words. */
export async function filterNames(db: Database, results: CampaignResults): Promise<FilterNames> {
	const [groups, areas, units] = await Promise.all([listGroups(db), listAreas(db), listUnits(db)]);
	return {
		groups: groups.map(({ key, nameZh, nameEn }) => ({ key, nameZh, nameEn })),
		areas: areas.map(({ id, name }) => ({ id, name })),
		units: units.map(({ id, name }) => ({ id, name })),
		questions: results.questions.map(({ id, title }) => ({ id, title }))
	};
}

export interface ReportCover {
	issued: number;
	returned: number;
	/** returned ÷ issued; null when nothing was issued (no rate, never a division by zero). */
	returnRate: number | null;
	/** Live suggestions of the campaign (merged ones counted once). */
	suggestions: number;
	/** The categories with the most suggestions, most first; uncategorised ones are left out. */
	topCategories: { key: string; nameZh: string; nameEn: string; count: number }[];
}

/**
 * The cover of the printed report: the campaign's return rate, as the dashboard and the stats
 * API count it (the whole campaign, not the filter), and its main suggestion categories.
 */
export async function reportCover(db: Database, campaignId: number): Promise<ReportCover> {
	const [stats, suggestions, categories] = await Promise.all([
		campaignStats(db, campaignId),
		suggestionStats(db, campaignId),
		listCategories(db)
	]);
	const topCategories = suggestions.byCategory
		.flatMap((row) => {
			const category = categories.find((c) => c.key === row.key);
			return category
				? [
						{
							key: category.key,
							nameZh: category.nameZh,
							nameEn: category.nameEn,
							count: row.count
						}
					]
				: [];
		})
		.sort((a, b) => b.count - a.count)
		.slice(0, TOP_CATEGORIES);
	return {
		issued: stats.issued,
		returned: stats.returned,
		returnRate: stats.returnRate,
		suggestions: suggestions.total,
		topCategories
	};
}

export interface WorkbookResults {
	/** Every question for the whole filter, without a breakdown. */
	overall: CampaignResults;
	/** The same filter once per breakdown: group, area, unit, channel, and the query's question. */
	breakdowns: CampaignResults[];
}

/**
 * The results of a query's filter overall and by each breakdown. The query's own breakdown adds a
 * sheet only when it splits by a question (the four dimensions are always there).
 */
export async function workbookResults(
	db: Database,
	campaignId: number,
	query: ResultsQuery
): Promise<WorkbookResults> {
	const keys: BreakdownKey[] = [...WORKBOOK_BREAKDOWNS];
	if (query.by?.startsWith('question:')) {
		keys.push(query.by);
	}
	const base = { filter: query.filter, minN: query.minN };
	// One after the other: on the embedded database the statements would queue anyway.
	const overall = await campaignResults(db, campaignId, base);
	const breakdowns: CampaignResults[] = [];
	for (const by of keys) {
		breakdowns.push(await campaignResults(db, campaignId, { ...base, by }));
	}
	return { overall, breakdowns };
}
