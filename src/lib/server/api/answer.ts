import { isHttpError, json, type RequestEvent } from '@sveltejs/kit';
import { ServiceError } from '../platform/errors';

/** Every API answer is private and current: it may hold what one token or session may read. */
export const API_HEADERS = { 'cache-control': 'no-store' };

/** The JSON an API refusal carries (`Error` in the OpenAPI document). */
export interface ApiErrorBody {
	message: string;
	/** Which query parameter was wrong, and why. */
	fields?: Record<string, string>;
}

export function apiError(status: number, message: string, fields?: Record<string, string>) {
	const body: ApiErrorBody =
		fields && Object.keys(fields).length ? { message, fields } : { message };
	return json(body, { status, headers: API_HEADERS });
}

/**
 * An API handler whose refusals are JSON whatever the caller accepts: SvelteKit renders a thrown
 * `error()` as its HTML error page to a client that prefers HTML, and a program reading the API
 * should not have to send the right `Accept` to learn why it was refused. Guards' `error(…)` and
 * services' typed errors (platform/errors.ts) become `{ message }` with their status; anything else
 * (an outage: 503 through handleError) goes on as before.
 */
export function apiRoute<E extends RequestEvent>(
	handler: (event: E) => Promise<Response>
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (e) {
			if (isHttpError(e)) return apiError(e.status, e.body.message);
			if (e instanceof ServiceError) return apiError(e.status, e.message, e.fields);
			throw e;
		}
	};
}
