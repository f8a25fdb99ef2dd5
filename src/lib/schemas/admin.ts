import { z } from 'zod';
import { AREA_KINDS, ROLES, UNIT_KINDS } from '../domain';
import { oneLine, optionalId } from './fields';

// Messages are keys of the i18n `errors` table, so one schema serves both languages.
const name = oneLine(60);
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * The length rule of a new password. The rest of the policy (not the username, not a common
 * password) needs the username and a server-side list: auth/password-policy.ts, which every
 * service that sets a password applies.
 */
export const password = z
	.string()
	.min(PASSWORD_MIN_LENGTH, 'password_too_short')
	.max(PASSWORD_MAX_LENGTH, 'too_long');

export const username = z
	.string()
	.trim()
	.min(2, 'required')
	.max(40, 'too_long')
	.regex(/^[A-Za-z0-9_.-]+$/, 'username_chars');

const userFields = {
	displayName: z.string().trim().max(60, 'too_long'),
	role: z.enum(ROLES, 'invalid'),
	unitId: optionalId
};

/** Handlers act for one department: without a unit they could see nothing or everything. */
function handlerNeedsUnit(user: { role: string; unitId: number | null }, ctx: z.RefinementCtx) {
	if (user.role === 'handler' && user.unitId == null) {
		ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'handler_needs_unit' });
	}
}

export const userCreate = z
	.object({ username, password, ...userFields })
	.superRefine(handlerNeedsUnit);

export const userUpdate = z
	.object({ ...userFields, active: checkbox })
	.superRefine(handlerNeedsUnit);

export const passwordReset = z.object({ password });

/** A user changing their own password: the current one, and the new one typed twice. */
export const passwordChange = z
	.object({
		currentPassword: z.string().min(1, 'required').max(PASSWORD_MAX_LENGTH, 'too_long'),
		newPassword: password,
		confirmPassword: z.string().max(PASSWORD_MAX_LENGTH, 'too_long')
	})
	.refine((v) => v.newPassword === v.confirmPassword, {
		path: ['confirmPassword'],
		message: 'password_mismatch'
	});

export const unitInput = z.object({
	name,
	kind: z.enum(UNIT_KINDS, 'invalid'),
	parentId: optionalId,
	sortOrder: z.coerce.number().int('invalid').min(0, 'invalid').max(9999, 'invalid').default(0),
	active: checkbox
});

export const areaInput = z.object({
	name,
	kind: z.enum(AREA_KINDS, 'invalid'),
	sortOrder: z.coerce.number().int('invalid').min(0, 'invalid').max(9999, 'invalid').default(0),
	active: checkbox
});

export const groupInput = z.object({
	key: z
		.string()
		.trim()
		.min(1, 'required')
		.max(40, 'too_long')
		.regex(/^[a-z0-9_-]+$/, 'key_chars'),
	nameZh: name,
	nameEn: name,
	sortOrder: z.coerce.number().int('invalid').min(0, 'invalid').max(9999, 'invalid').default(0),
	active: checkbox
});

export const loginInput = z.object({
	username: z.string().trim().min(1, 'required').max(100, 'too_long'),
	password: z.string().min(1, 'required').max(256, 'too_long')
});

export type UserCreate = z.infer<typeof userCreate>;
export type UserUpdate = z.infer<typeof userUpdate>;
export type PasswordChange = z.infer<typeof passwordChange>;
export type UnitInput = z.infer<typeof unitInput>;
export type AreaInput = z.infer<typeof areaInput>;
export type GroupInput = z.infer<typeof groupInput>;

/** "Run now" on the job view: the button is the whole form. */
export const runJobNow = z.object({});
