// Full recounts from the base tables, for the roll-up tests: what the statistics services computed
import { localDate } from '../../campaign-availability';
// before the roll-ups and indexes (a scan of every row), kept here as the reference they must equal.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db';
import { addDays, weekMoment, weekStart, WEEK_METRICS } from '../suggestions/weekly';
import { closedList, overdueSql } from '../suggestions/queries';

type Tally = { campaign_id: number; dim: string; key: string | null; n: number };
const order = sql`order by 1, 2, 3 nulls first`;

/** The roll-up tables as their readers see them: summed over slots, zero sums left out. */
export async function tallies(db: Database, table: 'response_tallies' | 'suggestion_tallies') {
	return queryRows<Tally>(
		db,
		sql`select campaign_id, dim, key, sum(n)::int as n from ${sql.raw(table)} group by 1, 2, 3 having sum(n) <> 0 ${order}`
	);
}

export async function recountResponses(db: Database) {
	const by = (dim: string, key: string) =>
		sql.raw(
			`select campaign_id, '${dim}' as dim, ${key} as key, count(*)::int as n from responses group by 1, 3`
		);
	return queryRows<Tally>(
		db,
		sql`select * from (${by('group', 'group_id::text')} union all ${by('unit', 'unit_id::text')}
			union all ${by('area', 'area_id::text')} union all ${by('channel', 'channel')}
			union all ${by('day', `to_char(submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`)}) r ${order}`
	);
}

export async function recountSuggestions(db: Database) {
	const by = (dim: string, key: string) =>
		sql.raw(
			`select campaign_id, '${dim}' as dim, ${key} as key, count(*)::int as n from suggestions where merged_into is null group by 1, 3`
		);
	return queryRows<Tally>(
		db,
		sql`select * from (${by('category', 'category_id::text')} union all ${by('nature', 'nature')}
			union all ${by('status', 'status')} union all ${by('department', 'department_id::text')}
			union all select campaign_id, 'items', null, count(*)::int from suggestion_items group by 1) r ${order}`
	);
}

/** The return-rate figures that come from responses, counted over every row. */
export async function recountReturns(db: Database, campaignId: number) {
	const [[{ returned }], byChannel, byDay] = await Promise.all([
		queryRows<{ returned: number }>(
			db,
			sql`select count(*)::int as returned from responses where campaign_id = ${campaignId}`
		),
		queryRows<{ key: string; returned: number }>(
			db,
			sql`select channel as key, count(*)::int as returned from responses where campaign_id = ${campaignId} group by 1 order by 1`
		),
		queryRows<{ date: string; returned: number }>(
			db,
			sql`select to_char((submitted_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as date, count(*)::int as returned
			from responses where campaign_id = ${campaignId} group by 1 order by 1`
		)
	]);
	return { returned, byChannel, byDay };
}

/** The suggestion statistics counted over every live suggestion, with percentile_cont for the median. */
export async function recountSuggestionStats(db: Database, campaignId: number) {
	const live = sql`campaign_id = ${campaignId} and merged_into is null`;
	const [[totals], byCategory, byNature, byStatus, byDepartment, overdueByDepartment] =
		await Promise.all([
			queryRows<Record<string, number | null>>(
				db,
				sql`select count(*)::int as total,
				(select count(*)::int from suggestion_items where campaign_id = ${campaignId}) as raw,
				(count(*) filter (where ${overdueSql()}))::int as overdue,
				(count(*) filter (where status = 'planned' and target_date < ${localDate(new Date())}))::int as plan_expired,
				(count(*) filter (where status = 'resolved'))::int as resolved,
				(count(*) filter (where status in (${closedList})))::int as closed,
				percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at) / 86400)
					filter (where status in (${closedList}) and closed_at is not null) as median
				from suggestions where ${live}`
			),
			...(
				[
					sql`select c.key, count(*)::int as count from suggestions left join categories c on c.id = suggestions.category_id where suggestions.campaign_id = ${campaignId} and suggestions.merged_into is null group by c.key`,
					sql`select nature as key, count(*)::int as count from suggestions where ${live} group by nature`,
					sql`select status as key, count(*)::int as count from suggestions where ${live} group by status`,
					sql`select department_id::text as key, count(*)::int as count from suggestions where ${live} group by department_id`,
					sql`select department_id::text as key, count(*)::int as count from suggestions where ${live} and department_id is not null and ${overdueSql()} group by department_id`
				] as const
			).map((q) =>
				queryRows<{ key: string | null; count: number }>(db, sql`${q} order by 1 nulls first`)
			)
		]);
	return { totals, byCategory, byNature, byStatus, byDepartment, overdueByDepartment };
}

/** The weekly report as it was computed before: every live suggestion tested against each figure. */
export async function recountWeek(db: Database, campaignId: number, date: string) {
	const monday = weekStart(date);
	const from = sql`(${monday}::date::timestamp at time zone 'Asia/Shanghai')`;
	const to = sql`((${monday}::date + 7)::timestamp at time zone 'Asia/Shanghai')`;
	const sunday = addDays(monday, 6);
	// Overdue as the queue would count it at the report's moment (now, or the end of a past week).
	const moment = weekMoment(monday);
	const at = sql`${moment.at.toISOString()}::timestamptz`;
	const event = (kind: string) =>
		sql`exists (select 1 from suggestion_events e where e.suggestion_id = s.id and e.kind = ${kind} and e.at >= ${from} and e.at < ${to})`;
	const rows = sql`select s.id, s.title, s.status, s.deadline, s.target_date, s.closed_at, s.department_id, s.category_id,
		(s.created_at >= ${from} and s.created_at < ${to}) as m_new,
		${event('categorise')} as m_categorised,
		${event('assign')} as m_assigned,
		(s.status = 'resolved' and s.closed_at >= ${from} and s.closed_at < ${to}) as m_resolved,
		(s.status = 'planned' and s.closed_at >= ${from} and s.closed_at < ${to}) as m_planned,
		(s.deadline < ${moment.date} and s.created_at < ${at}
			and not (s.status in (${closedList}) and s.closed_at < ${at})) as m_overdue
		from suggestions s where s.campaign_id = ${campaignId} and s.merged_into is null`;
	const sums = sql.raw(
		WEEK_METRICS.map((m) => `(count(*) filter (where m_${m}))::int as "${m}"`).join(', ')
	);
	const [[totals], byDepartment, byCategory, overdueItems, closedItems, planExpiredItems] =
		await Promise.all([
			queryRows<Record<string, number>>(db, sql`select ${sums} from (${rows}) w`),
			queryRows<Record<string, unknown>>(
				db,
				sql`select w.department_id::text as key, u.name as label, ${sums} from (${rows}) w left join units u on u.id = w.department_id group by w.department_id, u.name order by u.name nulls last, w.department_id`
			),
			queryRows<Record<string, unknown>>(
				db,
				sql`select c.key, c.name_zh as label, c.name_en as "labelEn", ${sums} from (${rows}) w left join categories c on c.id = w.category_id group by c.key, c.name_zh, c.name_en, c.sort_order order by c.sort_order nulls last, c.key`
			),
			queryRows<Record<string, unknown>>(
				db,
				sql`select w.id, w.title, w.deadline::text as deadline, u.name as department, (${moment.date}::date - w.deadline)::int as days
			from (${rows}) w left join units u on u.id = w.department_id where w.m_overdue order by w.deadline, w.id`
			),
			queryRows<Record<string, unknown>>(
				db,
				sql`select w.id, w.title, w.status, u.name as department from (${rows}) w left join units u on u.id = w.department_id
			where w.status in (${closedList}) and w.closed_at >= ${from} and w.closed_at < ${to} order by w.closed_at, w.id`
			),
			queryRows<Record<string, unknown>>(
				db,
				sql`select w.id, w.title, w.target_date::text as "targetDate", u.name as department, (${moment.date}::date - w.target_date)::int as days
			from (${rows}) w left join units u on u.id = w.department_id
			where w.status = 'planned' and w.target_date < ${moment.date} order by w.target_date, w.id`
			)
		]);
	const nonEmpty = (list: Record<string, unknown>[]) =>
		list.filter((r) => WEEK_METRICS.some((m) => Number(r[m]) > 0));
	return {
		monday,
		sunday,
		asOf: moment.date,
		totals,
		byDepartment: nonEmpty(byDepartment),
		byCategory: nonEmpty(byCategory),
		overdueItems,
		closedItems,
		planExpiredItems
	};
}
