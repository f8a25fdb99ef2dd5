import { error, fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { errorTexts, messages, type Messages } from '../../i18n';
import { isId } from '../../input-checks';
import { fieldErrors, formValues } from '../../schemas/form-data';
import { ServiceError } from './errors';

export interface FormFailure {
	values: Record<string, string>;
	errors: Record<string, string>;
}

/** Secrets are never sent back to the browser with the other typed values. */
function withoutSecrets(values: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k)));
}

export async function readForm(event: RequestEvent): Promise<FormData> {
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		error(400, 'malformed form');
	}
	// PostgreSQL text cannot hold NUL (the query would fail with a 500) and no one types it: drop it.
	if (
		![...form].some(([k, v]) => k.includes('\0') || (typeof v === 'string' && v.includes('\0')))
	) {
		return form;
	}
	const clean = new FormData();
	for (const [key, value] of form) {
		const name = key.replaceAll('\0', '');
		if (typeof value === 'string') clean.append(name, value.replaceAll('\0', ''));
		else clean.append(name, value);
	}
	return clean;
}

/**
 * The shape of every form action: read → validate → run the service. Invalid input and service
 * errors come back as `fail(status, { values, errors })` with messages in the user's language and
 * every typed value kept; anything else (redirects included) propagates.
 */
export async function handleForm<S extends z.ZodType, R>(
	event: RequestEvent,
	schema: S,
	run: (input: z.output<S>, form: FormData) => Promise<R>
): Promise<R | ActionFailure<FormFailure>> {
	const form = await readForm(event);
	const values = formValues(form);
	const m = messages(event.locals.locale);
	const parsed = schema.safeParse(values);
	if (!parsed.success) {
		return fail(400, {
			values: withoutSecrets(values),
			errors: errorTexts(m, fieldErrors(parsed.error))
		});
	}
	return failOnServiceError(
		event,
		() => run(parsed.data, form),
		(e) => ({
			values: withoutSecrets(values),
			errors: errorTexts(m, Object.keys(e.fields).length ? e.fields : { _form: e.message })
		})
	);
}

/**
 * The one place a form action turns a service's typed error into its status: `fail(status, …)` in
 * the shape the page shows (with the user's `Messages` at hand); anything else — redirects, and
 * faults that handleError reports — propagates. Loads and endpoints need nothing: handleError in
 * hooks.server.ts gives a ServiceError its status there.
 */
export async function failOnServiceError<R, F extends Record<string, unknown>>(
	event: RequestEvent,
	run: () => Promise<R>,
	shape: (error: ServiceError, m: Messages) => F
): Promise<R | ActionFailure<F>> {
	try {
		return await run();
	} catch (e) {
		if (!(e instanceof ServiceError)) throw e;
		return fail(e.status, shape(e, messages(event.locals.locale)));
	}
}

/** A numeric route id, or 404. */
export function routeId(value: string): number {
	const id = Number(value);
	if (!isId(id)) error(404, 'not found');
	return id;
}
