// What staff may type into a date or an id, checked the same way by the forms' schemas (browser and
// server) and by the pages that read filters from their address. A value that matches the pattern
// but names no day (2024-02-30) or overflows the database's `integer` (99999999999) would otherwise
// reach PostgreSQL and fail there, as a 500.

/** The largest value of a PostgreSQL `integer`, the type of every id column. */
export const MAX_ID = 2_147_483_647;

/**
 * A day of the calendar written YYYY-MM-DD: 2024-02-29 is one, 2024-02-30 and 2024-99-99 are not.
 * The parts must come back unchanged from `Date.UTC`, which rolls impossible days over into the
 * next month. Years before 100 are refused too (`Date.UTC` reads them as 19xx); nobody means them.
 */
export function isCalendarDate(value: string): boolean {
	const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!parts) return false;
	const [year, month, day] = parts.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/** An id the database can hold: a whole number from 1 to `MAX_ID`. */
export function isId(value: unknown): value is number {
	return Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_ID;
}

/** An id read from the address (`?department=12`): digits only and `isId`, else undefined. */
export function idParam(value: string | null | undefined): number | undefined {
	if (!value || !/^\d{1,10}$/.test(value)) return undefined;
	const id = Number(value);
	return isId(id) ? id : undefined;
}

/** A date read from the address (`?from=2024-03-01`): `isCalendarDate`, else undefined. */
export function dateParam(value: string | null | undefined): string | undefined {
	return value && isCalendarDate(value) ? value : undefined;
}
