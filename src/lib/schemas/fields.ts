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

/**
 * What a one-line text (a title or a name, shown in lists, headings and inside sentences such as
 * 标题改为“…”) may not hold: control characters and line or paragraph separators, which make it
 * unreadable there, and the bidirectional embeddings, overrides and isolates (U+202A–202E,
 * U+2066–2069), which reverse what follows them on the line. Nobody types them; pasted at most.
 */
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** A one-line text of `min` to `max` characters after trimming (see NOT_ONE_LINE). */
export const oneLine = (max: number, min = 1) =>
	z
		.string()
		.trim()
		.min(min, 'required')
		.max(max, 'too_long')
		.refine((v) => !NOT_ONE_LINE.test(v), 'one_line');

/** A text made one line: what NOT_ONE_LINE refuses becomes a space, runs of spaces one. */
export function asOneLine(text: string): string {
	return text.replace(new RegExp(NOT_ONE_LINE.source, 'gu'), ' ').replace(/ {2,}/g, ' ').trim();
}

/** An optional day YYYY-MM-DD, empty means none; a day not in the calendar is `date_format`. */
export const optionalDate = z
	.string()
	.trim()
	.transform((v) => (v === '' ? null : v))
	.pipe(z.string().refine(isCalendarDate, 'date_format').nullable());
