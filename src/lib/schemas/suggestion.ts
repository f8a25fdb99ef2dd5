import { z } from 'zod';
import { NATURES, SUGGESTION_STATUSES } from '../domain';
import { isCalendarDate, isId } from '../input-checks';
import { oneLine, optionalDate, optionalId, requiredId } from './fields';

const optionalDay = optionalDate.default(null);
const text = (max: number) => z.string().trim().max(max, 'too_long').default('');
/** A title is one line shown on the board, in lists and in history sentences. */
const title = (min: number) => oneLine(200, min);

export const categoriseInput = z.object({
	categoryId: requiredId,
	nature: z
		.preprocess((v) => (v === '' ? null : v), z.enum(NATURES, 'invalid').nullable())
		.default(null)
});
export const assignInput = z.object({ departmentId: requiredId, deadline: optionalDay });
export const statusInput = z.object({
	status: z.enum(SUGGESTION_STATUSES, 'invalid'),
	reply: text(5000),
	plan: text(5000),
	targetDate: optionalDay,
	measures: text(5000)
});
/** The surviving suggestion of a merge: one of the selected ids, or empty for the default rule. */
const survivorId = z.preprocess(
	(v) => (v === '' || v === undefined ? null : v),
	requiredId.nullable()
);
export const mergeInput = z.object({ survivorId, title: title(0).default('') });
export const commentInput = z.object({
	text: z.string().trim().min(1, 'required').max(5000, 'too_long')
});
export const titleInput = z.object({ title: title(1) });
export const splitInput = z.object({
	itemId: requiredId,
	parts: z.string().max(10000, 'too_long')
});
export const publishInput = z.object({ published: z.enum(['true', 'false']) });
export const categoryInput = z.object({
	key: z
		.string()
		.trim()
		.min(1, 'required')
		.max(40, 'too_long')
		.regex(/^[a-z0-9_]+$/, 'key_chars'),
	nameZh: oneLine(60),
	nameEn: oneLine(60),
	sortOrder: z.coerce.number().int('invalid').min(0, 'invalid').max(9999, 'invalid').default(0),
	active: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
	/** Routing: the department proposed when an item is categorised here (empty: none). */
	defaultDepartmentId: optionalId.default(null),
	/** Service level in working days (empty: none). */
	serviceDays: z
		.preprocess(
			(v) => (v === '' || v == null ? null : Number(v)),
			z.number('invalid').int('invalid').min(1, 'invalid').max(365, 'invalid').nullable()
		)
		.default(null)
});

/** A day the admin's calendar lists: off on a weekday (节假日) or worked on a weekend (调休). */
export const holidayInput = z.object({
	day: z.string().trim().refine(isCalendarDate, 'date_format'),
	kind: z.enum(['off', 'work'], 'invalid'),
	name: oneLine(60, 0).default('')
});

// Handler actions (handling.ts): each with the reason the reviewers read.
const reason = z.string().trim().min(1, 'required').max(2000, 'too_long');
export const sendBackInput = z.object({ reason });
export const transferRequestInput = z.object({ departmentId: requiredId, reason });
export const extensionRequestInput = z.object({
	deadline: z.string().trim().refine(isCalendarDate, 'date_format'),
	reason
});
export const decisionInput = z.object({
	requestId: requiredId,
	decision: z.enum(['approve', 'refuse'], 'invalid'),
	note: text(2000)
});
export const coHandlerInput = z.object({ unitId: requiredId });
export const progressNoteInput = z.object({
	text: z.string().trim().min(1, 'required').max(5000, 'too_long')
});
export const superviseInput = z.object({
	supervised: z.enum(['true', 'false']),
	note: text(2000)
});

/** The ids of the suggestions ticked in a list (repeated `id` fields). */
export function selectedIds(form: FormData): number[] {
	return form
		.getAll('id')
		.map((v) => Number(v))
		.filter(isId);
}
