import type { Handle, RequestEvent } from '@sveltejs/kit';
import { appDatabase } from '../db';
import { parseLsn } from '../db/replica';

/**
 * Where a request's reads go (`locals.readDb`, which dashboards, results, reports and the read-only
 * API use): the read replica for a GET or HEAD of a logged-in user or an API token, the primary for
 * everything else — form actions and every other write among them.
 *
 * Read-your-writes: a request that changed something (any other method that succeeded) leaves the
 * primary's WAL position in a short-lived cookie, and the same browser reads from the replica again
 * only once the replica has replayed that far. A cookie rather than per-process memory, so the next
 * request may land on any instance; forging it only moves one's own reads to the primary.
 */
export const READ_AFTER_COOKIE = 'xinkan_read_after';

export const replicaReads: Handle = async ({ event, resolve }) => {
	const replica = appDatabase().replica;
	if (!replica) return resolve(event);
	const reader = Boolean(event.locals.user) || hasBearer(event);
	const reads = event.request.method === 'GET' || event.request.method === 'HEAD';
	if (reads && reader) {
		event.locals.readDb = await replica.readDatabase(event.cookies.get(READ_AFTER_COOKIE));
		return resolve(event);
	}
	const response = await resolve(event);
	if (reads || !reader || response.status >= 400) return response;
	let position: string;
	try {
		position = await replica.primaryPosition();
	} catch {
		// Without the position this browser reads from the primary until the replica is current.
		position = 'FFFFFFFF/FFFFFFFF';
	}
	return withCookie(response, readAfterCookie(event, position, replica.maxLagMs));
};

function hasBearer(event: RequestEvent): boolean {
	return /^Bearer\s+\S+$/i.test(event.request.headers.get('authorization') ?? '');
}

/**
 * The cookie's life covers the lag allowed: a replica used for reads is at most that far behind,
 * so once it passes, the replica has replayed the write anyway.
 */
function readAfterCookie(event: RequestEvent, position: string, maxLagMs: number): string {
	const seconds = Math.max(60, Math.ceil((2 * maxLagMs) / 1000));
	const value = parseLsn(position) === null ? 'FFFFFFFF/FFFFFFFF' : position;
	const secure = event.url.protocol === 'https:' ? '; Secure' : '';
	return `${READ_AFTER_COOKIE}=${value}; Path=/; Max-Age=${seconds}; HttpOnly; SameSite=Lax${secure}`;
}

function withCookie(response: Response, cookie: string): Response {
	try {
		response.headers.append('set-cookie', cookie);
		return response;
	} catch {
		// A response with immutable headers (e.g. Response.redirect) is copied.
		const headers = new Headers(response.headers);
		headers.append('set-cookie', cookie);
		return new Response(response.body, { status: response.status, headers });
	}
}
