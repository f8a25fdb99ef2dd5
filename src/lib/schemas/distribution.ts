import { z } from 'zod';
import { CHANNELS } from '../domain';

const optionalId = z.preprocess(
	(v) => (v === '' || v == null ? null : Number(v)),
	z.number().int('invalid').positive('invalid').nullable()
);

function isCalendarDay(value: string): boolean {
	const day = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

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
	issuedOn: z
		.string()
		.trim()
		.transform((v) => (v === '' ? null : v))
		.pipe(
			z
				.string()
				.regex(/^\d{4}-\d{2}-\d{2}$/, 'date_format')
				// A day of the calendar: 2026-13-45 and 2026-02-30 are not (PostgreSQL would refuse them).
				.refine((v) => isCalendarDay(v), 'date_format')
				.nullable()
		)
		.default(null),
	note: z.string().trim().max(500, 'too_long').default('')
});

export type DistributionRowInput = z.infer<typeof distributionRow>;

export const generateCodesInput = z.object({
	count: z.coerce.number().int('invalid').min(1, 'invalid').max(5000, 'too_many_codes')
});
