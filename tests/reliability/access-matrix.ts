// Who may reach what: one expectation per page, form action and endpoint of src/routes, read off
// each route's requireRole / requireApiReader call (and its layouts' for pages). The access suite
// (access.spec.ts) walks the route tree and fails on any route that is missing here, then checks
// every entry against the running production server for every role.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROLES = [
	'anonymous',
	'admin',
	'organiser',
	'clerk',
	'reviewer',
	'handler-a',
	'handler-b',
	'leader'
] as const;
export type Who = (typeof ROLES)[number];
type StaffRole = 'organiser' | 'clerk' | 'reviewer' | 'handler' | 'leader';

/**
 * - `public`: no login needed; every role gets the `ok` status (200 unless stated).
 * - `staff`: requireRole(...roles) — anonymous → 303 /login (or 401 for the JSON API), admin and
 *   the listed roles pass, every other role → 403. `handler` covers both handler accounts.
 * - `hidden`: roles that pass the guard but must get 404 (scoping, e.g. another department's item).
 */
export type Expectation =
	| { kind: 'public'; ok?: number }
	| { kind: 'staff'; roles: StaffRole[]; api?: boolean; hidden?: Who[] };

const ALL_STAFF: StaffRole[] = ['organiser', 'clerk', 'reviewer', 'handler', 'leader'];
const CAMPAIGN_READERS: StaffRole[] = ['organiser', 'clerk', 'reviewer', 'leader'];
const REVIEW: StaffRole[] = ['reviewer', 'organiser'];
const REPORTS: StaffRole[] = ['organiser', 'reviewer', 'leader'];
// The demo asks for the unit, so a handler reads its results — their own unit's (access.spec.ts).
const RESULTS: StaffRole[] = [...REPORTS, 'handler'];
const ORG: StaffRole[] = ['organiser'];
const ADMIN_ONLY: StaffRole[] = [];

const staff = (roles: StaffRole[], extra: Partial<Expectation> = {}): Expectation =>
	({ kind: 'staff', roles, ...extra }) as Expectation;
const pub = (ok = 200): Expectation => ({ kind: 'public', ok });

/**
 * Keys: `PAGE <route id>`, `ACTION <route id> ?/<name>`, `<METHOD> <route id>` (endpoints).
 * Pages list the effective roles: the intersection of the page's and its layouts' guards.
 */
export const EXPECTED: Record<string, Expectation> = {
	// ---- public
	'PAGE /(public)': pub(),
	'PAGE /(public)/board/[slug]': pub(),
	'PAGE /(public)/f/[slug]': pub(),
	'ACTION /(public)/f/[slug] ?/default': pub(0),
	'PAGE /(public)/f/[slug]/thanks': pub(),
	'PAGE /(public)/r': pub(),
	'ACTION /(public)/r ?/default': pub(0),
	'PAGE /(public)/r/[code]': pub(),
	// 回访: the receipt code is the proof; an unknown code or suggestion is a 404, bad input 400.
	'ACTION /(public)/r/[code] ?/followUp': pub(0),
	// The proposer's stop link: the receipt code is the key; opening it changes nothing.
	'PAGE /(public)/r/[code]/stop': pub(),
	'ACTION /(public)/r/[code]/stop ?/default': pub(0),
	// The login page sends a logged-in user on to /admin (303); anonymous sees the form.
	'PAGE /(auth)/login': pub(0),
	'ACTION /(auth)/login ?/default': pub(0),
	// Single sign-on: this suite's server has none configured, so both answer the 404 page that says so.
	'PAGE /(auth)/login/sso': pub(404),
	'PAGE /(auth)/login/sso/callback': pub(404),
	'PAGE /(auth)/logout': pub(303),
	'ACTION /(auth)/logout ?/default': pub(303),
	'GET /healthz': pub(200),
	'GET /lang/[locale]': pub(303),
	'GET /prefs/large': pub(303),

	// ---- JSON API (requireApiReader: 401 anonymous)
	'GET /api/v1/campaigns/[slug]/stats': staff(REPORTS, { api: true }),
	'GET /api/v1/campaigns/[slug]/suggestions': staff(REPORTS, { api: true }),
	'GET /api/v1/campaigns/[slug]/suggestions/stats': staff(REPORTS, { api: true }),
	'GET /api/v1/campaigns/[slug]/results': staff(RESULTS, { api: true }),
	'GET /api/v1/campaigns': staff(ALL_STAFF, { api: true }),
	'GET /api/v1/campaigns/[slug]': staff(ALL_STAFF, { api: true }),
	'GET /api/v1/campaigns/[slug]/responses': staff(CAMPAIGN_READERS, { api: true }),
	'GET /api/v1/campaigns/[slug]/suggestions/[id]': staff(REPORTS, { api: true }),
	// The API's description names no data: anyone may read it.
	'GET /api/v1/openapi.json': pub(),
	'PAGE /api/v1/docs': pub(),

	// ---- back office
	'PAGE /(admin)/admin': staff(ALL_STAFF),
	'PAGE /(admin)/admin/account': staff(ALL_STAFF),
	'ACTION /(admin)/admin/account ?/password': staff(ALL_STAFF),
	'ACTION /(admin)/admin/account ?/channels': staff(ALL_STAFF),
	// Notifications: one's own inbox for every staff role; the wording and the log the admin's.
	'PAGE /(admin)/admin/notifications': staff(ALL_STAFF),
	'ACTION /(admin)/admin/notifications ?/read': staff(ALL_STAFF),
	'PAGE /(admin)/admin/notifications/log': staff(ADMIN_ONLY),
	'PAGE /(admin)/admin/notifications/templates': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/notifications/templates ?/save': staff(ADMIN_ONLY),
	'PAGE /(admin)/admin/areas': staff(ORG),
	'ACTION /(admin)/admin/areas ?/save': staff(ORG),
	'PAGE /(admin)/admin/audit': staff(ADMIN_ONLY),
	'PAGE /(admin)/admin/campaigns': staff(CAMPAIGN_READERS),
	'ACTION /(admin)/admin/campaigns ?/create': staff(ORG),
	'PAGE /(admin)/admin/campaigns/[slug]': staff(CAMPAIGN_READERS),
	'ACTION /(admin)/admin/campaigns/[slug] ?/status': staff(ORG),
	'PAGE /(admin)/admin/campaigns/[slug]/distribution': staff(ORG),
	'ACTION /(admin)/admin/campaigns/[slug]/distribution ?/save': staff(ORG),
	'ACTION /(admin)/admin/campaigns/[slug]/distribution ?/delete': staff(ORG),
	'ACTION /(admin)/admin/campaigns/[slug]/distribution ?/codes': staff(ORG),
	'ACTION /(admin)/admin/campaigns/[slug]/distribution ?/import': staff(ORG),
	'PAGE /(admin)/admin/campaigns/[slug]/distribution/[id]/print': staff(ORG),
	'PAGE /(admin)/admin/campaigns/[slug]/entry': staff(['clerk', 'organiser']),
	'ACTION /(admin)/admin/campaigns/[slug]/entry ?/default': staff(['clerk', 'organiser']),
	// Offline entry: what the clerk's device keeps, its web app manifest, and a queued form sent.
	'GET /(admin)/admin/campaigns/[slug]/entry/offline': staff(['clerk', 'organiser']),
	'GET /(admin)/admin/campaigns/[slug]/entry/manifest.webmanifest': staff(['clerk', 'organiser']),
	'POST /(admin)/admin/campaigns/[slug]/entry/queue': staff(['clerk', 'organiser']),
	'PAGE /(admin)/admin/campaigns/[slug]/questionnaire': staff(ORG),
	'ACTION /(admin)/admin/campaigns/[slug]/questionnaire ?/save': staff(ORG),
	'ACTION /(admin)/admin/campaigns/[slug]/questionnaire ?/publish': staff(ORG),
	'PAGE /(admin)/admin/campaigns/[slug]/questionnaire/versions/[version]': staff(CAMPAIGN_READERS),
	'ACTION /(admin)/admin/campaigns/[slug]/questionnaire/versions/[version] ?/restore': staff(ORG),
	'PAGE /(admin)/admin/campaigns/[slug]/responses': staff(CAMPAIGN_READERS),
	'PAGE /(admin)/admin/campaigns/[slug]/results': staff(RESULTS),
	'GET /(admin)/admin/campaigns/[slug]/responses/export.csv': staff(REPORTS),
	'GET /(admin)/admin/campaigns/[slug]/responses/export.xlsx': staff(REPORTS),
	'GET /(admin)/admin/campaigns/[slug]/results/export.xlsx': staff(RESULTS),
	'PAGE /(admin)/admin/campaigns/[slug]/results/report': staff(REPORTS),
	'PAGE /(admin)/admin/campaigns/[slug]/responses/[id]': staff(['clerk', 'organiser']),
	'ACTION /(admin)/admin/campaigns/[slug]/responses/[id] ?/default': staff(['clerk', 'organiser']),
	'PAGE /(admin)/admin/campaigns/[slug]/settings': staff(ORG),
	'ACTION /(admin)/admin/campaigns/[slug]/settings ?/default': staff(ORG),
	'PAGE /(admin)/admin/categories': staff(REVIEW),
	'ACTION /(admin)/admin/categories ?/save': staff(REVIEW),
	'PAGE /(admin)/admin/groups': staff(ORG),
	'ACTION /(admin)/admin/groups ?/save': staff(ORG),
	'PAGE /(admin)/admin/jobs': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/jobs ?/retrain': staff(ADMIN_ONLY),
	'PAGE /(admin)/admin/inbox': staff(['handler', 'reviewer', 'organiser']),
	'PAGE /(admin)/admin/reports': staff(REPORTS),
	'PAGE /(admin)/admin/reports/weekly': staff(REPORTS),
	'GET /(admin)/admin/reports/weekly/export.xlsx': staff(REPORTS),
	// A handler sees their own department's row (department-figures.spec.ts).
	'PAGE /(admin)/admin/reports/departments': staff(RESULTS),
	'GET /(admin)/admin/reports/departments/export.xlsx': staff(RESULTS),
	'PAGE /(admin)/admin/suggestions': staff(['reviewer', 'organiser', 'handler', 'leader']),
	'ACTION /(admin)/admin/suggestions ?/categorise': staff(REVIEW),
	'ACTION /(admin)/admin/suggestions ?/accept': staff(REVIEW),
	'ACTION /(admin)/admin/suggestions ?/assign': staff(REVIEW),
	'ACTION /(admin)/admin/suggestions ?/merge': staff(REVIEW),
	// [id] is a 营销部 suggestion: handler-a's department, not handler-b's.
	'PAGE /(admin)/admin/suggestions/[id]': staff(['reviewer', 'organiser', 'handler', 'leader'], {
		hidden: ['handler-b']
	}),
	'ACTION /(admin)/admin/suggestions/[id] ?/retitle': staff(REVIEW),
	'ACTION /(admin)/admin/suggestions/[id] ?/categorise': staff(REVIEW),
	'ACTION /(admin)/admin/suggestions/[id] ?/assign': staff(REVIEW),
	'ACTION /(admin)/admin/suggestions/[id] ?/status': staff(['reviewer', 'organiser', 'handler']),
	'ACTION /(admin)/admin/suggestions/[id] ?/publish': staff(REVIEW),
	'ACTION /(admin)/admin/suggestions/[id] ?/comment': staff(['reviewer', 'organiser', 'handler']),
	'ACTION /(admin)/admin/suggestions/[id] ?/followUp': staff(['reviewer', 'organiser', 'handler']),
	'ACTION /(admin)/admin/suggestions/[id] ?/unmerge': staff(REVIEW),
	'ACTION /(admin)/admin/suggestions/[id] ?/split': staff(REVIEW),
	// Handling (issue 18): the lead department's handler asks and sends back, a co-handler adds
	// progress (their department checked by the service: 404 for another's), reviewers decide
	// transfers and extensions and name co-handlers, leaders decide extensions and supervise.
	'ACTION /(admin)/admin/suggestions/[id] ?/sendBack': staff(['handler']),
	'ACTION /(admin)/admin/suggestions/[id] ?/requestTransfer': staff(['handler']),
	'ACTION /(admin)/admin/suggestions/[id] ?/requestExtension': staff(['handler']),
	'ACTION /(admin)/admin/suggestions/[id] ?/progress': staff(['handler']),
	'ACTION /(admin)/admin/suggestions/[id] ?/decide': staff([...REVIEW, 'leader']),
	'ACTION /(admin)/admin/suggestions/[id] ?/addCoHandler': staff(REVIEW),
	'ACTION /(admin)/admin/suggestions/[id] ?/removeCoHandler': staff(REVIEW),
	'ACTION /(admin)/admin/suggestions/[id] ?/supervise': staff(['leader']),
	'PAGE /(admin)/admin/supervised': staff(['reviewer', 'organiser', 'handler', 'leader']),
	'PAGE /(admin)/admin/holidays': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/holidays ?/save': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/holidays ?/remove': staff(ADMIN_ONLY),
	'PAGE /(admin)/admin/suggestions/duplicates': staff(REVIEW),
	'ACTION /(admin)/admin/suggestions/duplicates ?/default': staff(REVIEW),
	'PAGE /(admin)/admin/tokens': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/tokens ?/create': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/tokens ?/revoke': staff(ADMIN_ONLY),
	'PAGE /(admin)/admin/webhooks': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/webhooks ?/create': staff(ADMIN_ONLY),
	'PAGE /(admin)/admin/webhooks/[id]': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/webhooks/[id] ?/save': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/webhooks/[id] ?/enable': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/webhooks/[id] ?/disable': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/webhooks/[id] ?/test': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/webhooks/[id] ?/delete': staff(ADMIN_ONLY),
	'PAGE /(admin)/admin/units': staff(ORG),
	'ACTION /(admin)/admin/units ?/save': staff(ORG),
	'PAGE /(admin)/admin/users': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/users ?/create': staff(ADMIN_ONLY),
	'PAGE /(admin)/admin/users/[id]': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/users/[id] ?/update': staff(ADMIN_ONLY),
	'ACTION /(admin)/admin/users/[id] ?/password': staff(ADMIN_ONLY)
};

export interface FoundRoute {
	key: string;
	kind: 'PAGE' | 'ACTION' | 'ENDPOINT';
	routeId: string;
	method: string;
	action?: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback'];

/** The top-level keys of `export const actions = { … }` in a +page.server.ts. */
export function actionNames(source: string): string[] {
	const start = source.search(/export const actions\b/);
	if (start < 0) return [];
	const open = source.indexOf('{', source.indexOf('=', start));
	const names: string[] = [];
	let depth = 0;
	let expectKey = false;
	for (let i = open; i < source.length; i++) {
		const c = source[i];
		const two = source.slice(i, i + 2);
		if (two === '//') i = source.indexOf('\n', i);
		else if (two === '/*') i = source.indexOf('*/', i) + 1;
		else if (c === "'" || c === '"' || c === '`') {
			let j = i + 1;
			while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
			i = j;
		} else if (c === '{' || c === '(' || c === '[') {
			depth++;
			if (depth === 1) expectKey = true;
		} else if (c === '}' || c === ')' || c === ']') {
			depth--;
			if (depth === 0) break;
		} else if (depth === 1 && c === ',') expectKey = true;
		else if (depth === 1 && expectKey && /\S/.test(c)) {
			const m = /^(?:async\s+)?([A-Za-z_$][\w$]*)/.exec(source.slice(i));
			if (m) {
				names.push(m[1]);
				i += m[0].length - 1;
			}
			expectKey = false;
		}
		if (i < 0) break;
	}
	return names;
}

/** Every page, form action and endpoint under src/routes. */
export function walkRoutes(routesDir: string): FoundRoute[] {
	const found: FoundRoute[] = [];
	const visit = (dir: string) => {
		const rel = path.relative(routesDir, dir).split(path.sep).join('/');
		const routeId = '/' + rel;
		const id = routeId === '/' ? '/' : routeId;
		const files = readdirSync(dir);
		// A page is any directory with a +page file (logout has only a +page.server.ts load).
		if (files.some((f) => /^\+page(\.server)?\.(svelte|ts|js)$/.test(f))) {
			found.push({ key: `PAGE ${id}`, kind: 'PAGE', routeId: id, method: 'GET' });
		}
		if (files.includes('+page.server.ts')) {
			for (const action of actionNames(readFileSync(path.join(dir, '+page.server.ts'), 'utf8'))) {
				found.push({
					key: `ACTION ${id} ?/${action}`,
					kind: 'ACTION',
					routeId: id,
					method: 'POST',
					action
				});
			}
		}
		if (files.includes('+server.ts')) {
			const source = readFileSync(path.join(dir, '+server.ts'), 'utf8');
			for (const method of METHODS) {
				const re = new RegExp(
					`export\\s+(?:const\\s+${method}\\b|(?:async\\s+)?function\\s+${method}\\b)`
				);
				if (re.test(source)) {
					found.push({ key: `${method} ${id}`, kind: 'ENDPOINT', routeId: id, method });
				}
			}
		}
		for (const f of files) {
			const full = path.join(dir, f);
			if (statSync(full).isDirectory()) visit(full);
		}
	};
	visit(routesDir);
	return found;
}

export interface Params {
	slug: string;
	locale: string;
	code: string;
	suggestionId: number;
	responseId: number;
	distributionId: number;
	userId: number;
	webhookId: number;
}

/** A concrete address for a route id: groups dropped, parameters filled with existing rows. */
export function urlFor(routeId: string, p: Params): string {
	const segments = routeId.split('/').filter((s) => s && !/^\(.*\)$/.test(s));
	const out: string[] = [];
	for (const s of segments) {
		const prev = out[out.length - 1] ?? '';
		if (s === '[slug]') out.push(p.slug);
		else if (s === '[locale]') out.push(p.locale);
		else if (s === '[code]') out.push(p.code);
		else if (s === '[version]') out.push('1');
		else if (s === '[id]') {
			const id =
				prev === 'suggestions'
					? p.suggestionId
					: prev === 'responses'
						? p.responseId
						: prev === 'distribution'
							? p.distributionId
							: prev === 'users'
								? p.userId
								: prev === 'webhooks'
									? p.webhookId
									: null;
			if (id === null) throw new Error(`no value for [id] after ${prev} in ${routeId}`);
			out.push(String(id));
		} else if (s.startsWith('[')) throw new Error(`no value for ${s} in ${routeId}`);
		else out.push(s);
	}
	let url = '/' + out.join('/');
	// The thanks page only exists for a receipt of that campaign.
	if (routeId.endsWith('/thanks')) url += `?r=${p.code}`;
	return url;
}

/**
 * Page content, not just status: who finds a respondent's contact phone in the answer. The suite
 * gives one response on a 营销部 suggestion a known phone number (`{contactResponseId}`, its
 * receipt code `{contactCode}`); every role opens each address and the phone must appear for the
 * roles listed and for no other (roles.ts → canSeeContact). The XLSX export is the CSV's data
 * zipped, so the CSV stands for both.
 */
export const CONTACT_CONTENT: { url: string; sees: Who[] }[] = [
	{ url: '/admin/campaigns/{slug}/responses/{contactResponseId}', sees: ['admin', 'organiser'] },
	{ url: '/admin/campaigns/{slug}/responses/export.csv', sees: ['admin', 'organiser'] },
	// The respondent left contact details on a non-anonymous campaign: consent, for 营销部 only.
	{ url: '/admin/suggestions/{suggestionId}', sees: ['admin', 'organiser', 'handler-a'] },
	{ url: '/api/v1/campaigns/{slug}/suggestions', sees: [] },
	{ url: '/board/{slug}', sees: [] },
	{ url: '/r/{contactCode}', sees: [] }
];
