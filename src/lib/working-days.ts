/*
 * China's working days: Monday to Friday, except the statutory holidays (法定节假日) the admin lists
 * as days off, plus the weekend days worked instead (调休) the admin lists as working days. Dates
 * are calendar days 'YYYY-MM-DD' (the organisation's calendar, no time zone); arithmetic runs in
 * UTC so no clock change moves a day.
 */

/** The admin's list: weekdays off and weekend days worked. */
export interface WorkCalendar {
	off: ReadonlySet<string>;
	work: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: WorkCalendar = { off: new Set(), work: new Set() };

/** The longest span counted, in days either way: a bound so no input loops for long. */
export const MAX_WORKING_DAYS = 366;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toTime(date: string): number {
	const t = ISO_DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
	if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date) {
		throw new RangeError(`not a calendar date: ${date}`);
	}
	return t;
}

const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The calendar day `days` after (or before, if negative) `date`. */
export function addCalendarDays(date: string, days: number): string {
	return toDate(toTime(date) + days * DAY_MS);
}

export function isWorkingDay(date: string, calendar: WorkCalendar = EMPTY_CALENDAR): boolean {
	if (calendar.work.has(date)) return true;
	if (calendar.off.has(date)) return false;
	const weekday = new Date(toTime(date)).getUTCDay();
	return weekday !== 0 && weekday !== 6;
}

/**
 * The deadline `days` working days after `start`: the day itself is not counted (an item routed
 * on Friday with 1 working day is due on Monday). With 0 it is `start` if that is a working day,
 * else the next one.
 */
export function addWorkingDays(
	start: string,
	days: number,
	calendar: WorkCalendar = EMPTY_CALENDAR
): string {
	if (!Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS) {
		throw new RangeError(`working days out of range: ${days}`);
	}
	let date = start;
	toTime(date);
	if (days === 0) {
		while (!isWorkingDay(date, calendar)) date = addCalendarDays(date, 1);
		return date;
	}
	let left = days;
	// A year's holidays never exceed a few weeks: this ends well within three times the span.
	for (let guard = 0; left > 0 && guard < MAX_WORKING_DAYS * 3; guard++) {
		date = addCalendarDays(date, 1);
		if (isWorkingDay(date, calendar)) left--;
	}
	if (left > 0) throw new RangeError('calendar has no working days');
	return date;
}

/**
 * Working days after `from` up to and including `to` (negative when `to` is before `from`):
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. "Due in 2 working days", "3 working days
 * overdue".
 */
export function workingDaysBetween(
	from: string,
	to: string,
	calendar: WorkCalendar = EMPTY_CALENDAR
): number {
	const a = toTime(from);
	const b = toTime(to);
	const span = Math.round(Math.abs(b - a) / DAY_MS);
	if (span > MAX_WORKING_DAYS * 3) throw new RangeError('span too long');
	const [lo, hi, sign] = a <= b ? [from, to, 1] : [to, from, -1];
	let n = 0;
	for (let d = addCalendarDays(lo, 1); d <= hi; d = addCalendarDays(d, 1)) {
		if (isWorkingDay(d, calendar)) n++;
	}
	return sign * n;
}

/** A calendar from the admin's rows. */
export function calendarOf(rows: readonly { day: string; kind: 'off' | 'work' }[]): WorkCalendar {
	return {
		off: new Set(rows.filter((r) => r.kind === 'off').map((r) => r.day)),
		work: new Set(rows.filter((r) => r.kind === 'work').map((r) => r.day))
	};
}
