import { asc, eq, gte } from 'drizzle-orm';
import type { z } from 'zod';
import { localDate } from '../../campaign-availability';
import type { holidayInput } from '../../schemas/suggestion';
import { addCalendarDays, addWorkingDays, calendarOf, type WorkCalendar } from '../../working-days';
import type { Database } from '../db';
import { categories, holidays, units } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { Invalid, NotFound } from '../platform/errors';

/*
 * Routing and service levels (issue 18, item 2): a category may name a default department and a
 * number of working days; categorising an item proposes them, and the reviewer may change both
 * before assigning. Working days are China's: the admin's holiday list over weekends.
 */

/** The admin's calendar, every row: a few dozen a year, read whole. */
export async function loadCalendar(db: Database): Promise<WorkCalendar> {
	return calendarOf(await db.select({ day: holidays.day, kind: holidays.kind }).from(holidays));
}

/** The calendar's rows from a year before `today` on, for the admin page. */
export function listHolidays(db: Database, today = localDate(new Date())) {
	return db
		.select({ day: holidays.day, kind: holidays.kind, name: holidays.name })
		.from(holidays)
		.where(gte(holidays.day, addCalendarDays(today, -366)))
		.orderBy(asc(holidays.day));
}

/**
 * Adds a day to the calendar or changes it. A day off on a weekend or a working day on a weekday
 * would change nothing: refused, so the list says only what matters.
 */
export async function saveHoliday(
	db: Database,
	actorId: number,
	input: z.infer<typeof holidayInput>
): Promise<void> {
	const weekday = new Date(`${input.day}T00:00:00Z`).getUTCDay();
	const weekend = weekday === 0 || weekday === 6;
	if (input.kind === 'off' && weekend) {
		throw new Invalid('holiday_weekend', { day: 'holiday_weekend' });
	}
	if (input.kind === 'work' && !weekend) {
		throw new Invalid('workday_weekday', { day: 'workday_weekday' });
	}
	await db.transaction(async (tx) => {
		const [before] = await tx.select().from(holidays).where(eq(holidays.day, input.day));
		await tx
			.insert(holidays)
			.values(input)
			.onConflictDoUpdate({
				target: holidays.day,
				set: { kind: input.kind, name: input.name, updatedAt: new Date() }
			});
		await recordAudit(tx, {
			actorId,
			action: before ? 'holiday.update' : 'holiday.create',
			entity: 'holiday',
			entityId: input.day,
			before: before ?? null,
			after: input
		});
	});
}

export async function removeHoliday(db: Database, actorId: number, day: string): Promise<void> {
	await db.transaction(async (tx) => {
		const [before] = await tx.delete(holidays).where(eq(holidays.day, day)).returning();
		if (!before) throw new NotFound();
		await recordAudit(tx, {
			actorId,
			action: 'holiday.delete',
			entity: 'holiday',
			entityId: day,
			before
		});
	});
}

/** What categorising proposes for routing: the category's department and working-day deadline. */
export interface RoutingProposal {
	departmentId: number | null;
	deadline: string | null;
	serviceDays: number | null;
}

/**
 * The routing a category proposes on `today` (China time): its default department, if still
 * active, and the deadline `serviceDays` working days on. Null when the category proposes nothing.
 */
export async function proposeRouting(
	db: Database,
	categoryId: number | null,
	today = localDate(new Date())
): Promise<RoutingProposal | null> {
	if (categoryId == null) return null;
	const [row] = await db
		.select({
			serviceDays: categories.serviceDays,
			departmentId: categories.defaultDepartmentId,
			departmentActive: units.active
		})
		.from(categories)
		.leftJoin(units, eq(units.id, categories.defaultDepartmentId))
		.where(eq(categories.id, categoryId));
	if (!row || (row.departmentId == null && row.serviceDays == null)) return null;
	return {
		departmentId: row.departmentActive ? row.departmentId : null,
		serviceDays: row.serviceDays,
		deadline:
			row.serviceDays == null
				? null
				: addWorkingDays(today, row.serviceDays, await loadCalendar(db))
	};
}
