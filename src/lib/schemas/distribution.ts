import { z } from 'zod';
import { CHANNELS } from '../domain';
import { optionalDate, optionalId } from './fields';

export const distributionRow = z.object({
	groupId: optionalId,
	unitId: optionalId,
	areaId: optionalId,
	channel: z.enum(CHANNELS, 'invalid'),
	issued: z.coerce
		.number('issued_number')
		.int('issued_number')
		.min(0, 'issued_number')
		.max(1_000_000, 'issued_number'),
	// A day of the calendar: 2026-13-45 and 2026-02-30 are not (PostgreSQL would refuse them).
	issuedOn: optionalDate.default(null),
	note: z.string().trim().max(500, 'too_long').default('')
});

export type DistributionRowInput = z.infer<typeof distributionRow>;

export const generateCodesInput = z.object({
	count: z.coerce.number().int('invalid').min(1, 'invalid').max(5000, 'too_many_codes')
});
