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
