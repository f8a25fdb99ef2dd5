import type { Handle, RequestEvent, ResolveOptions } from '@sveltejs/kit';
import zlib from 'node:zlib';
import type { Availability } from '../../campaign-availability';
import { chosenLocale, LARGE_TYPE_COOKIE, LOCALE_COOKIE } from '../../i18n';
import { appDatabase, type Database } from '../db';
import type { Campaign, QuestionnaireVersion } from '../db/schema';
import { loadPublicForm, newSubmissionToken } from './public-form';

/**
 * The rendered public form, kept per address, language and type size, with a hole where the
 * one-time submission token goes. Each view gets a fresh token spliced in; everything else on the
 * page comes from the campaign and its current version, so the copy is used only while
 * `publicCampaign` still hands out the very objects it was rendered from (any campaign write
 * replaces them) and the campaign is still in the same state today (dates open and end it).
 */
interface RenderedForm {
	before: string;
	after: string;
	gzip: GzipParts;
	headers: [string, string][];
	campaign: Campaign;
	version: QuestionnaireVersion | null;
	availability: Availability;
}

const MAX_PAGES = 500;
const pages = new WeakMap<Database, Map<string, RenderedForm>>();

type Resolve = (event: RequestEvent, opts?: ResolveOptions) => Response | Promise<Response>;

/** A view of the kept page: body and headers as they go out (security headers are the hooks'). */
export interface KeptView {
	body: Uint8Array<ArrayBuffer> | string;
	headers: [string, string][];
}

/**
 * Which copy of the page a visitor gets: language and type size, from the cookies the locale hook
 * reads (an unknown language is the default one, as there).
 */
export function formPageVariant(
	localeCookie: string | undefined,
	largeTypeCookie: string | undefined
) {
	return `${chosenLocale(localeCookie)}|${largeTypeCookie === '1'}`;
}

/** The campaign as it is now, and the kept page when that page is still current. */
async function lookup(db: Database, slug: string, variant: string) {
	const key = `/f/${slug}|${variant}`;
	const current = await loadPublicForm(db, slug);
	const kept = pages.get(db)?.get(key);
	const fresh =
		kept &&
		kept.campaign === current.campaign &&
		kept.version === current.version &&
		kept.availability === current.availability
			? kept
			: null;
	return { key, current, kept: fresh };
}

function view(kept: RenderedForm, gzip: boolean): KeptView {
	const token = newSubmissionToken();
	if (gzip) {
		return {
			body: gzipWithToken(kept.gzip, token),
			headers: [...kept.headers, ['content-encoding', 'gzip'], ['vary', 'accept-encoding']]
		};
	}
	return {
		body: kept.before + token + kept.after,
		headers: [...kept.headers, ['vary', 'accept-encoding']]
	};
}

/**
 * The kept page for GET /f/<slug> with a fresh token in it, or null when there is none that is
 * current (or the campaign cannot be read): then the page must be rendered the ordinary way.
 */
export async function keptFormPage(
	db: Database,
	slug: string,
	variant: string,
	gzip: boolean
): Promise<KeptView | null> {
	try {
		const { kept } = await lookup(db, slug, variant);
		return kept ? view(kept, gzip) : null;
	} catch {
		return null;
	}
}

/**
 * Serves GET /f/<slug> (no query: a form code or other parameter always renders afresh) from the
 * copy when it is current, else renders it and keeps the result. Anything unusual (no such
 * campaign, database down, an error page, a signed-in visitor) goes the ordinary way.
 */
export async function servePublicForm(
	event: RequestEvent,
	db: Database,
	slug: string,
	variant: string,
	resolve: Resolve,
	opts?: ResolveOptions
): Promise<Response> {
	let found: Awaited<ReturnType<typeof lookup>>;
	try {
		found = await lookup(db, slug, variant);
	} catch {
		return resolve(event, opts);
	}
	const { key, current, kept } = found;
	if (kept) {
		const { body, headers } = view(kept, acceptsGzip(event.request));
		return new Response(body, { status: 200, headers });
	}
	let byKey = pages.get(db);
	if (!byKey) {
		byKey = new Map();
		pages.set(db, byKey);
	}

	const token = newSubmissionToken();
	event.locals.submissionToken = token;
	const response = await resolve(event, opts);
	const type = response.headers.get('content-type') ?? '';
	if (
		response.status !== 200 ||
		!type.startsWith('text/html') ||
		response.headers.has('set-cookie') ||
		event.locals.user
	) {
		return response;
	}
	const html = await response.text();
	const at = html.indexOf(token);
	const headers = new Headers(response.headers);
	// The body changes with every token: a length or an entity tag of this one would be wrong.
	headers.delete('content-length');
	headers.delete('etag');
	if (at >= 0 && html.indexOf(token, at + 1) < 0) {
		if (byKey.size >= MAX_PAGES) byKey.delete(byKey.keys().next().value as string);
		const before = html.slice(0, at);
		const after = html.slice(at + token.length);
		byKey.set(key, {
			before,
			after,
			gzip: gzipParts(before, after),
			headers: [...headers],
			campaign: current.campaign,
			version: current.version,
			availability: current.availability
		});
	}
	return new Response(html, { status: 200, headers });
}

// ---------------------------------------------------------------- gzip with a fresh token inside
//
// Compressing the whole 15 KB page for every view would cost more than rendering it from the copy.
// Raw deflate blocks can be joined: the part before the token is compressed once and ends with a
// full flush (nothing after it refers back into it), the token is compressed per view (also fully
// flushed), and the part after it is compressed once as a stream of its own that ends the data.
// The gzip trailer's CRC-32 runs over the whole text, continued from the cached CRC of the first part.

interface GzipParts {
	before: Buffer;
	beforeCrc: number;
	after: Buffer;
	afterBytes: Buffer;
	length: number;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

function gzipParts(before: string, after: string): GzipParts {
	const beforeBytes = Buffer.from(before);
	const afterBytes = Buffer.from(after);
	return {
		before: zlib.deflateRawSync(beforeBytes, { finishFlush: zlib.constants.Z_FULL_FLUSH }),
		beforeCrc: zlib.crc32(beforeBytes),
		after: zlib.deflateRawSync(afterBytes),
		afterBytes,
		length: beforeBytes.length + afterBytes.length
	};
}

/**
 * The page gzipped with `token` in its hole, without running zlib per view: the part before ends on
 * a full flush (byte-aligned), so the token goes in as a stored deflate block of its own (RFC 1951,
 * 3.2.4: a header byte, LEN and its complement, the bytes as they are). With a deflate stream per
 * view (a few hundred KB of native memory each), a server under c=50 form views peaked 35–40 MiB
 * higher and served a third fewer of them (README, "Memory per instance").
 */
function gzipWithToken(parts: GzipParts, token: string): Uint8Array<ArrayBuffer> {
	const tokenBytes = Buffer.from(token);
	const middle = Buffer.alloc(5 + tokenBytes.length);
	// BFINAL 0, BTYPE 00 (stored); then LEN and NLEN, little-endian.
	middle.writeUInt16LE(tokenBytes.length, 1);
	middle.writeUInt16LE(~tokenBytes.length & 0xffff, 3);
	tokenBytes.copy(middle, 5);
	const crc = zlib.crc32(parts.afterBytes, zlib.crc32(tokenBytes, parts.beforeCrc));
	const trailer = Buffer.alloc(8);
	trailer.writeUInt32LE(crc >>> 0, 0);
	trailer.writeUInt32LE((parts.length + tokenBytes.length) >>> 0, 4);
	const body = Buffer.concat([GZIP_HEADER, parts.before, middle, parts.after, trailer]);
	return new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length);
}

function acceptsGzip(request: Request): boolean {
	return /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
}

/** The hook that serves views of the public form (the page everyone opens) from its rendered copy. */
export const publicFormPage: Handle = async ({ event, resolve }) => {
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
