import type { z } from 'zod';

/** Every value of a form, as strings (checkboxes as 'on'), for re-showing what was typed. */
export function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !(key in values)) values[key] = value;
	}
	return values;
}

/** First issue per field, as a message key the i18n layer translates. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? '_form');
		fields[key] ??= issue.message;
	}
	return fields;
}
