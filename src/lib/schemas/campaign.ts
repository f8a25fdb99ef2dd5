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
		anonymous: z.enum(['true', 'false'], 'choose_anonymity').transform((v) => v === 'true')
	})
	.superRefine((c, ctx) => {
		if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) {
			ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'end_before_start' });
		}
	});

export const statusInput = z.object({ status: z.enum(CAMPAIGN_STATUSES, 'invalid') });

export type CampaignInput = z.infer<typeof campaignInput>;
