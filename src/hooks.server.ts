import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { chosenLocale, LARGE_TYPE_COOKIE, LOCALE_COOKIE, messages } from '$lib/i18n';
import { KEEP_INPUT_SCRIPT } from '$lib/offline/paths';
import { readSession } from '$lib/server/auth/cookies';
import { appDatabase } from '$lib/server/db';
import { isDatabaseUnavailable } from '$lib/server/db/availability';
import { publicFormPage } from '$lib/server/intake/public-form-cache';
import { ServiceError } from '$lib/server/platform/errors';
import {
	compress,
	errorStatus,
	logRequest,
	rejectNul,
	securityHeaders
} from '$lib/server/platform/http-handles';
import { replicaReads } from '$lib/server/platform/replica-reads';
import { startServer } from '$lib/server/startup';

// Per request: who is asking (the language, the session's user), in order after the plumbing every
// answer goes through (platform/http-handles.ts). What a process does before it answers is in
// startup.ts; how a failure gets its status is handleError below.

export const init: ServerInit = () => startServer();

const locale: Handle = async ({ event, resolve }) => {
	event.locals.locale = chosenLocale(event.cookies.get(LOCALE_COOKIE));
	const typeClass = event.cookies.get(LARGE_TYPE_COOKIE) === '1' ? 'large-type' : '';
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html
				.replace('%lang%', event.locals.locale)
				.replace('%xinkan.type%', typeClass)
				.replace('%xinkan.keep%', keepInputTag(html))
	});
};

/**
 * A page that starts scripts (its body holds SvelteKit's `kit.start`) loads `keep-input.js` first,
 * so what a person types before they start is not lost (src/lib/keep-input.ts); a page without
 * scripts (the public form, the login) loads nothing.
 */
function keepInputTag(html: string): string {
	return html.includes('kit.start(') ? `<script src="${KEEP_INPUT_SCRIPT}"></script>` : '';
}

/**
 * Behind a reverse proxy (ADDRESS_HEADER; README, "Behind a reverse proxy") the address the login
 * throttle and the submission and lookup limits count by comes from the proxy's header. A request
 * without it — or with fewer X-Forwarded-For addresses than XFF_DEPTH — came around the proxy:
 * adapter-node's getClientAddress throws on it, a 500 wherever a route asks. It is refused here,
 * before anything asks, with a 400 that says why. /healthz needs no address, and health checks
 * come straight to the port. The fast path leaves such requests to SvelteKit (fast-path.ts).
 */
const clientAddressCheck: Handle = async ({ event, resolve }) => {
	const header = process.env.ADDRESS_HEADER?.toLowerCase();
	if (!header) {
		warnIfProxied(event.request.headers);
		return resolve(event);
	}
	if (event.route.id === '/healthz') return resolve(event);
	let address = '';
	try {
		address = event.getClientAddress().trim();
	} catch {
		// adapter-node's refusal: the header is absent or holds too few addresses.
	}
	if (address) return resolve(event);
	return new Response(messages(event.locals.locale).errorPage.noClientAddress(header), {
		status: 400,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
};

// Once per process is enough to tell the operator; each process saying it once is fine.
let proxyWarned = false;
function warnIfProxied(headers: Headers) {
	if (proxyWarned || !headers.has('x-forwarded-for')) return;
	proxyWarned = true;
	console.warn(
		'Xinkan: requests come with X-Forwarded-For, but ADDRESS_HEADER is not set, so the client ' +
			"address is the connection's. Behind a reverse proxy that makes every client one address: " +
			'the login throttle and the submission limit then refuse everyone at once. Set ' +
			'ADDRESS_HEADER=x-forwarded-for and XFF_DEPTH (README, "Behind a reverse proxy").'
	);
}

const identity: Handle = async ({ event, resolve }) => {
	const handle = appDatabase();
	event.locals.db = handle.db;
	// The primary unless replicaReads below picks the read replica.
	event.locals.readDb = handle.db;
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
	errorStatus,
	locale,
	clientAddressCheck,
	publicFormPage,
	identity,
	replicaReads
);

/**
 * The one error path: services throw typed errors (platform/errors.ts) and here they get their
 * status (404, 403, 409, 400) for every load and endpoint, so routes never catch them; form actions
 * turn them into `fail(status)` through failOnServiceError. Nothing else is expected: an outage is
 * a 503, the rest a logged 500.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (error instanceof ServiceError) {
		event.locals.errorStatus = error.status;
		return { message: error.message, status: error.status };
	}
	if (isDatabaseUnavailable(error)) {
		event.locals.errorStatus = 503;
		console.error(`database unavailable on ${event.route.id}:`, (error as Error).message);
		return { message: 'database unavailable', status: 503 };
	}
	// Refused requests (415 non-form body, 413 too large, …) are the client's problem, not an error here.
	if (status >= 500) console.error(`error on ${event.request.method} ${event.route.id}:`, error);
	return { message: 'internal error' };
};
