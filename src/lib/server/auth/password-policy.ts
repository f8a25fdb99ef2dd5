import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../schemas/admin';
import { Invalid } from '../platform/errors';
import { COMMON_PASSWORDS } from './common-passwords';

/** What is wrong with a password, as an error key of the i18n `errors` table. */
export type PasswordProblem =
	'password_too_short' | 'too_long' | 'password_has_username' | 'password_common';

/**
 * The one password policy, applied wherever a password is set (an admin creating or resetting an
 * account, the CLI, a user changing their own, the demo admin's from XINKAN_ADMIN_PASSWORD): at
 * least PASSWORD_MIN_LENGTH characters, not the username nor containing it, not in the list of
 * common passwords. Both comparisons ignore letter case, as guessers do.
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
	// Characters as people count them: one Chinese character or emoji is one, not two code units.
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
	if (length > PASSWORD_MAX_LENGTH) return 'too_long';
	const lower = password.toLowerCase();
	const name = username.trim().toLowerCase();
	// A two-letter username (a pinyin surname: li, wu, he) would forbid half the dictionary; those
	// are refused only as the whole password.
	if (name && (lower === name || (name.length >= 3 && lower.includes(name)))) {
		return 'password_has_username';
	}
	if (COMMON_PASSWORDS.has(lower.trim())) return 'password_common';
	return null;
}

/** Throws Invalid with the problem on `field` (the form field the password was typed in). */
export function assertPasswordAllowed(password: string, username: string, field = 'password') {
	const problem = passwordProblem(password, username);
	if (problem) throw new Invalid(problem, { [field]: problem });
}

const ADMIN_PASSWORD_PROBLEMS: Record<PasswordProblem, string> = {
	password_too_short: 'is shorter than 10 characters',
	too_long: 'is longer than 256 characters',
	password_has_username: 'contains the username "admin"',
	password_common: 'is one of the most common passwords'
};

/**
 * XINKAN_ADMIN_PASSWORD becomes the password of a new install's administrator (at start-up and by
 * `npm run db:seed:demo`), so it must pass the same policy as any other: what is wrong with it in
 * a sentence for the console, or null when it is fine or unset (a random one is then generated: 16
 * base32 characters, which the policy accepts).
 */
export function adminPasswordProblem(password: string | undefined): string | null {
	if (!password) return null;
	const problem = passwordProblem(password, 'admin');
	if (!problem) return null;
	return (
		`XINKAN_ADMIN_PASSWORD ${ADMIN_PASSWORD_PROBLEMS[problem]}. ` +
		'Choose at least 10 characters that are neither a common password nor contain "admin", ' +
		'or leave it unset to have a random password generated and shown once.'
	);
}
