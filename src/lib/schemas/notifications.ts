import { z } from 'zod';
import { LOCALES } from '../i18n';

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true' || v === '1');

/**
 * One's own channels on the account page: an address for each channel chosen (a mobile number
 * for SMS: the provider sends to mobiles only).
 */
export const channelChoice = z
	.object({
		email: z.string().trim().max(200, 'too_long').default(''),
		phone: z
			.string()
			.trim()
			.default('')
			.transform((v) => v.replace(/[\s-]/g, '')),
		emailOn: checkbox,
		smsOn: checkbox,
		locale: z.enum(LOCALES, 'invalid')
	})
	.superRefine((v, ctx) => {
		if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) {
			ctx.addIssue({ code: 'custom', path: ['email'], message: 'email_format' });
		} else if (v.emailOn && !v.email) {
			ctx.addIssue({ code: 'custom', path: ['email'], message: 'email_required' });
		}
		if (v.phone && !/^1\d{10}$/.test(v.phone)) {
			ctx.addIssue({ code: 'custom', path: ['phone'], message: 'mobile_format' });
		} else if (v.smsOn && !v.phone) {
			ctx.addIssue({ code: 'custom', path: ['phone'], message: 'mobile_required' });
		}
	});

/** Ids of one's own notifications to mark read, or `all`. */
export const markReadInput = z.object({
	id: z.union([z.literal('all'), z.coerce.number('invalid').int('invalid').positive('invalid')])
});

/** The admin's wording of one event in one language (placeholders checked by the service). */
export const templateInput = z.object({
	event: z.string().trim().min(1, 'invalid'),
	locale: z.enum(LOCALES, 'invalid'),
	subject: z.string().max(1000, 'too_long').default(''),
	body: z.string().max(4000, 'too_long').default(''),
	reset: z
		.string()
		.optional()
		.transform((v) => v === '1')
});

export const stopInput = z.object({});
