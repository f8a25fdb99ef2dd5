import { z } from 'zod';
import { CAMPAIGN_STATUSES } from '../domain';
import { oneLine, optionalDate } from './fields';

export const campaignInput = z
	.object({
		title: oneLine(200),
		slug: z
			.string()
			.trim()
			.toLowerCase()
			.min(2, 'required')
			.max(60, 'too_long')
			.regex(/^[a-z0-9][a-z0-9-]*$/, 'slug_chars'),
		introduction: z.string().trim().max(5000, 'too_long').default(''),
		startsOn: optionalDate,
		endsOn: optionalDate,
		// An explicit choice, never a default: an anonymous campaign stores no contact details at all,
		// and one that is not may ask for them — the organiser must mean either.
		anonymous: z.enum(['true', 'false'], 'choose_anonymity').transform((v) => v === 'true'),
		// 回访: days after a reply in which proposers may answer; left out, the stored value stays
		// (15 for a new campaign).
		followUpDays: z.preprocess(
			(v) => (v === '' || v == null ? undefined : v),
			z.coerce.number('invalid').int('invalid').min(1, 'invalid').max(365, 'invalid').optional()
		)
	})
	.superRefine((c, ctx) => {
		if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) {
			ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'end_before_start' });
		}
	});

export const statusInput = z.object({ status: z.enum(CAMPAIGN_STATUSES, 'invalid') });

export type CampaignInput = z.infer<typeof campaignInput>;
