import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { chosenLocale, LARGE_TYPE_COOKIE, LOCALE_COOKIE } from '$lib/i18n';
import { readSession } from '$lib/server/auth/cookies';
import { appDatabase, closeAppDatabase } from '$lib/server/db';
import { isDatabaseUnavailable } from '$lib/server/db/availability';
import { formPageVariant, servePublicForm } from '$lib/server/form-page-cache';
import { campaignsForReview } from '$lib/server/campaigns';
import { categoriserSettled, warmQueueHints } from '$lib/server/insight-service';
import { prepareDatabase } from '$lib/server/startup';
import { createFastPath, FAST_PATH_KEY } from '$lib/server/fast-path';
import { SECURITY_HEADERS } from '$lib/server/security-headers';
import { logRequest as requestLog } from '$lib/server/request-log';

// scripts/serve.mjs answers the public form's plain views and submissions with this, in front of
// SvelteKit (see fast-path.ts); XINKAN_FAST_PATH=0 sends everything through SvelteKit.
if (process.env.XINKAN_FAST_PATH !== '0') {
	(globalThis as Record<symbol, unknown>)[FAST_PATH_KEY] = createFastPath({
		db: () => appDatabase().db
	});
}

export const init: ServerInit = async () => {
	await prepareDatabase(appDatabase());
	// Train (or load) the categoriser now rather than while reviewers are working.
	await categoriserSettled(appDatabase().db);
	// And the review queue's duplicate indexes, in the background while the server already answers.
	const { list } = await campaignsForReview(appDatabase().db);
	warmQueueHints(
		appDatabase().db,
		list.filter((c) => c.latest).map((c) => c.id)
	);
	// `node build` waits for open handles; closing the pool lets SIGTERM end the process.
	process.once('sveltekit:shutdown', () => void closeAppDatabase());
};

/** One line per request (see request-log.ts). */
const logRequest: Handle = async ({ event, resolve }) => {
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
const compress: Handle = async ({ event, resolve }) => {
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
const rejectNul: Handle = async ({ event, resolve }) => {
	if (event.url.pathname.includes('\0') || event.url.search.includes('%00')) {
		return new Response('Bad request: NUL in the address', { status: 400 });
	}
	// SvelteKit throws (a 500) on an action named "default" in the query; it is only ever a bad request.
	if (event.request.method === 'POST' && event.url.searchParams.has('/default')) {
		return new Response('Bad request: post the default action to the page itself', { status: 400 });
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of SECURITY_HEADERS) response.headers.set(name, value);
	return response;
};

const locale: Handle = async ({ event, resolve }) => {
	event.locals.locale = chosenLocale(event.cookies.get(LOCALE_COOKIE));
	const typeClass = event.cookies.get(LARGE_TYPE_COOKIE) === '1' ? 'large-type' : '';
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%lang%', event.locals.locale).replace('%xinkan.type%', typeClass)
	});
};

/**
 * An error page or JSON error caused by the database being out of reach is a 503 with Retry-After,
 * not a 500: nothing is wrong with the request, and it will work again by itself. (SvelteKit renders
 * unexpected errors as 500; handleError marks the ones that are an outage.)
 */
const outageIs503: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (response.status !== 500 || !event.locals.databaseUnavailable) return response;
	const headers = new Headers(response.headers);
	headers.set('retry-after', '30');
	return new Response(response.body, { status: 503, headers });
};

/** The public form is the page everyone opens: views of it come from a rendered copy (form-page-cache). */
const publicFormPage: Handle = async ({ event, resolve }) => {
	if (
		event.request.method !== 'GET' ||
		event.route.id !== '/(public)/f/[slug]' ||
		event.url.search !== '' ||
		!event.params.slug
	) {
		return resolve(event);
	}
	const variant = formPageVariant(
		event.cookies.get(LOCALE_COOKIE),
		event.cookies.get(LARGE_TYPE_COOKIE)
	);
	return servePublicForm(event, appDatabase().db, event.params.slug, variant, resolve);
};

const identity: Handle = async ({ event, resolve }) => {
	const handle = appDatabase();
	event.locals.db = handle.db;
	event.locals.dbKind = handle.kind;
	event.locals.user = null;
	event.locals.session = null;
	// The health check must answer even when the database is down, so it skips the session lookup.
	if (event.route.id === '/healthz') return resolve(event);
	try {
		Object.assign(event.locals, await readSession(event));
	} catch (e) {
		if (isDatabaseUnavailable(e)) error(503, 'database unavailable');
		throw e;
	}
	return resolve(event);
};

export const handle = sequence(
	logRequest,
	rejectNul,
	compress,
	securityHeaders,
	outageIs503,
	locale,
	publicFormPage,
	identity
);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (isDatabaseUnavailable(error)) {
		event.locals.databaseUnavailable = true;
		console.error(`database unavailable on ${event.route.id}:`, (error as Error).message);
		return { message: 'database unavailable' };
	}
	// Refused requests (415 non-form body, 413 too large, …) are the client's problem, not an error here.
	if (status >= 500) console.error(`error on ${event.request.method} ${event.route.id}:`, error);
	return { message: 'internal error' };
};
