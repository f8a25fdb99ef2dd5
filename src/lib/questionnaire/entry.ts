import {
	contactNameField,
	contactPhoneField,
	contactEmailField,
	fieldName,
	matrixField,
	otherField,
	rankingValue,
	type FormFields
} from './answers';
import { matrixStatements, otherOption, type Question } from './types';

/** Paper entry types closed answers as option numbers; the field that carries them. */
export const numberField = (q: Question) => `n_${q.id}`;

/**
 * The option numbers a clerk typed: "1 3", "1,3" or "1、3"; with at most nine options also "13".
 * Empty parts are dropped; parts are not checked here.
 */
export function optionNumbers(raw: string, optionCount: number): string[] {
	const parts = /[\s,，、]/.test(raw) || optionCount > 9 ? raw.split(/[\s,，、]+/) : [...raw];
	return parts.filter(Boolean);
}

/**
 * A ranking as a clerk types it: the option numbers in rank order ("3 1 2": option 3 first), read
 * into the values the form's selects post (option:place), or null when a number names no option.
 * Repeats and too many places go through as typed, so the parser refuses them with its own words.
 */
export function rankingEntry(q: Question, raw: string): string[] | null {
	const options = optionNumbers(raw, q.options.length).map((p) =>
		/^\d+$/.test(p) ? q.options[Number(p) - 1] : undefined
	);
	if (options.some((o) => !o)) return null;
	return options.map((o, i) => rankingValue(o!.id, i + 1));
}

export const TYPED_AS_NUMBERS = new Set(['single', 'multiple', 'group', 'area', 'unit']);

/**
 * Turns a clerk's keyboard entry into the form the public questionnaire would have posted:
 * "3" → the third option's id, "1 3" or "13" (with at most 9 options) → several ids. Numbers
 * that name no option are reported per question, and what was typed is kept for re-display.
 */
export function entryToForm(
	questions: Question[],
	entry: FormFields
): { form: FormData; errors: Record<string, string>; typed: Record<string, string> } {
	const form = new FormData();
	const errors: Record<string, string> = {};
	const typed: Record<string, string> = {};
	const text = (name: string) => String(entry.get(name) ?? '').trim();
	for (const q of questions) {
		if (q.type === 'section') continue;
		if (q.type === 'contact') {
			for (const name of [contactNameField(q), contactPhoneField(q), contactEmailField(q)]) {
				typed[name] = text(name);
				form.set(name, typed[name]);
			}
			continue;
		}
		if (q.type === 'ranking') {
			typed[numberField(q)] = text(numberField(q));
			const ranked = rankingEntry(q, typed[numberField(q)]);
			if (ranked === null) errors[q.id] = 'entry_number';
			else for (const value of ranked) form.append(fieldName(q), value);
			continue;
		}
		if (q.type === 'matrix') {
			// One box per statement, the point written on paper; the parser checks the scale.
			for (const s of matrixStatements(q)) {
				const name = matrixField(q, s);
				typed[name] = text(name);
				if (typed[name]) form.set(name, typed[name]);
			}
			continue;
		}
		if (!TYPED_AS_NUMBERS.has(q.type)) {
			typed[fieldName(q)] = text(fieldName(q));
			form.set(fieldName(q), typed[fieldName(q)]);
			continue;
		}
		if (otherOption(q)) {
			// The "other" text goes through as typed; the parser checks it against the numbers.
			typed[otherField(q)] = text(otherField(q));
			form.set(otherField(q), typed[otherField(q)]);
		}
		const raw = text(numberField(q));
		typed[numberField(q)] = raw;
		if (!raw) continue;
		const picked = optionNumbers(raw, q.options.length).map((p) =>
			/^\d+$/.test(p) ? q.options[Number(p) - 1] : undefined
		);
		if (picked.some((o) => !o) || (q.type !== 'multiple' && picked.length > 1)) {
			errors[q.id] = 'entry_number';
			continue;
		}
		for (const option of picked) form.append(fieldName(q), option!.id);
	}
	return { form, errors, typed };
}
