import { sql, type SQL } from 'drizzle-orm';
import { localDate } from '../../campaign-availability';
import { isCalendarDate } from '../../input-checks';
import { Invalid } from '../platform/errors';
import { queryRows, type Database } from '../db';
import { closedList, overdueSql } from './queries';

import { WEEK_METRICS, type WeekMetric } from '../../weekly-metrics';

export { WEEK_METRICS, type WeekMetric };

/** Monday of the week that contains the date (ISO weeks, as the Monday progress meeting counts). */
export function weekStart(date: string): string {
	const d = new Date(`${date}T00:00:00Z`);
	const day = (d.getUTCDay() + 6) % 7;
	d.setUTCDate(d.getUTCDate() - day);
	return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** How many overdue and closed items the report lists unless asked for all; totals count all. */
export const WEEK_LIST_LIMIT = 200;

function bounds(campaignId: number, monday: string) {
	return {
		from: sql`(${monday}::date::timestamp at time zone 'Asia/Shanghai')`,
		to: sql`((${monday}::date + 7)::timestamp at time zone 'Asia/Shanghai')`,
		live: sql`s.campaign_id = ${campaignId} and s.merged_into is null`
	};
}

/**
 * The moment a week's overdue figures are counted at: now for the current week (so they agree with
 * the overview, the API and the queue), the end of the week for a past one. `date` is that moment's
 * day in China time: overdue means past its deadline by then (`deadline < date`, the queue's rule
 * in `overdueSql`), `days` is `date - deadline`, as the queue shows it.
 */
export function weekMoment(monday: string, now = new Date()): { at: Date; date: string } {
	const end = new Date(`${addDays(monday, 7)}T00:00:00+08:00`);
	const at = now < end ? now : end;
	return { at, date: localDate(at) };
}

/**
 * Overdue at the report's moment: past its deadline by then, created before it, and not closed by
 * then. Two halves, each a range of its own index: open now (`overdueSql`, by deadline), and closed
 * after the moment (by closing time; empty for the current week). Unaliased, as `overdueSql` names
 * the table.
 */
function overdueHalves(campaignId: number, moment: { at: Date; date: string }): [SQL, SQL] {
	const at = sql`${moment.at.toISOString()}::timestamptz`;
	const due = sql`suggestions.campaign_id = ${campaignId} and suggestions.merged_into is null and suggestions.created_at < ${at}`;
	return [
		sql`${due} and ${overdueSql(moment.date)}`,
		sql`${due} and suggestions.deadline < ${moment.date} and suggestions.status in (${closedList}) and suggestions.closed_at >= ${at}`
	];
}

/**
 * Which live suggestions count in which of the week's figures, as (metric, department, category)
 * rows. Each branch reads only its candidates through an index instead of testing every live
 * suggestion of the campaign; a suggestion appears once per figure it counts in. Every figure of
 * the report is a count over these rows, so totals, departments and categories cannot disagree:
 * - new: created in the week; categorised / assigned: such an event in the week;
 * - resolved / planned: closed in the week and in that state now;
 * - overdue: at the report's moment (`weekMoment`), past its deadline and not closed by then.
 * The report also lists plans past their target date at its moment (still "planned" now).
 */
function weekRows(campaignId: number, monday: string, moment: { at: Date; date: string }) {
	const { from, to, live } = bounds(campaignId, monday);
	const [openNow, closedAfter] = overdueHalves(campaignId, moment);
	const event = (kind: string, metric: WeekMetric) =>
		sql`select ${metric}::text, s.department_id, s.category_id from suggestions s where ${live} and s.id in
			(select e.suggestion_id from suggestion_events e where e.kind = ${kind} and e.at >= ${from} and e.at < ${to})`;
	return sql`select 'new'::text as metric, s.department_id, s.category_id from suggestions s
			where ${live} and s.created_at >= ${from} and s.created_at < ${to}
		union all ${event('categorise', 'categorised')}
		union all ${event('assign', 'assigned')}
		union all select s.status, s.department_id, s.category_id from suggestions s
			where ${live} and s.status in (${closedList}) and s.status in ('resolved', 'planned')
			and s.closed_at >= ${from} and s.closed_at < ${to}
		union all select 'overdue', department_id, category_id from suggestions where ${openNow}
		union all select 'overdue', department_id, category_id from suggestions where ${closedAfter}`;
}

type Counts = Record<WeekMetric, number>;
const sums = sql.raw(
	WEEK_METRICS.map((m) => `(count(*) filter (where metric = '${m}'))::int as "${m}"`).join(', ')
);
const countsOf = (row: Record<string, unknown>): Counts =>
	Object.fromEntries(WEEK_METRICS.map((m) => [m, Number(row[m] ?? 0)])) as Counts;

/**
 * The weekly report. `listLimit` caps the overdue and closed lists (null: all, for the export);
 * `overdueTotal` and `closedTotal` say how many there are in all; `asOf` is the day overdue is
 * counted at (`weekMoment`; `now` is there for tests).
 */
export async function weeklyReport(
	db: Database,
	campaignId: number,
	date: string,
	{ listLimit = WEEK_LIST_LIMIT as number | null, now = new Date() } = {}
) {
	// 2024-13-01 would fail in the date arithmetic below, 2024-02-30 in PostgreSQL: both a 500.
	if (!isCalendarDate(date)) throw new Invalid('date_format');
	const monday = weekStart(date);
	const sunday = addDays(monday, 6);
	const { from, to, live } = bounds(campaignId, monday);
	const moment = weekMoment(monday, now);
	const [openNow, closedAfter] = overdueHalves(campaignId, moment);
	const limit = listLimit == null ? sql`` : sql`limit ${listLimit}`;
	const overdueList = (where: SQL) =>
		sql`(select id, title, deadline, department_id from suggestions where ${where} order by deadline, id ${limit})`;
	type Group = Counts & {
		gd: number;
		gc: number;
		department_id: number | null;
		unit: string | null;
		category: string | null;
		category_label: string | null;
		category_label_en: string | null;
	};
	const [groups, overdueItems, closedRows, planRows] = await Promise.all([
		// One pass over the week's rows: by department (gd = 0), by category (gc = 0), totals (both 1);
		// each part in the order the report shows it.
		queryRows<Group>(
			db,
			sql`with g as (select grouping(w.department_id) as gd, grouping(w.category_id) as gc, w.department_id, w.category_id, ${sums}
				from (${weekRows(campaignId, monday, moment)}) w
				group by grouping sets ((w.department_id), (w.category_id), ()))
			select g.*, u.name as unit, c.key as category, c.name_zh as category_label, c.name_en as category_label_en from g
			left join units u on g.gd = 0 and u.id = g.department_id
			left join categories c on g.gc = 0 and c.id = g.category_id
			order by g.gd, g.gc, u.name nulls last, g.department_id, c.sort_order nulls last, c.key`
		),
		queryRows<{
			id: number;
			title: string;
			deadline: string;
			department: string | null;
			days: number;
		}>(
			db,
			sql`select o.id, o.title, o.deadline::text as deadline, u.name as department, (${moment.date}::date - o.deadline)::int as days
			from (${overdueList(openNow)} union all ${overdueList(closedAfter)}) o
			left join units u on u.id = o.department_id order by o.deadline, o.id ${limit}`
		),
		queryRows<{
			id: number;
			title: string;
			status: string;
			department: string | null;
			total: number;
		}>(
			db,
			sql`select s.id, s.title, s.status, u.name as department, count(*) over ()::int as total
			from suggestions s left join units u on u.id = s.department_id
			where ${live} and s.status in (${closedList}) and s.closed_at >= ${from} and s.closed_at < ${to}
			order by s.closed_at, s.id ${limit}`
		),
		// Plans not kept: "planned" now, with the target date before the report's moment.
		queryRows<{
			id: number;
			title: string;
			targetDate: string;
			department: string | null;
			days: number;
			total: number;
		}>(
			db,
			sql`select s.id, s.title, s.target_date::text as "targetDate", u.name as department,
				(${moment.date}::date - s.target_date)::int as days, count(*) over ()::int as total
			from suggestions s left join units u on u.id = s.department_id
			where ${live} and s.status = 'planned' and s.target_date < ${moment.date}
			order by s.target_date, s.id ${limit}`
		)
	]);
	const totals = countsOf(groups.find((g) => Number(g.gd) === 1 && Number(g.gc) === 1) ?? {});
	const byDepartment = groups
		.filter((g) => Number(g.gd) === 0)
		.map((g) => ({
			key: g.department_id == null ? null : String(g.department_id),
			label: g.unit,
			...countsOf(g)
		}));
	const byCategory = groups
		.filter((g) => Number(g.gd) === 1 && Number(g.gc) === 0)
		.map((g) => ({
			key: g.category,
			label: g.category_label,
			labelEn: g.category_label_en,
			...countsOf(g)
		}));
	const nonEmpty = <T extends Counts>(list: T[]) =>
		list.filter((r) => WEEK_METRICS.some((m) => Number(r[m]) > 0));
	return {
		monday,
		sunday,
		asOf: moment.date,
		totals,
		byDepartment: nonEmpty(byDepartment),
		byCategory: nonEmpty(byCategory),
		overdueItems,
		overdueTotal: totals.overdue,
		closedItems: closedRows.map(({ total: _, ...item }) => item),
		closedTotal: closedRows.length ? Number(closedRows[0].total) : 0,
		planExpiredItems: planRows.map(({ total: _, ...item }) => item),
		planExpiredTotal: planRows.length ? Number(planRows[0].total) : 0
	};
}
