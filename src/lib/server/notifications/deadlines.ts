import { and, isNotNull, isNull, lte, notInArray } from 'drizzle-orm';
import { CLOSED_STATUSES } from '../../domain';
import type { Database } from '../db';
import { suggestions } from '../db/schema';
import { loadCalendar } from '../suggestions/service-levels';
import { notify } from './notify';
import { handlersOf, supervisorOf } from './recipients';
import { holidayCalendar, type WorkingCalendar } from './working-days';

/** How many working days ahead "deadline near" warns (XINKAN_DEADLINE_NOTICE_DAYS, default 2). */
export function noticeDays(env: NodeJS.ProcessEnv = process.env): number {
	const n = Number(env.XINKAN_DEADLINE_NOTICE_DAYS ?? 2);
	return Number.isInteger(n) && n >= 0 && n <= 30 ? n : 2;
}

/** Today in the organisation's calendar (Asia/Shanghai), `YYYY-MM-DD`. */
export function chinaDay(now: Date): string {
	return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The daily job: each open item with a department and a deadline is "near" when its deadline is
 * at most `days` working days away (the admin's holiday calendar), and "overdue" once it has
 * passed. Both go to the department's handlers and, on a supervised item, to its leader (督办). Once per item and deadline
 * (the key names both): running twice in a day, or on two instances, adds nothing, and a new
 * deadline (an extension) warns again.
 */
export async function deadlineNotices(
	db: Database,
	options: { now?: Date; days?: number; calendar?: WorkingCalendar } = {}
): Promise<{ near: number; overdue: number }> {
	const today = chinaDay(options.now ?? new Date());
	const days = options.days ?? noticeDays();
	const calendar = options.calendar ?? holidayCalendar(await loadCalendar(db));
	// Far enough ahead for `days` working days across weekends and a long holiday.
	const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + (days * 2 + 14) * 86_400_000)
		.toISOString()
		.slice(0, 10);
	const open = await db
		.select({
			id: suggestions.id,
			title: suggestions.title,
			departmentId: suggestions.departmentId,
			deadline: suggestions.deadline,
			supervisedAt: suggestions.supervisedAt,
			supervisedBy: suggestions.supervisedBy
		})
		.from(suggestions)
		.where(
			and(
				isNull(suggestions.mergedInto),
				isNotNull(suggestions.departmentId),
				isNotNull(suggestions.deadline),
				lte(suggestions.deadline, horizon),
				notInArray(suggestions.status, [...CLOSED_STATUSES])
			)
		)
		.orderBy(suggestions.id);
	let near = 0;
	let overdue = 0;
	for (const s of open) {
		const deadline = s.deadline!;
		const to = async (tx: Database) => [
			...(await handlersOf(tx, s.departmentId)),
			...(await supervisorOf(tx, s))
		];
		if (deadline < today) {
			const n = await db.transaction(async (tx) =>
				notify(tx, {
					event: 'overdue',
					suggestion: s,
					to: await to(tx),
					key: `overdue:${s.id}:${deadline}`
				})
			);
			if (n) overdue++;
		} else if (calendar.workingDaysUntil(today, deadline) <= days) {
			const left = calendar.workingDaysUntil(today, deadline);
			const n = await db.transaction(async (tx) =>
				notify(tx, {
					event: 'deadline_near',
					suggestion: s,
					to: await to(tx),
					params: { days: String(left) },
					key: `deadline_near:${s.id}:${deadline}`
				})
			);
			if (n) near++;
		}
	}
	return { near, overdue };
}
