import { build, files, version } from '$service-worker';
import { ENTRY_PAGE_CACHE, isOfflineEntryPath } from '$lib/offline/paths';

/*
 * Offline paper entry (issue 20). Registered by the entry page only, with that page as its scope
 * (`/admin/campaigns/<slug>/entry`): it controls no other page, so the public form and every
 * other staff page never pass through it. It keeps the app's own files, and of everything the
 * server says only the entry page and the clerk's kit (`…/entry/offline`: questionnaire, version,
 * form codes) — never a response, a suggestion or a respondent's contact.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;
const APP_CACHE = `xinkan-app-${version}`;

// Nothing is fetched ahead: the app has 2.5 MB of files and the entry page needs a fraction.
// The page names the files it runs on ('keep' below) and whatever else it loads is kept as it
// goes (`appFile`).
sw.addEventListener('install', () => void sw.skipWaiting());

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith('xinkan-app-') && key !== APP_CACHE) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

/** Network first: the server's answer when there is one (kept for later), else the kept copy. */
async function networkFirst(request: Request, path: string): Promise<Response> {
	const cache = await caches.open(ENTRY_PAGE_CACHE);
	try {
		const response = await fetch(request);
		if (response.status === 200) await cache.put(path, response.clone());
		return response;
	} catch {
		return (await cache.match(path)) ?? Response.error();
	}
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (isOfflineEntryPath(url.pathname) && !url.search) {
		event.respondWith(networkFirst(request, url.pathname));
		return;
	}
	if (isAppFile(url.pathname)) event.respondWith(appFile(request, url.pathname));
});

const isAppFile = (path: string) => build.includes(path) || files.includes(path);

/** The app's own files never change under a name (immutable, named by their hash): kept once. */
async function appFile(request: Request, path: string): Promise<Response> {
	const cache = await caches.open(APP_CACHE);
	const kept = await cache.match(path);
	if (kept) return kept;
	const response = await fetch(request);
	if (response.status === 200) await cache.put(path, response.clone());
	return response;
}

/**
 * The entry page asks for itself, its kit and the app files it runs on to be kept now: it was
 * loaded before the worker ran. Only those paths are taken, whatever the message says.
 */
sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; paths?: unknown; assets?: unknown } | null;
	if (data?.type !== 'keep' || !Array.isArray(data.paths) || !Array.isArray(data.assets)) return;
	const strings = (list: unknown[]) => list.filter((p): p is string => typeof p === 'string');
	const paths = strings(data.paths).filter(isOfflineEntryPath);
	const assets = strings(data.assets).filter(isAppFile);
	event.waitUntil(
		(async () => {
			const pages = await caches.open(ENTRY_PAGE_CACHE);
			const app = await caches.open(APP_CACHE);
			let kept = 0;
			for (const path of paths) {
				try {
					const response = await fetch(path, { credentials: 'same-origin' });
					if (response.status === 200) {
						await pages.put(path, response);
						kept++;
					}
				} catch {
					// Offline already: what was kept before stays.
				}
			}
			const missing = [];
			for (const path of assets) if (!(await app.match(path))) missing.push(path);
			let assetsKept = true;
			try {
				await app.addAll(missing);
			} catch {
				assetsKept = false;
			}
			event.ports[0]?.postMessage({ kept: assetsKept ? kept : 0, of: paths.length });
		})()
	);
});
