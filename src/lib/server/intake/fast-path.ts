import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { LARGE_TYPE_COOKIE, LOCALE_COOKIE } from '../../i18n';
import type { Database } from '../db';
import { formPageVariant, keptFormPage } from './public-form-cache';
import { NAV_FIELD, submitPublicForm } from './public-form';
import { logRequest } from '../platform/request-log';
import { SECURITY_HEADERS } from '../platform/security-headers';

/**
 * The two requests everyone makes — opening the public form and sending it — answered straight
 * from node:http, without building SvelteKit's Request and Response around them (that alone costs
 * more than the rest of a submission). Only the plain, successful case is taken here: a view of
 * the kept page, and a stored submission's redirect to its receipt. Everything else (a page not
 * yet rendered, a refused or invalid submission, an outage, a cross-site or unusual request) goes
 * to SvelteKit unchanged — with the body that was already read handed over again — so every
 * message, status and page is the one the app's routes make. `scripts/serve.mjs` puts this in
 * front of the adapter-node handler; without it (vite dev, `node build`) the routes do it all.
 */

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;
/** Takes the request and returns true, or returns false and leaves it untouched. */
export type FastPath = (
	req: IncomingMessage,
	res: ServerResponse,
	fallback: NodeHandler
) => boolean;

export const FAST_PATH_KEY = Symbol.for('xinkan.fast-path');

const FORM_PATH = /^\/f\/([a-z0-9][a-z0-9-]{0,99})$/;
const ROUTE_ID = '/(public)/f/[slug]';
/** A complete form is a few KB; anything larger is left to SvelteKit and its limits. */
const MAX_BODY = 64 * 1024;

export interface FastPathOptions {
	db: () => Database;
	env?: NodeJS.ProcessEnv;
}

export function createFastPath({ db, env = process.env }: FastPathOptions): FastPath {
	// adapter-node takes the site's origin from ORIGIN; without it, the CSRF check works from
	// headers that only SvelteKit should interpret, so form posts always go to SvelteKit.
	const origin = env.ORIGIN ? new URL(env.ORIGIN).origin : null;
	const address = clientAddress(env);

	return (req, res, fallback) => {
		const path = req.url ?? '';
		const match = FORM_PATH.exec(path);
		if (!match) return false;
		const slug = match[1];
		// Without the address the hook refuses the request (a missing proxy header): let it.
		const client = address(req);
		if (client === null) return false;
		const started = performance.now();
		const done = (status: number) => logRequest(req.method ?? '', ROUTE_ID, status, started);

		if (req.method === 'GET') {
			const cookies = parseCookies(req.headers.cookie);
			const variant = formPageVariant(cookies.get(LOCALE_COOKIE), cookies.get(LARGE_TYPE_COOKIE));
			const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
			void keptFormPage(db(), slug, variant, gzip)
				.then((view) => {
					if (!view) return fallback(req, res);
					const body = typeof view.body === 'string' ? Buffer.from(view.body) : view.body;
					res.writeHead(200, [
						...view.headers.flat(),
						...SECURITY_HEADERS.flat(),
						'content-length',
						String(body.byteLength)
					]);
					res.end(body);
					done(200);
				})
				.catch((e) => broken(e, req, res, fallback));
			return true;
		}

		if (req.method !== 'POST' || !origin || req.headers.origin !== origin) return false;
		if (!isPlainFormPost(req)) return false;

		readBody(req, (body) => {
			const text = body.toString('utf8');
			// A NUL is dropped by the route's form reader; leave such a body to it.
			if (text.includes('\0') || /%00/.test(text)) return fallback(replay(req, body), res);
			const fields = new URLSearchParams(text);
			// Next or Back on a form in pages stores nothing: the route turns the page.
			if (fields.has(NAV_FIELD)) return fallback(replay(req, body), res);
			submitPublicForm(db(), slug, fields, client)
				.then(
					(outcome) => {
						if (outcome.kind !== 'stored') return fallback(replay(req, body), res);
						const repeated = outcome.repeated ? '&repeated=1' : '';
						res.writeHead(303, [
							'location',
							`/f/${slug}/thanks?r=${outcome.receiptCode}${repeated}`,
							...SECURITY_HEADERS.flat(),
							'content-length',
							'0'
						]);
						res.end();
						done(303);
					},
					// Not found, an outage, anything else: the route says it (and tries once more).
					() => fallback(replay(req, body), res)
				)
				.catch((e) => broken(e, req, res, (r, w) => fallback(replay(r, body), w)));
		});
		return true;
	};
}

/**
 * A throw while answering (never expected) must not become an unhandled rejection, which ends
 * the process: SvelteKit answers if nothing was sent yet, else the connection is closed.
 */
function broken(error: unknown, req: IncomingMessage, res: ServerResponse, fallback: NodeHandler) {
	console.error('fast path:', error);
	if (res.headersSent) res.destroy();
	else fallback(req, res);
}

/** First value per name, decoded like the cookie package does (undecodable values kept as sent). */
export function parseCookies(header: string | undefined): Map<string, string> {
	const cookies = new Map<string, string>();
	for (const part of (header ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		const name = part.slice(0, eq).trim();
		if (!name || cookies.has(name)) continue;
		let value = part.slice(eq + 1).trim();
		if (value.startsWith('"') && value.endsWith('"') && value.length > 1) {
			value = value.slice(1, -1);
		}
		try {
			value = decodeURIComponent(value);
		} catch {
			// kept as sent
		}
		cookies.set(name, value);
	}
	return cookies;
}

/**
 * A form-encoded POST of known, small length whose sender wants the HTML page (not SvelteKit's
 * JSON answer for scripted form actions), with no query (that would name an action).
 */
function isPlainFormPost(req: IncomingMessage): boolean {
	const h = req.headers;
	const type = String(h['content-type'] ?? '').toLowerCase();
	if (!/^application\/x-www-form-urlencoded\s*(;|$)/.test(type)) return false;
	const accept = String(h.accept ?? '');
	if (!accept.includes('text/html') || accept.includes('application/json')) return false;
	if (h['transfer-encoding'] !== undefined) return false;
	const length = Number(h['content-length']);
	return Number.isInteger(length) && length > 0 && length <= MAX_BODY;
}

/**
 * The client address exactly as adapter-node's getClientAddress works it out, or null where it
 * would throw or find an empty address: such a request goes to SvelteKit, whose hook refuses it
 * with a 400 (`clientAddressCheck` in hooks.server.ts). With ADDRESS_HEADER=x-forwarded-for the
 * address is the XFF_DEPTH-th from the right — the one the trusted proxy appended, not whatever
 * the client wrote to the left of it.
 */
export function clientAddress(env: NodeJS.ProcessEnv) {
	const header = (env.ADDRESS_HEADER ?? '').toLowerCase();
	const depth = Number.parseInt(env.XFF_DEPTH ?? '1', 10);
	return (req: IncomingMessage): string | null => {
		if (!header) return req.socket.remoteAddress ?? null;
		const value = req.headers[header];
		if (value === undefined) return null;
		let address = Array.isArray(value) ? value.join(',') : value;
		if (header === 'x-forwarded-for') {
			const addresses = address.split(',');
			if (!(depth >= 1) || depth > addresses.length) return null;
			address = addresses[addresses.length - depth].trim();
		}
		return address.trim() ? address : null;
	};
}

function readBody(req: IncomingMessage, then: (body: Buffer) => void): void {
	const chunks: Buffer[] = [];
	req.on('data', (chunk: Buffer) => chunks.push(chunk));
	req.on('end', () => then(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
	// A client that goes away mid-body gets no answer; nothing was stored.
	req.on('error', () => req.destroy());
}

/**
 * The same request once more, for SvelteKit, with the body already read: the adapter reads
 * method, address, headers and socket and listens for data and end, as on the original.
 */
export function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
	const copy = Readable.from([body], { objectMode: false }) as unknown as IncomingMessage;
	return Object.assign(copy, {
		method: req.method,
		url: req.url,
		headers: req.headers,
		rawHeaders: req.rawHeaders,
		httpVersion: req.httpVersion,
		httpVersionMajor: req.httpVersionMajor,
		httpVersionMinor: req.httpVersionMinor,
		socket: req.socket,
		connection: req.socket,
		complete: true
	});
}
