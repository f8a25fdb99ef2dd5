import { z } from 'zod';
import { isCalendarDate, isId } from '../input-checks';

// Fields more than one schema reads, each checked by the one rule in `input-checks.ts`. Messages
// are keys of the i18n `errors` table.

/** A required id: a whole number from 1 to the largest `integer` the database holds. */
export const requiredId = z.coerce.number('invalid').refine(isId, 'invalid');

/** An optional id: empty means none. */
export const optionalId = z.preprocess(
	(v) => (v === '' || v == null ? null : Number(v)),
	z.number('invalid').refine(isId, 'invalid').nullable()
);

/** An optional day YYYY-MM-DD, empty means none; a day not in the calendar is `date_format`. */
export const optionalDate = z
	.string()
	.trim()
	.transform((v) => (v === '' ? null : v))
	.pipe(z.string().refine(isCalendarDate, 'date_format').nullable());
