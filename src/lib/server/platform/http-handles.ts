// The request plumbing every answer goes through (hooks.server.ts puts them in order): the log
// line, refusals of addresses no page can serve, compression, security headers, and the status of
// a failure that handleError classified.
import type { Handle } from '@sveltejs/kit';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { logRequest as requestLog } from './request-log';
import { isPrivatePath, SECURITY_HEADERS } from './security-headers';

/** One line per request (see request-log.ts). */
export const logRequest: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	requestLog(event.request.method, event.route.id, response.status, started);
	return response;
};

const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /^(text\/html|application\/json|text\/csv|text\/plain)/;

/**
 * Gzips pages and JSON (adapter-node only compresses static files): the public form must stay
 * small on weak 3G. Small bodies are left alone; compressing them costs more than it saves.
 */
export const compress: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const accepts = /\bgzip\b/.test(event.request.headers.get('accept-encoding') ?? '');
	const type = response.headers.get('content-type') ?? '';
	if (!response.body || !COMPRESSIBLE.test(type) || response.headers.has('content-encoding')) {
		return response;
	}
	// The answer depends on accept-encoding either way: a cache in between must know.
	const headers = new Headers(response.headers);
	if (!/accept-encoding/i.test(headers.get('vary') ?? '')) {
		headers.append('vary', 'accept-encoding');
	}
	if (!accepts) return new Response(response.body, { status: response.status, headers });
	const body = Buffer.from(await response.arrayBuffer());
	if (body.length < 1024) return new Response(body, { status: response.status, headers });
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	return new Response(await gzip(body), { status: response.status, headers });
};

/** A NUL in the address can reach no page, and PostgreSQL would fail on it: refuse it up front. */
export const rejectNul: Handle = async ({ event, resolve }) => {
	if (event.url.pathname.includes('\0') || event.url.search.includes('%00')) {
		return new Response('Bad request: NUL in the address', { status: 400 });
	}
	// SvelteKit throws (a 500) on an action named "default" in the query; it is only ever a bad request.
	if (event.request.method === 'POST' && event.url.searchParams.has('/default')) {
		return new Response('Bad request: post the default action to the page itself', { status: 400 });
	}
	return resolve(event);
};

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of SECURITY_HEADERS) response.headers.set(name, value);
	if (isPrivatePath(event.url.pathname)) response.headers.set('cache-control', 'no-store');
	return response;
};

/**
 * A failure handleError gave a status (a service's typed error, or the database out of reach) is
 * sent with that status instead of SvelteKit's 500; an outage also says when to try again. The
 * error page shows the same status (App.Error carries it).
 */
export const errorStatus: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const status = event.locals.errorStatus;
	if (response.status !== 500 || !status) return response;
	const headers = new Headers(response.headers);
	if (status === 503) headers.set('retry-after', '30');
	return new Response(response.body, { status, headers });
};
