import { CLERKS } from '$lib/roles';
import { messages } from '$lib/i18n';
import { requireRole } from '$lib/server/auth/guard';
import type { RequestHandler } from './$types';

/** The entry page of one campaign as an installable web app, scoped to that page alone. */
export const GET: RequestHandler = (event) => {
	requireRole(event, ...CLERKS);
	const m = messages(event.locals.locale);
	const page = `/admin/campaigns/${encodeURIComponent(event.params.slug)}/entry`;
	const manifest = {
		name: `${m.appName} · ${m.entry.title}`,
		short_name: m.entry.offline.appShortName,
		lang: event.locals.locale,
		start_url: page,
		scope: page,
		display: 'standalone',
		background_color: '#ffffff',
		theme_color: '#a3191f',
		icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' }]
	};
	return new Response(JSON.stringify(manifest), {
		headers: { 'content-type': 'application/manifest+json' }
	});
};
