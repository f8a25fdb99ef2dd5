import { z } from 'zod';
import { NATURES, SUGGESTION_STATUSES } from '../domain';
import { isId } from '../input-checks';
import { oneLine, optionalDate, requiredId } from './fields';

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
	active: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())
});

/** The ids of the suggestions ticked in a list (repeated `id` fields). */
export function selectedIds(form: FormData): number[] {
	return form
		.getAll('id')
		.map((v) => Number(v))
		.filter(isId);
}
