import { z } from 'zod';

// PostgreSQL text cannot hold NUL, and no one types it: dropped, as readForm does for forms.
const text = (max: number) =>
	z
		.string()
		.max(max, 'too_long')
		.transform((s) => s.replaceAll('\0', ''));

/**
 * One paper form queued on a clerk's device (offline entry): the submission token the device gave
 * it, the questionnaire version its screen showed, and the entry form's fields as typed. Bounded
 * so a body can never hold more than a form of the largest questionnaire would.
 */
export const queuedFormInput = z.object({
	token: z.string().regex(/^[a-z2-7]{32}$/, 'invalid'),
	versionId: z.number().int().positive('invalid'),
	fields: z.array(z.tuple([text(100), text(10_000)])).max(1000, 'too_long')
});
