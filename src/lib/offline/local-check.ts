import { normaliseFormCode } from '../form-code';
import { parseAnswers } from '../questionnaire/answers';
import { entryToForm } from '../questionnaire/entry';
import type { Question } from '../questionnaire/types';

export interface OfflineCodes {
	/** Codes of the clerk's plan rows already used when the kit was last read. */
	used: ReadonlySet<string>;
	/** Codes of forms already waiting on this device. */
	queued: ReadonlySet<string>;
}

/** The codes the device knows of: used per the kit, and waiting in the queue (but `except`). */
export function knownCodes(
	kitCodes: { code: string; used: boolean }[],
	waiting: { token: string; code: string }[],
	except: string
): OfflineCodes {
	const queued = waiting
		.filter((e) => e.token !== except)
		.map((e) => normaliseFormCode(e.code))
		.filter((c): c is string => c !== null);
	return {
		used: new Set(kitCodes.filter((c) => c.used).map((c) => c.code)),
		queued: new Set(queued)
	};
}

/**
 * What the device can check of a form typed without a network, with the page's own parser: the
 * answers (as the server will), a code that cannot be one (its check character), a code known to
 * be used or already waiting here. Whether a code belongs to the campaign and is still free is
 * the server's to say when the form is sent. Returns the errors (field → message key) and what
 * was typed, in the shape the entry page re-shows.
 */
export function checkOffline(
	questions: Question[],
	entry: FormData,
	codes: OfflineCodes
): { errors: Record<string, string>; typed: Record<string, string>; code: string | null } {
	const { form, errors: numberErrors, typed } = entryToForm(questions, entry);
	const parsed = parseAnswers(questions, form);
	const hidden = new Set(parsed.hidden);
	const errors: Record<string, string> = { ...parsed.errors };
	for (const [id, error] of Object.entries(numberErrors)) if (!hidden.has(id)) errors[id] = error;
	const codeInput = String(entry.get('form_code') ?? '').trim();
	typed.form_code = codeInput;
	typed.channel = String(entry.get('channel') ?? 'paper');
	const code = codeInput ? normaliseFormCode(codeInput) : null;
	if (codeInput && !code) errors.form_code = 'form_code_unknown';
	else if (code && codes.used.has(code)) errors.form_code = 'form_code_entered';
	else if (code && codes.queued.has(code)) errors.form_code = 'form_code_queued';
	return { errors, typed, code };
}
