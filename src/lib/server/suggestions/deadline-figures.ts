import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db';
import { closedList } from './queries';

export interface OnTimeCounts {
	/** Closed items that had a deadline. */
	due: number;
	/** Of them, closed on or before it (China's calendar day). */
	onTime: number;
	/** Items whose deadline an approved extension moved (`original_deadline` kept). */
	extended: number;
	rate: number | null;
}

/**
 * The on-time rule, one place for every figure that uses it (this file, the department figures):
 * a closed item with a deadline is due; it is on time when closed on or before the deadline in
 * force — the granted one after an approved extension, else the first — on China's calendar day.
 * Written over the `suggestions` table as `s`.
 */
export const dueSql = sql`(s.deadline is not null and s.status in (${closedList}) and s.closed_at is not null)`;
export const onTimeSql = sql`(${dueSql} and (s.closed_at at time zone 'Asia/Shanghai')::date <= s.deadline)`;

/**
 * The on-time rate (按期办结率) of a campaign, in all and by department, in one statement. An item
 * counts against its deadline column: the granted one if an extension was approved (the first is
 * kept in `original_deadline`), else the one first set — a refused or pending request changes
 * nothing.
 */
export async function onTimeFigures(db: Database, campaignId: number) {
	const rows = await queryRows<{
		department_id: number | null;
		department: string | null;
		grouped: number;
		due: number;
		on_time: number;
		extended: number;
	}>(
		db,
		sql`select s.department_id, u.name as department, grouping(s.department_id, u.name) as grouped,
			count(*) filter (where ${dueSql})::int as due,
			count(*) filter (where ${onTimeSql})::int as on_time,
			count(*) filter (where s.original_deadline is not null)::int as extended
		from suggestions s left join units u on u.id = s.department_id
		where s.campaign_id = ${campaignId} and s.merged_into is null
		group by grouping sets ((), (s.department_id, u.name))
		order by grouped desc, u.name nulls last`
	);
	const counts = (r: (typeof rows)[number]): OnTimeCounts => ({
		due: Number(r.due),
		onTime: Number(r.on_time),
		extended: Number(r.extended),
		rate: Number(r.due) ? Number(r.on_time) / Number(r.due) : null
	});
	const total = rows.find((r) => Number(r.grouped) !== 0);
	return {
		total: total ? counts(total) : { due: 0, onTime: 0, extended: 0, rate: null },
		byDepartment: rows
			.filter((r) => Number(r.grouped) === 0 && r.department_id != null)
			.map((r) => ({ id: r.department_id!, department: r.department ?? '', ...counts(r) }))
	};
}
