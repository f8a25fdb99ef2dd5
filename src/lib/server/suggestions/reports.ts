import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { NATURES, SUGGESTION_STATUSES } from '../../domain';
import { messages } from '../../i18n';
import { queryRows, type Database } from '../db';
import { campaigns, categories, suggestionItems, suggestions, units } from '../db/schema';
import { maskPersonalData } from '../platform/personal-data';
import { maskPublicTexts } from './publishing';
import { closedList, overdueSql, planExpiredSql } from './queries';

const zh = messages('zh-CN');

export type CountBy = {
	key: string | null;
	label: string;
	count: number;
};

/**
 * Live suggestions (or raw answers, dim 'items') per key of one dimension, from the roll-up the
 * triggers of drizzle/0008 keep (`suggestion_tallies`, summed over its slots); keys counted down
 * to 0 (every suggestion moved on or merged away) are not there, as in a count over the rows.
 */
function tally(campaignId: number, dim: 'category' | 'nature' | 'status' | 'department' | 'items') {
	return sql`select key, sum(n)::int as count from suggestion_tallies
		where campaign_id = ${campaignId} and dim = ${dim} group by key having sum(n) <> 0`;
}

/**
 * The suggestion statistics of a campaign (dashboard and API). Merged-away suggestions are not
 * counted: 182 distinct suggestions, not 1,640 answers. resolutionRate = resolved ÷ total;
 * medianDaysToClose over every closed suggestion (resolved, planned or not adopted).
 * The counts by category, nature, status and department come from the roll-up; overdue depends on
 * today, so it is counted from the index of open suggestions by deadline; the median is the
 * middle entry of the index of days to close (percentile_cont's interpolation, same figure).
 */
export async function suggestionStats(db: Database, campaignId: number) {
	const live = sql`campaign_id = ${campaignId} and merged_into is null`;
	const closedLive = sql`${live} and status in (${closedList}) and closed_at is not null`;
	const daysToClose = sql`(extract(epoch from closed_at - created_at) / 86400)`;
	const [[totals], [median], byCategory, byNature, byStatus, byDepartment, overdueByDepartment] =
		await Promise.all([
			queryRows<{
				total: number;
				raw: number;
				overdue: number;
				plan_expired: number;
				resolved: number;
				closed: number;
			}>(
				db,
				sql`select coalesce((select sum(count) from (${tally(campaignId, 'status')}) t), 0)::int as total,
				coalesce((select sum(count) from (${tally(campaignId, 'items')}) t), 0)::int as raw,
				(select count(*)::int from suggestions where ${live} and ${overdueSql()}) as overdue,
				(select count(*)::int from suggestions where ${live} and ${planExpiredSql()}) as plan_expired,
				coalesce((select sum(count) from (${tally(campaignId, 'status')}) t where key = 'resolved'), 0)::int as resolved,
				coalesce((select sum(count) from (${tally(campaignId, 'status')}) t where key in (${closedList})), 0)::int as closed`
			),
			// percentile_cont(0.5): the entry at (n - 1) / 2, interpolated halfway to the next when n is even.
			queryRows<{ median: number | null }>(
				db,
				sql`with c as (select count(*)::int as n from suggestions where ${closedLive}),
				m as (select ${daysToClose}::float8 as v from suggestions where ${closedLive}
					order by ${daysToClose} offset (select (n - 1) / 2 from c) limit 2)
				select case when (select n from c) = 0 then null
					when (select n from c) % 2 = 1 then (select min(v) from m)
					else (select min(v) from m) + ((select max(v) from m) - (select min(v) from m)) * 0.5 end as median`
			),
			queryRows<CountBy>(
				db,
				sql`select c.key, coalesce(c.name_zh, ${zh.stats.notGiven}) as label, t.count from (${tally(campaignId, 'category')}) t left join categories c on c.id = t.key::int order by c.sort_order nulls last, c.key`
			),
			queryRows<CountBy>(
				db,
				sql`select key, key as label, count from (${tally(campaignId, 'nature')}) t`
			),
			queryRows<CountBy>(
				db,
				sql`select key, key as label, count from (${tally(campaignId, 'status')}) t`
			),
			queryRows<CountBy>(
				db,
				sql`select u.id::text as key, coalesce(u.name, ${zh.stats.notGiven}) as label, t.count from (${tally(campaignId, 'department')}) t left join units u on u.id = t.key::int order by t.count desc, u.id nulls last`
			),
			queryRows<CountBy>(
				db,
				sql`select u.id::text as key, u.name as label, count(*)::int as count from suggestions join units u on u.id = suggestions.department_id where suggestions.campaign_id = ${campaignId} and suggestions.merged_into is null and ${overdueSql()} group by u.id, u.name order by count(*) desc, u.id`
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
		/** "Planned" items whose target date has passed (`planExpiredSql`). */
		planExpired: Number(totals.plan_expired),
		overdueByDepartment,
		resolved: Number(totals.resolved),
		closed: Number(totals.closed),
		resolutionRate: total ? Number(totals.resolved) / total : null,
		medianDaysToClose: median.median == null ? null : Math.round(Number(median.median) * 10) / 10
	};
}

export type SuggestionStats = Awaited<ReturnType<typeof suggestionStats>>;

/**
 * The public timeline's dates (受理 → 交办 → 答复 → 回访): the first assignment, the current reply,
 * the latest answer of the current round, and when that round ends. Dates only: no names, no texts.
 */
const epochMs = (moment: SQL) => sql<number | null>`(extract(epoch from ${moment}) * 1000)::float8`;
const timeline = {
	assignedAt: epochMs(
		sql`(select min(e.at) from suggestion_events e where e.suggestion_id = ${suggestions.id} and e.kind = 'assign')`
	),
	followedUpAt: epochMs(
		sql`(select max(f.contacted_at) from follow_ups f where f.suggestion_id = ${suggestions.id} and f.round = ${suggestions.followUpRound} and f.level is not null)`
	),
	roundEnds: epochMs(
		sql`case when ${suggestions.status} in (${closedList}) then ${suggestions.closedAt} + ${campaigns.followUpDays} * interval '1 day' end`
	),
	round: suggestions.followUpRound,
	reopenedCount: suggestions.reopenedCount
};

/** A timeline date (milliseconds since the epoch, the same on both drivers) as a Date. */
const asDate = (v: number | string | null) => (v == null ? null : new Date(Number(v)));

/**
 * What a receipt code shows: the suggestions that came from that response, never anyone else's
 * data. Titles show whether published or not (the code is a bearer secret, passed around), so
 * every text is masked (publishing.ts).
 */
export async function suggestionsOfResponse(db: Database, responseId: number) {
	const rows = await db
		.selectDistinct({
			id: suggestions.id,
			title: suggestions.title,
			status: suggestions.status,
			category: categories.nameZh,
			categoryEn: categories.nameEn,
			reply: suggestions.reply,
			plan: suggestions.plan,
			targetDate: suggestions.targetDate,
			planExpired: sql<boolean>`${planExpiredSql()}`,
			closedAt: suggestions.closedAt,
			createdAt: suggestions.createdAt,
			...timeline,
			// This receipt's own answer in the current round, if any.
			myLevel: sql<
				string | null
			>`(select f.level from follow_ups f where f.suggestion_id = ${suggestions.id} and f.round = ${suggestions.followUpRound} and f.response_id = ${responseId})`,
			myComment: sql<
				string | null
			>`(select f.comment from follow_ups f where f.suggestion_id = ${suggestions.id} and f.round = ${suggestions.followUpRound} and f.response_id = ${responseId})`
		})
		.from(suggestionItems)
		.innerJoin(suggestions, eq(suggestionItems.suggestionId, suggestions.id))
		.innerJoin(campaigns, eq(suggestions.campaignId, campaigns.id))
		.leftJoin(categories, eq(suggestions.categoryId, categories.id))
		.where(eq(suggestionItems.responseId, responseId))
		.orderBy(asc(suggestions.id));
	return rows.map((r) => ({
		...maskPublicTexts(r),
		assignedAt: asDate(r.assignedAt),
		followedUpAt: asDate(r.followedUpAt),
		roundEnds: asDate(r.roundEnds),
		myComment: r.myComment == null ? null : maskPersonalData(r.myComment)
	}));
}

/** The public "you said, we did" board: published suggestions only, their texts masked. */
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
	const rows = await db
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
			planExpired: sql<boolean>`${planExpiredSql()}`,
			createdAt: suggestions.createdAt,
			closedAt: suggestions.closedAt,
			raised: sql<number>`(select count(*)::int from ${suggestionItems} i where i.suggestion_id = ${suggestions.id})`,
			...timeline
		})
		.from(suggestions)
		.innerJoin(campaigns, eq(suggestions.campaignId, campaigns.id))
		.leftJoin(categories, eq(suggestions.categoryId, categories.id))
		.leftJoin(units, eq(suggestions.departmentId, units.id))
		.where(and(...parts))
		.orderBy(desc(suggestions.closedAt), asc(suggestions.id));
	return rows.map((r) => ({
		...maskPublicTexts(r),
		assignedAt: asDate(r.assignedAt),
		followedUpAt: asDate(r.followedUpAt),
		roundEnds: asDate(r.roundEnds)
	}));
}
