import { sql } from 'drizzle-orm';
import { localDate } from '../../campaign-availability';
import { rankDepartments, type Ranked } from '../../department-ranking';
import { queryRows, type Database } from '../db';
import { dueSql, onTimeSql } from './deadline-figures';
import { closedList } from './queries';
import { satisfactionFigures } from './satisfaction';

/*
 * The leader's figures per responsible department (责任部室), for one campaign or for all:
 * - assigned: live items the department holds now; answered: of them, replied to at least once
 *   (a `close` event, even if 不满意 or staff reopened it since); overdueOpen: open and past the
 *   deadline in force, today.
 * - on time (按期办结率): the rule of deadline-figures.ts — closed items with a deadline, closed by
 *   it; an approved extension's granted deadline counts, a refused or pending request does not.
 * - median working days to reply: from the first assignment (交办) to the first reply (答复), both
 *   as China's calendar days, counted like `workingDaysBetween` (the start day not counted) over
 *   the admin's holiday list: Monday–Friday, minus listed days off, plus listed 调休 days.
 * - reopened rate: answered items a 不满意 reopened at least once ÷ answered items.
 * - satisfaction: satisfaction.ts's definition ((满意 + 基本满意) ÷ answers, every round).
 * The items are counted where they are now: an item transferred counts for its new department.
 */

export interface DepartmentRow {
	id: number;
	department: string;
	assigned: number;
	answered: number;
	overdueOpen: number;
	due: number;
	onTime: number;
	extended: number;
	onTimeRate: number | null;
	medianReplyDays: number | null;
	reopened: number;
	reopenedRate: number | null;
	satisfied: number;
	basic: number;
	dissatisfied: number;
	satisfactionAnswers: number;
	satisfactionRate: number | null;
}

export type RankedDepartment = DepartmentRow & Ranked;

/** Working days after `from` up to `to` (dates), over the holidays table: SQL twin of workingDaysBetween. */
const workingDays = (from: ReturnType<typeof sql>, to: ReturnType<typeof sql>) =>
	sql`(select count(*)::int from generate_series(${from} + 1, ${to}, interval '1 day') g(d)
		where exists (select 1 from holidays h where h.day = g.d::date and h.kind = 'work')
			or (extract(isodow from g.d) < 6
				and not exists (select 1 from holidays h where h.day = g.d::date and h.kind = 'off')))`;

const china = (at: ReturnType<typeof sql>) => sql`(${at} at time zone 'Asia/Shanghai')::date`;

/** The figures of every department with items, ranked for the assessment (department-ranking.ts). */
export async function departmentFigures(
	db: Database,
	campaignId: number | null,
	now = new Date()
): Promise<RankedDepartment[]> {
	const scope = campaignId == null ? sql`true` : sql`s.campaign_id = ${campaignId}`;
	const today = localDate(now);
	const [rows, satisfaction] = await Promise.all([
		queryRows<Record<string, number | string | null>>(
			db,
			sql`with live as (
				select s.*,
					(select min(e.at) from suggestion_events e where e.suggestion_id = s.id and e.kind = 'assign') as assigned_at,
					(select min(e.at) from suggestion_events e where e.suggestion_id = s.id and e.kind = 'close') as replied_at
				from suggestions s
				where ${scope} and s.merged_into is null and s.department_id is not null
			), d as (
				select s.department_id,
					count(*)::int as assigned,
					count(*) filter (where s.replied_at is not null)::int as answered,
					count(*) filter (where s.deadline is not null and s.deadline < ${today}::date
						and s.status not in (${closedList}))::int as overdue_open,
					count(*) filter (where ${dueSql})::int as due,
					count(*) filter (where ${onTimeSql})::int as on_time,
					count(*) filter (where s.original_deadline is not null)::int as extended,
					count(*) filter (where s.replied_at is not null and s.reopened_count > 0)::int as reopened,
					percentile_cont(0.5) within group (order by ${workingDays(china(sql`s.assigned_at`), china(sql`s.replied_at`))})
						filter (where s.replied_at is not null and s.assigned_at is not null and s.replied_at >= s.assigned_at)
						as median_days
				from live s group by s.department_id
			)
			select d.*, u.name as department from d join units u on u.id = d.department_id
			order by u.sort_order nulls last, u.name, u.id`
		),
		satisfactionFigures(db, campaignId, now)
	]);
	const n = (v: unknown) => Number(v ?? 0);
	const figures = rows.map((r): DepartmentRow => {
		const s = satisfaction.byDepartment.find((x) => x.key === String(r.department_id));
		const median = r.median_days == null ? null : Math.round(Number(r.median_days) * 10) / 10;
		return {
			id: n(r.department_id),
			department: String(r.department ?? ''),
			assigned: n(r.assigned),
			answered: n(r.answered),
			overdueOpen: n(r.overdue_open),
			due: n(r.due),
			onTime: n(r.on_time),
			extended: n(r.extended),
			onTimeRate: n(r.due) ? n(r.on_time) / n(r.due) : null,
			medianReplyDays: median,
			reopened: n(r.reopened),
			reopenedRate: n(r.answered) ? n(r.reopened) / n(r.answered) : null,
			satisfied: s?.satisfied ?? 0,
			basic: s?.basic ?? 0,
			dissatisfied: s?.dissatisfied ?? 0,
			satisfactionAnswers: s?.answered ?? 0,
			satisfactionRate: s?.rate ?? null
		};
	});
	return rankDepartments(figures);
}

/**
 * What a viewer may see: every department for the report readers; a handler only their own
 * department's row (with its rank among all, which is what their assessment is).
 */
export function figuresFor(
	rows: RankedDepartment[],
	viewer: { role: string; unitId?: number | null }
): RankedDepartment[] {
	return viewer.role === 'handler' ? rows.filter((r) => r.id === viewer.unitId) : rows;
}
