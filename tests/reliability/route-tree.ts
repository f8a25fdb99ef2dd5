// The app's pages and form actions read off src/routes, so the abuse suite exercises every action
// there is — a new action is attacked the day it is added, without anyone listing it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROUTES = path.resolve(import.meta.dirname, '../../src/routes');

export interface RouteAction {
	/** The route as SvelteKit names it, groups dropped: `/admin/suggestions/[id]`. */
	route: string;
	/** `default` or the action's name. */
	action: string;
}

function filesNamed(dir: string, name: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return filesNamed(full, name);
		return entry.name === name ? [full] : [];
	});
}

/** `src/routes/(admin)/admin/users/[id]/+page.server.ts` → `/admin/users/[id]`. */
function routeOf(file: string): string {
	const parts = path
		.relative(ROUTES, path.dirname(file))
		.split(path.sep)
		.filter((p) => p && !/^\(.*\)$/.test(p));
	return '/' + parts.join('/');
}

/** The names in `export const actions = { … }`: each key at the object's first indentation. */
export function actionsIn(source: string): string[] {
	const start = source.indexOf('export const actions');
	if (start < 0) return [];
	const body = source.slice(start);
	const end = body.search(/^\};/m);
	return [...body.slice(0, end).matchAll(/^\t(\w+):/gm)].map((m) => m[1]);
}

/** Every form action under src/routes, in a stable order. */
export function formActions(): RouteAction[] {
	return filesNamed(ROUTES, '+page.server.ts')
		.flatMap((file) =>
			actionsIn(readFileSync(file, 'utf8')).map((action) => ({ route: routeOf(file), action }))
		)
		.sort((a, b) => `${a.route} ${a.action}`.localeCompare(`${b.route} ${b.action}`));
}

/** The address an action is posted to, with the route's parameters filled in. */
export function actionPath(a: RouteAction, params: Record<string, string>): string {
	const filled = fill(a.route, params);
	return a.action === 'default' ? filled : `${filled}?/${a.action}`;
}

/** Every address a GET can reach: pages (+page.svelte) and endpoints (+server.ts with a GET). */
export function getRoutes(): string[] {
	const pages = filesNamed(ROUTES, '+page.svelte').map(routeOf);
	const endpoints = filesNamed(ROUTES, '+server.ts')
		.filter((file) => /export (const|async function) GET\b/.test(readFileSync(file, 'utf8')))
		.map(routeOf);
	return [...new Set([...pages, ...endpoints])].sort();
}

/**
 * Every query parameter the app reads anywhere — `searchParams.get('…')` in routes and services,
 * and the services' `p.get('…')` / `params.get('…')` on a URL's search params — so each page can
 * be sent all of them at once.
 */
export function queryParameterNames(): string[] {
	const src = path.resolve(ROUTES, '..');
	const names = new Set<string>();
	for (const file of [...filesNamed(src, '+page.server.ts'), ...walkTs(src)]) {
		for (const m of readFileSync(file, 'utf8').matchAll(
			/\b(?:searchParams|p|params)\.(?:get|getAll)\('([A-Za-z_]\w*)'\)/g
		)) {
			names.add(m[1]);
		}
	}
	return [...names].sort();
}

function walkTs(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return walkTs(full);
		return /\.(ts|svelte)$/.test(entry.name) && !entry.name.includes('.spec.') ? [full] : [];
	});
}

/** A route with its parameters filled in. */
export function fill(route: string, params: Record<string, string>): string {
	return route.replace(/\[(\w+)\]/g, (_, name: string) => {
		if (!(name in params)) throw new Error(`no value for [${name}] in ${route}`);
		return params[name];
	});
}
