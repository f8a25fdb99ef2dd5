import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { NATURES, SUGGESTION_STATUSES } from '../../domain';
import { messages } from '../../i18n';
import { queryRows, type Database } from '../db';
import { categories, suggestionItems, suggestions, units } from '../db/schema';
import { closedList, overdueSql } from './queries';

const zh = messages('zh-CN');

export type CountBy = {
	key: string | null;
	label: string;
	count: number;
};

/**
 * The suggestion statistics of a campaign (dashboard and API). Merged-away suggestions are not
 * counted: 182 distinct suggestions, not 1,640 answers. resolutionRate = resolved ÷ total;
 * medianDaysToClose over every closed suggestion (resolved, planned or not adopted).
 */
export async function suggestionStats(db: Database, campaignId: number) {
	const live = sql`campaign_id = ${campaignId} and merged_into is null`;
	const [[totals], byCategory, byNature, byStatus, byDepartment, overdueByDepartment] =
		await Promise.all([
			queryRows<{
				total: number;
				raw: number;
				overdue: number;
				resolved: number;
				closed: number;
				median: number | null;
			}>(
				db,
				sql`select count(*)::int as total,
				(select count(*)::int from suggestion_items where campaign_id = ${campaignId}) as raw,
				(count(*) filter (where ${overdueSql()}))::int as overdue,
				(count(*) filter (where status = 'resolved'))::int as resolved,
				(count(*) filter (where status in (${closedList})))::int as closed,
				percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at) / 86400)
					filter (where status in (${closedList}) and closed_at is not null) as median
				from suggestions where ${live}`
			),
			queryRows<CountBy>(
				db,
				sql`select c.key, coalesce(c.name_zh, ${zh.stats.notGiven}) as label, count(*)::int as count from suggestions left join categories c on c.id = suggestions.category_id where suggestions.campaign_id = ${campaignId} and suggestions.merged_into is null group by c.key, c.name_zh, c.sort_order order by c.sort_order nulls last`
			),
			queryRows<CountBy>(
				db,
				sql`select nature as key, nature as label, count(*)::int as count from suggestions where ${live} group by nature`
			),
			queryRows<CountBy>(
				db,
				sql`select status as key, status as label, count(*)::int as count from suggestions where ${live} group by status`
			),
			queryRows<CountBy>(
				db,
				sql`select u.id::text as key, coalesce(u.name, ${zh.stats.notGiven}) as label, count(*)::int as count from suggestions left join units u on u.id = suggestions.department_id where suggestions.campaign_id = ${campaignId} and suggestions.merged_into is null group by u.id, u.name order by count(*) desc`
			),
			queryRows<CountBy>(
				db,
				sql`select u.id::text as key, u.name as label, count(*)::int as count from suggestions join units u on u.id = suggestions.department_id where suggestions.campaign_id = ${campaignId} and suggestions.merged_into is null and ${overdueSql()} group by u.id, u.name order by count(*) desc`
			)
		]);
	const total = Number(totals.total);
	const order = <T extends string>(keys: readonly T[], rows: CountBy[], label: (k: T) => string) =>
		keys
			.map((k) => ({ key: k, label: label(k), count: rows.find((r) => r.key === k)?.count ?? 0 }))
			.concat(
				rows
					.filter((r) => r.key == null)
					.map((r) => ({ key: null as unknown as T, label: zh.stats.notGiven, count: r.count }))
			);
	return {
		total,
		rawAnswers: Number(totals.raw),
		byCategory,
		byNature: order(NATURES, byNature, (k) => zh.natures[k]),
		byStatus: order(SUGGESTION_STATUSES, byStatus, (k) => zh.statuses[k]),
		byDepartment,
		overdue: Number(totals.overdue),
		overdueByDepartment,
		resolved: Number(totals.resolved),
		closed: Number(totals.closed),
		resolutionRate: total ? Number(totals.resolved) / total : null,
		medianDaysToClose: totals.median == null ? null : Math.round(Number(totals.median) * 10) / 10
	};
}

export type SuggestionStats = Awaited<ReturnType<typeof suggestionStats>>;

/** What a receipt code shows: the suggestions that came from that response, never anyone else's data. */
export async function suggestionsOfResponse(db: Database, responseId: number) {
	return db
		.selectDistinct({
			id: suggestions.id,
			title: suggestions.title,
			status: suggestions.status,
			category: categories.nameZh,
			categoryEn: categories.nameEn,
			reply: suggestions.reply,
			plan: suggestions.plan,
			targetDate: suggestions.targetDate,
			closedAt: suggestions.closedAt
		})
		.from(suggestionItems)
		.innerJoin(suggestions, eq(suggestionItems.suggestionId, suggestions.id))
		.leftJoin(categories, eq(suggestions.categoryId, categories.id))
		.where(eq(suggestionItems.responseId, responseId))
		.orderBy(asc(suggestions.id));
}

/** The public "you said, we did" board: published suggestions only, nothing personal. */
export async function boardItems(
	db: Database,
	campaignId: number,
	filter: { categoryKey?: string; status?: string }
) {
	const parts = [
		eq(suggestions.campaignId, campaignId),
		eq(suggestions.published, true),
		isNull(suggestions.mergedInto)
	];
	if (filter.categoryKey) parts.push(eq(categories.key, filter.categoryKey));
	if (filter.status) {
		parts.push(eq(suggestions.status, filter.status as (typeof SUGGESTION_STATUSES)[number]));
	}
	return db
		.select({
			id: suggestions.id,
			title: suggestions.title,
			status: suggestions.status,
			category: categories.nameZh,
			categoryEn: categories.nameEn,
			categoryKey: categories.key,
			department: units.name,
			reply: suggestions.reply,
			plan: suggestions.plan,
			targetDate: suggestions.targetDate,
			createdAt: suggestions.createdAt,
			closedAt: suggestions.closedAt,
			raised: sql<number>`(select count(*)::int from ${suggestionItems} i where i.suggestion_id = ${suggestions.id})`
		})
		.from(suggestions)
		.leftJoin(categories, eq(suggestions.categoryId, categories.id))
		.leftJoin(units, eq(suggestions.departmentId, units.id))
		.where(and(...parts))
		.orderBy(desc(suggestions.closedAt), asc(suggestions.id));
}
