import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db';
import { closedList } from './queries';

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

/**
 * Per live suggestion, which of the week's figures it counts in. Every figure of the report is a
 * count over these rows, so totals, departments and categories cannot disagree:
 * - new: created in the week; categorised / assigned: such an event in the week;
 * - resolved / planned: closed in the week and in that state now;
 * - overdue: at the end of the week, past its deadline and not closed by then.
 */
function weekRows(campaignId: number, monday: string) {
	const from = sql`(${monday}::date::timestamp at time zone 'Asia/Shanghai')`;
	const to = sql`((${monday}::date + 7)::timestamp at time zone 'Asia/Shanghai')`;
	const sunday = addDays(monday, 6);
	const event = (kind: string) =>
		sql`exists (select 1 from suggestion_events e where e.suggestion_id = s.id and e.kind = ${kind} and e.at >= ${from} and e.at < ${to})`;
	return sql`select s.id, s.title, s.status, s.deadline, s.closed_at, s.department_id, s.category_id,
		(s.created_at >= ${from} and s.created_at < ${to}) as m_new,
		${event('categorise')} as m_categorised,
		${event('assign')} as m_assigned,
		(s.status = 'resolved' and s.closed_at >= ${from} and s.closed_at < ${to}) as m_resolved,
		(s.status = 'planned' and s.closed_at >= ${from} and s.closed_at < ${to}) as m_planned,
		(s.deadline <= ${sunday} and s.created_at < ${to}
			and not (s.status in (${closedList}) and s.closed_at < ${to})) as m_overdue
		from suggestions s where s.campaign_id = ${campaignId} and s.merged_into is null`;
}

type Counts = Record<WeekMetric, number>;
const sums = sql.raw(
	WEEK_METRICS.map((m) => `(count(*) filter (where m_${m}))::int as "${m}"`).join(', ')
);

export async function weeklyReport(db: Database, campaignId: number, date: string) {
	const monday = weekStart(date);
	const rows = weekRows(campaignId, monday);
	const [[totals], byDepartment, byCategory, overdueItems, closedItems] = await Promise.all([
		queryRows<Counts>(db, sql`select ${sums} from (${rows}) w`),
		queryRows<Counts & { key: string | null; label: string | null }>(
			db,
			sql`select w.department_id::text as key, u.name as label, ${sums} from (${rows}) w left join units u on u.id = w.department_id group by w.department_id, u.name order by u.name nulls last`
		),
		queryRows<Counts & { key: string | null; label: string | null }>(
			db,
			sql`select c.key, c.name_zh as label, ${sums} from (${rows}) w left join categories c on c.id = w.category_id group by c.key, c.name_zh, c.sort_order order by c.sort_order nulls last`
		),
		queryRows<{
			id: number;
			title: string;
			deadline: string;
			department: string | null;
			days: number;
		}>(
			db,
			sql`select w.id, w.title, w.deadline::text as deadline, u.name as department, (${addDays(monday, 6)}::date - w.deadline)::int as days
			from (${rows}) w left join units u on u.id = w.department_id where w.m_overdue order by w.deadline, w.id`
		),
		queryRows<{ id: number; title: string; status: string; department: string | null }>(
			db,
			sql`select w.id, w.title, w.status, u.name as department from (${rows}) w left join units u on u.id = w.department_id
			where w.status in (${closedList}) and w.closed_at >= (${monday}::date::timestamp at time zone 'Asia/Shanghai')
			and w.closed_at < ((${monday}::date + 7)::timestamp at time zone 'Asia/Shanghai') order by w.closed_at, w.id`
		)
	]);
	const nonEmpty = <T extends Counts>(list: T[]) =>
		list.filter((r) => WEEK_METRICS.some((m) => Number(r[m]) > 0));
	return {
		monday,
		sunday: addDays(monday, 6),
		totals,
		byDepartment: nonEmpty(byDepartment),
		byCategory: nonEmpty(byCategory),
		overdueItems,
		closedItems
	};
}

export type WeeklyReport = Awaited<ReturnType<typeof weeklyReport>>;
