/**
 * The headers sent with every answer — pages, API, the fast path (intake/fast-path.ts) and, through
 * scripts/serve.mjs, static files and /_app/* too. HSTS only when the site is served over https
 * (ORIGIN): on plain http a browser ignores it, and it would mislead.
 */
export function securityHeadersFor(env: Record<string, string | undefined>): [string, string][] {
	const headers: [string, string][] = [
		['x-content-type-options', 'nosniff'],
		['referrer-policy', 'same-origin'],
		['x-frame-options', 'DENY']
	];
	if (env.ORIGIN?.toLowerCase().startsWith('https://')) {
		headers.push(['strict-transport-security', 'max-age=31536000; includeSubDomains']);
	}
	return headers;
}

export const SECURITY_HEADERS: readonly [string, string][] = securityHeadersFor(process.env);

/**
 * scripts/serve.mjs (plain JavaScript, outside the build) sets these on every response before
 * adapter-node's static file server or SvelteKit answers, so static files carry them too.
 */
export const SECURITY_HEADERS_KEY = Symbol.for('xinkan.security-headers');
(globalThis as Record<symbol, unknown>)[SECURITY_HEADERS_KEY] = SECURITY_HEADERS;

/**
 * Staff pages, their exports and the API may hold respondents' names and phone numbers, and a
 * receipt page shows what one person wrote: no browser or proxy keeps a copy of them.
 */
export function isPrivatePath(pathname: string): boolean {
	return /^\/(admin|api|r)(\/|$)/.test(pathname) || /^\/f\/[^/]+\/thanks$/.test(pathname);
}
