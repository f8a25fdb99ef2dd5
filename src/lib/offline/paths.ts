/** Where a campaign's offline entry lives; the service worker keeps these paths and no others. */
export function entryPaths(slug: string) {
	const page = `/admin/campaigns/${encodeURIComponent(slug)}/entry`;
	return {
		page,
		kit: `${page}/offline`,
		manifest: `${page}/manifest.webmanifest`,
		queue: `${page}/queue`
	};
}

const KEPT = /^\/admin\/campaigns\/[^/]+\/entry(\/offline|\/manifest\.webmanifest)?$/;

/** The entry page, its kit and its manifest: what the service worker may keep. */
export const isOfflineEntryPath = (pathname: string) => KEPT.test(pathname);

/** The cache of those pages, emptied on signing out. */
export const ENTRY_PAGE_CACHE = 'xinkan-entry';

/**
 * The script every page that runs scripts loads first (static/keep-input.js, src/lib/keep-input.ts):
 * an app file the offline entry keeps too.
 */
export const KEEP_INPUT_SCRIPT = '/keep-input.js';

/** The app files this page has loaded so far (the service worker keeps only its own files). */
export function loadedAppFiles(): string[] {
	return performance
		.getEntriesByType('resource')
		.map((e) => new URL(e.name).pathname)
		.filter((p) => p.startsWith('/_app/') || p.endsWith('.svg') || p === KEEP_INPUT_SCRIPT);
}
