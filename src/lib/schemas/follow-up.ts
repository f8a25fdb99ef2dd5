import { z } from 'zod';
import { SATISFACTION_LEVELS, STAFF_FOLLOW_UP_METHODS } from '../domain';
import { requiredId } from './fields';

const comment = z.string().trim().max(1000, 'too_long').default('');

/** A proposer's 回访 answer at /r/<code>: which suggestion, how satisfied, an optional comment. */
export const receiptFollowUpInput = z.object({
	suggestionId: requiredId,
	level: z.enum(SATISFACTION_LEVELS, 'invalid'),
	comment
});

/**
 * A follow-up staff made: how, when (a `datetime-local` value, read in China time as the rest of
 * the app's dates are), what was heard — a level, or `unreachable` — and a note.
 */
export const staffFollowUpInput = z.object({
	method: z.enum(STAFF_FOLLOW_UP_METHODS, 'invalid'),
	contactedAt: z
		.string()
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalid')
		.transform((v) => new Date(`${v}:00+08:00`))
		.refine((d) => !Number.isNaN(d.getTime()), 'invalid'),
	level: z
		.enum([...SATISFACTION_LEVELS, 'unreachable'], 'invalid')
		.transform((v) => (v === 'unreachable' ? null : v)),
	note: z.string().trim().max(2000, 'too_long').default('')
});
