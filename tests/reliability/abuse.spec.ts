// Input abuse against the production server (PGlite in a temp folder, demo loaded): every public
// endpoint and form action gets malformed, missing, over-long, oversized, badly encoded and
// mistyped input and must answer 4xx (or a legitimate 303), never 5xx — and nothing is stored.
// Rows are counted by opening the PGlite folder before the server starts and after it stops.
// Then stored <script> and javascript: text must stay inert on every page that shows it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, startServer, type RunningServer } from '../../scripts/server-process';
import { openDatabase, queryRows } from '../../src/lib/server/db/client';
import { prepareDatabase } from '../../src/lib/server/startup';
import {
	demoAnswers,
	encodeForm,
	formHeaders,
	type HttpResponse,
	keepAliveAgent,
	logInOver,
	randomToken,
	receiptOf,
	request
} from './http';
import { LOCALE_COOKIE } from '../../src/lib/i18n';
import { actionPath, fill, formActions, getRoutes, queryParameterNames } from './route-tree';

const SLUG = 'liuyang-2014';
const PASSWORD = 'abuse-suite-password';
const SCRIPT = '<script>alert(1)</script>';
const JS_URL = 'javascript:alert(1)';

/** Tables no rejected request may touch: compared row by row (md5 of every row) before and after. */
const GUARDED = [
	'units',
	'areas',
	'respondent_groups',
	'users',
	'campaigns',
	'questionnaire_versions',
	'distributions',
	'form_codes',
	'response_revisions',
	'api_tokens',
	'categories'
];
// `suggestions` is left out: accepted public answers (the two hostile-text ones) may create items.

async function snapshot(dataDir: string) {
	const handle = openDatabase({ dataDir });
	try {
		const result: Record<string, string> = {};
		for (const table of [...GUARDED, 'responses']) {
			const [row] = await queryRows<{ n: number; digest: string | null }>(
				handle.db,
				sql.raw(
					`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as digest from ${table} t`
				)
			);
			result[table] = `${row.n}:${row.digest}`;
		}
		const responses = await queryRows<{ id: number; token: string | null }>(
			handle.db,
			sql`select id, submission_token as token from responses`
		);
		return { tables: result, responseTokens: new Set(responses.map((r) => r.token)) };
	} finally {
		await handle.close();
	}
}

interface Payload {
	label: string;
	headers: Record<string, string>;
	body: string | Buffer;
}

const LONG = 'x'.repeat(100_000);
const FIELDS = [
	'name',
	'username',
	'password',
	'displayName',
	'role',
	'kind',
	'sortOrder',
	'title',
	'slug',
	'status',
	'questions',
	'code',
	'count',
	'id',
	'file',
	'submission_token',
	'q_group',
	'q_supply',
	'q_service',
	'q_improve',
	'q_contact_name'
];

function payloads(): Payload[] {
	const form = { 'content-type': 'application/x-www-form-urlencoded' };
	const each = (value: string) => encodeForm(FIELDS.map((f): [string, string] => [f, value]));
	const boundary = '----xinkanabuse';
	const part = (name: string, value: string, filename?: string) =>
		`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${
			filename ? `; filename="${filename}"` : ''
		}\r\n\r\n${value}\r\n`;
	return [
		{ label: 'empty body', headers: form, body: '' },
		{ label: 'missing fields', headers: form, body: 'unrelated=1' },
		{
			label: 'wrong types',
			headers: form,
			body: encodeForm([
				['sortOrder', 'NaN'],
				['count', '1e308'],
				['id', '-1'],
				['role', 'superuser'],
				['kind', '[]'],
				['status', '{"$ne":1}'],
				['questions', '{"not":"a list"}'],
				['q_supply', 'five'],
				['submission_token', '../../etc/passwd']
			])
		},
		{
			label: 'unknown option ids',
			headers: form,
			body: encodeForm([
				['q_group', 'g999'],
				['q_township', 'a999'],
				['q_supply', '9'],
				['q_service', '0'],
				['q_priorities', 'nope'],
				['role', 'owner'],
				['kind', 'galaxy'],
				['status', 'exploded']
			])
		},
		{ label: '100k-character text', headers: form, body: each(LONG) },
		{
			label: '10 MB body',
			headers: form,
			body: Buffer.concat([Buffer.from('name='), Buffer.alloc(10 * 1024 * 1024, 'a')])
		},
		{
			label: 'invalid UTF-8 bytes',
			headers: form,
			body: Buffer.concat([
				Buffer.from('name='),
				Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
				Buffer.from('&q_improve='),
				Buffer.from([0xc0, 0xaf, 0xf8, 0x88])
			])
		},
		// Under 10 characters: longer ones, control characters included, could pass as a password.
		{ label: 'control characters', headers: form, body: each('\u0001\u001b[\u007f\u2028') },
		{ label: 'NUL bytes', headers: form, body: each('a\u0000b') },
		{
			label: 'huge multipart body',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
			body: `${part('name', 'x')}${part('file', 'y'.repeat(6 * 1024 * 1024), 'big.csv')}--${boundary}--\r\n`
		},
		{
			label: 'malformed multipart',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
			body: `--${boundary}\r\nContent-Disposition: form-data\r\n\r\nno name, no end`
		},
		{
			label: 'multipart with a file where text is expected',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
			body: `${FIELDS.map((f) => part(f, '\u0000<>', 'x.bin')).join('')}--${boundary}--\r\n`
		},
		{
			label: 'duplicated field names',
			headers: form,
			body: encodeForm([
				['name', 'a'],
				['name', ''],
				['username', 'dup'],
				['username', 'dup2'],
				['sortOrder', '1'],
				['sortOrder', 'x'],
				['kind', 'bogus'],
				['kind', 'bogus2'],
				['submission_token', randomToken()],
				['submission_token', 'short'],
				['q_group', 'g1'],
				['q_group', 'g2'],
				['q_supply', '1'],
				['q_supply', '99']
			])
		},
		{
			label: 'JSON where a form is expected',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, 1])))
		},
		{ label: 'text/plain', headers: { 'content-type': 'text/plain' }, body: 'name=x' }
	];
}

interface Endpoint {
	path: string;
	admin?: boolean;
	/** Statuses besides 4xx this endpoint may legitimately answer. */
	also?: number[];
	/** A table this action legitimately adds one row to on a 200 (any 1–100 characters name a token). */
	creates?: string;
}

/**
 * What some actions need besides their address, or may answer besides 4xx. Every other action
 * under src/routes is attacked as it is (route-tree.ts reads them off the files).
 */
const SPECIAL: Record<string, Omit<Endpoint, 'path'> & { query?: string; skip?: string }> = {
	'/logout default': { skip: 'its own test below: it only ever redirects or refuses' },
	'/admin/campaigns/[slug]/distribution codes': { query: '&row=1' },
	'/admin/tokens create': { also: [200], creates: 'api_tokens' },
	'/admin/webhooks create': { also: [200], creates: 'webhook_endpoints' },
	// No fields: any body enables, disables or tests webhook 1 (when an abuse run made one).
	'/admin/webhooks/[id] enable': { also: [200] },
	'/admin/webhooks/[id] disable': { also: [200] },
	'/admin/webhooks/[id] test': { also: [200] },
	'/admin/webhooks/[id] save': { also: [200] },
	// It takes no fields, so any body is a well-formed request to undo the item's last merge.
	'/admin/suggestions/[id] unmerge': { also: [200, 303] },
	// No fields either: any body asks for a retrain, queued at most once (the job is stately).
	'/admin/jobs retrain': { also: [200] },
	// Its one field is the title: 'a\0b' is read as "ab" (NUL is dropped on reading, form-actions.ts),
	// a title like any other. Control characters and line breaks are refused (suggestion.spec.ts).
	'/admin/suggestions/[id] retitle': { also: [303] },
	// No fields either: any body is the proposer pressing "stop messages" for this receipt, which
	// stops them (once; again is the same) and redirects back to the page saying so.
	'/r/[code]/stop default': { also: [303] }
};

/** Every form action under src/routes (public, auth and admin), with [id] to fill in later. */
const ACTIONS: Endpoint[] = formActions().flatMap((a) => {
	const special = SPECIAL[`${a.route} ${a.action}`] ?? {};
	if (special.skip) return [];
	const { query = '', skip: _, ...rest } = special;
	const path = actionPath(a, {
		slug: SLUG,
		// Suggestion pages get a live item found in beforeAll; other ids are 1.
		id: a.route.startsWith('/admin/suggestions/') ? '{suggestion}' : '1',
		// The receipt page's 回访 form: a receipt whose suggestion was answered, found in beforeAll.
		code: '{receipt}',
		version: '1'
	});
	return [{ path: path + query, admin: a.route.startsWith('/admin'), ...rest }];
});

describe('input abuse against the production server', () => {
	let dataDir: string;
	let app: RunningServer | undefined;
	let cookie = '';
	let before: Awaited<ReturnType<typeof snapshot>>;
	const agent = keepAliveAgent(8);
	const xssTokens: string[] = [];
	const receipts: string[] = [];
	const created: Record<string, number> = {};
	let suggestionId = 0;
	let receiptCode = '';

	beforeAll(async () => {
		ensureBuild();
		dataDir = mkdtempSync(path.join(tmpdir(), 'xinkan-abuse-'));
		const handle = openDatabase({ dataDir });
		await prepareDatabase(handle, { XINKAN_ADMIN_PASSWORD: PASSWORD }, () => {});
		// A live item for the suggestion page's actions.
		const [item] = await queryRows<{ id: number }>(
			handle.db,
			sql`select id from suggestions where merged_into is null order by id limit 1`
		);
		suggestionId = item.id;
		const [answered] = await queryRows<{ code: string }>(
			handle.db,
			sql`select r.receipt_code as code from responses r
				join suggestion_items i on i.response_id = r.id
				join suggestions s on s.id = i.suggestion_id
				where s.status in ('resolved', 'planned', 'not_adopted') order by r.id limit 1`
		);
		receiptCode = answered.code;
		await handle.close();
		before = await snapshot(dataDir);
		app = await startServer({
			XINKAN_DATA_DIR: dataDir,
			XINKAN_ADMIN_PASSWORD: PASSWORD,
			XINKAN_SUBMIT_LIMIT: '100000',
			// Hostile lookups are misses; the receipt pages checked afterwards must still answer.
			XINKAN_LOOKUP_LIMIT: '100000'
		});
		cookie = await logInOver(app.origin, 'admin', PASSWORD, agent);
	}, 90_000);

	afterAll(async () => {
		agent.destroy();
		await app?.stop();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	});

	async function send(url: string, options: Parameters<typeof request>[1]): Promise<string> {
		try {
			const response = await request(url, { timeoutMs: 20_000, ...options });
			return describeAnswer(response);
		} catch (e) {
			// A server may close the connection while a refused oversized body is still uploading.
			const code = (e as { code?: string }).code ?? (e as Error).message;
			return `connection closed (${code})`;
		}
	}

	function describeAnswer(response: HttpResponse): string {
		const type = String(response.headers['content-type'] ?? '');
		const clear = response.text.trim().length > 0 || response.status === 303;
		return `${response.status}${clear ? '' : ' (empty body)'}${type ? '' : ' (no type)'}`;
	}

	it('logs in as admin (the admin actions below are exercised with a live session)', () => {
		expect(cookie).toMatch(/^xinkan_session=/);
	});

	it('attacks every form action the route tree has', () => {
		const paths = ACTIONS.map((e) => e.path);
		// A reader that found nothing would make every test below vacuous: a few it must find.
		for (const known of [
			`/f/${SLUG}`,
			'/login',
			'/admin/categories?/save',
			'/admin/suggestions?/merge',
			'/admin/suggestions/{suggestion}?/unmerge',
			`/admin/campaigns/${SLUG}/questionnaire?/publish`,
			`/admin/campaigns/${SLUG}/distribution?/codes&row=1`,
			'/r/{receipt}?/followUp'
		]) {
			expect(paths).toContain(known);
		}
		console.log(
			`abuse suite: ${ACTIONS.length} form actions × ${payloads().length} malformed bodies = ${ACTIONS.length * payloads().length} cases`
		);
	});

	for (const endpoint of ACTIONS) {
		it(`POST ${endpoint.path}: every malformed body answers 4xx with a message, never 5xx`, async () => {
			const problems: string[] = [];
			for (const payload of payloads()) {
				const headers: Record<string, string> = {
					accept: 'text/html',
					origin: app!.origin,
					...payload.headers
				};
				if (endpoint.admin) headers.cookie = cookie;
				const big = payload.body.length > 1_000_000;
				const target = endpoint.path
					.replace('{suggestion}', String(suggestionId))
					.replace('{receipt}', receiptCode);
				const answer = await send(`${app!.origin}${target}`, {
					method: 'POST',
					headers,
					body: payload.body,
					// Big bodies go on a fresh connection: the server may close it after refusing.
					agent: big ? undefined : agent
				});
				const status = Number(answer.split(' ')[0]);
				const fine =
					(status >= 400 && status < 500 && !answer.includes('(empty body)')) ||
					(endpoint.also ?? []).includes(status) ||
					(big && answer.startsWith('connection closed'));
				if (!fine) problems.push(`${payload.label}: ${answer}`);
				if (status === 200 && endpoint.creates) {
					created[endpoint.creates] = (created[endpoint.creates] ?? 0) + 1;
				}
			}
			expect(problems).toEqual([]);
		});
	}

	it('GET endpoints with hostile parameters answer 2xx/3xx/4xx, never 5xx, and never redirect off-site', async () => {
		const o = app!.origin;
		const gets: [string, Record<string, string>?][] = [
			[`/r/${'A'.repeat(5000)}`],
			['/r/%00%01'],
			['/r/%3Cscript%3E'],
			['/r/..%2F..%2Fetc%2Fpasswd'],
			[`/f/${SLUG}?c=%00`],
			[`/f/${SLUG}?c=${'9'.repeat(5000)}`],
			[`/f/${SLUG}?c=%3Cscript%3Ealert(1)%3C%2Fscript%3E`],
			[`/f/${SLUG}?c=%FF%FE`],
			[`/f/${'x'.repeat(3000)}`],
			['/f/%00'],
			[`/f/${SLUG}/thanks?r=%00`],
			['/lang/xx'],
			['/lang/%00'],
			['/lang/en?next=javascript:alert(1)'],
			['/lang/en?next=//evil.example/'],
			['/lang/zh-CN?next=/%5Cevil.example'],
			['/prefs/large?on=%00&next=%0d%0aSet-Cookie:%20a=b'],
			['/prefs/large?on=1&next=https://evil.example/'],
			['/healthz?x=%FF'],
			[`/api/v1/campaigns/${SLUG}/stats`],
			[`/api/v1/campaigns/${SLUG}/stats`, { authorization: 'Bearer garbage' }],
			[`/api/v1/campaigns/${SLUG}/stats`, { authorization: `Bearer ${'a'.repeat(8000)}` }],
			[`/api/v1/campaigns/${SLUG}/stats`, { authorization: 'Basic %00' }],
			[`/api/v1/campaigns/nope/stats`, { authorization: 'Bearer x' }],
			[`/api/v1/campaigns/${'%00'.repeat(10)}/stats`]
		];
		const problems: string[] = [];
		for (const [target, headers] of gets) {
			const response = await request(`${o}${target}`, { headers, agent, timeoutMs: 20_000 });
			const location = String(response.headers.location ?? '');
			if (response.status >= 500) problems.push(`${target}: ${response.status}`);
			const offSite = !location.startsWith('/') || location.startsWith('//');
			if (location && (offSite || /[\r\n]/.test(location))) {
				problems.push(`${target}: redirects to ${location}`);
			}
			if (response.text.includes(SCRIPT)) problems.push(`${target}: reflects a live <script>`);
		}
		// The stats API refuses without a valid token or session, as JSON.
		const api = await request(`${o}/api/v1/campaigns/${SLUG}/stats`, {
			headers: { authorization: 'Bearer garbage' },
			agent
		});
		expect(api.status).toBe(401);
		expect(problems).toEqual([]);
	});

	it('every page and endpoint of the route tree, sent every query parameter the app reads with hostile values, never answers 5xx nor redirects off-site', async () => {
		const o = app!.origin;
		const names = queryParameterNames();
		// A reader that found nothing would make this vacuous.
		for (const known of ['campaign', 'week', 'from', 'to', 'department', 'next', 'page', 'q']) {
			expect(names).toContain(known);
		}
		const VALUES = [
			'',
			'-1',
			'0',
			'99999999999',
			'1e308',
			'2024-02-30',
			'2024-99-99',
			'/%09/evil.example',
			'//evil.example',
			'%3Cscript%3Ealert(1)%3C%2Fscript%3E',
			'%FF%FE',
			'[]',
			// Long, yet all of them together stay under Node's 16 KB limit for the request line.
			'x'.repeat(200)
		];
		const routes = getRoutes().filter((r) => !r.startsWith('/lang') && r !== '/logout');
		const problems: string[] = [];
		let cases = 0;
		for (const route of routes) {
			const address = fill(route, {
				slug: SLUG,
				id: route.startsWith('/admin/suggestions/') ? String(suggestionId) : '1',
				code: 'ABCD1234',
				locale: 'en',
				version: '1'
			});
			for (const [i, value] of VALUES.entries()) {
				const query = names.map((n) => `${n}=${value}`).join('&');
				// Both languages: every other value in English.
				const cookies = [i % 2 ? `${LOCALE_COOKIE}=en` : `${LOCALE_COOKIE}=zh-CN`];
				if (route.startsWith('/admin') || route.startsWith('/api')) cookies.push(cookie);
				const headers: Record<string, string> = { accept: 'text/html', cookie: cookies.join('; ') };
				const response = await request(`${o}${address}?${query}`, {
					headers,
					agent,
					timeoutMs: 30_000
				});
				cases++;
				const location = String(response.headers.location ?? '');
				if (response.status >= 500) {
					problems.push(`${address} ${value.slice(0, 20)}: ${response.status}`);
				}
				if (
					location &&
					(!location.startsWith('/') || location.startsWith('//') || /[\r\n\t\\]/.test(location))
				) {
					problems.push(`${address} ${value.slice(0, 20)}: redirects to ${location}`);
				}
				if (response.text.includes(SCRIPT)) problems.push(`${address}: reflects a live <script>`);
			}
		}
		console.log(
			`abuse suite: ${routes.length} pages and endpoints × ${VALUES.length} hostile values in ${names.length} query parameters, in Chinese and English by turns = ${cases} GET cases`
		);
		expect(problems).toEqual([]);
	}, 300_000);

	it('POST /logout with hostile bodies only ever redirects or refuses', async () => {
		const problems: string[] = [];
		for (const payload of payloads()) {
			const answer = await send(`${app!.origin}/logout`, {
				method: 'POST',
				headers: { accept: 'text/html', origin: app!.origin, ...payload.headers },
				body: payload.body,
				agent: payload.body.length > 1_000_000 ? undefined : agent
			});
			const status = Number(answer.split(' ')[0]);
			const big = payload.body.length > 1_000_000 && answer.startsWith('connection closed');
			if (!(big || status === 303 || (status >= 400 && status < 500))) {
				problems.push(`${payload.label}: ${answer}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('stores hostile text from the public form as plain text', async () => {
		for (const [suggestion, name] of [
			[`${SCRIPT} 停电通知 ${JS_URL}`, JS_URL],
			[`<img src=x onerror=alert(1)> ${JS_URL}`, SCRIPT]
		]) {
			const token = randomToken();
			const answers = demoAnswers(token, suggestion) as [string, string][];
			const fields = answers.map(([k, v]): [string, string] => [
				k,
				k === 'q_contact_name' ? name : v
			]);
			const response = await request(`${app!.origin}/f/${SLUG}`, {
				method: 'POST',
				headers: formHeaders(app!.origin),
				body: encodeForm(fields),
				agent
			});
			expect(response.status).toBe(303);
			receipts.push(receiptOf(response)!);
			xssTokens.push(token);
		}
		expect(receipts.every(Boolean)).toBe(true);
	});

	describe.each(['zh-CN', 'en'])('stored hostile text stays inert (%s)', (locale) => {
		const inert = (html: string, where: string, shown: boolean) => {
			expect(html, `${where}: a live <script>`).not.toContain(SCRIPT);
			expect(html, `${where}: a live <img onerror>`).not.toMatch(/<img src=x onerror/i);
			expect(html, `${where}: a javascript: link`).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
			// Svelte escapes `<` and `&` in text; `>` may stay as it is.
			if (shown) {
				expect(html, `${where}: the escaped text`).toMatch(
					/&lt;script(&gt;|>)alert\(1\)&lt;\/script/
				);
			}
		};
		const get = (target: string, admin = false) =>
			request(`${app!.origin}${target}`, {
				headers: {
					cookie: [`xinkan_lang=${locale}`, admin ? cookie : ''].filter(Boolean).join('; ')
				},
				agent
			});

		it('on the thanks and receipt pages', async () => {
			for (const code of receipts) {
				const thanks = await get(`/f/${SLUG}/thanks?r=${code}`);
				expect(thanks.status).toBe(200);
				inert(thanks.text, 'thanks page', false);
				const receipt = await get(`/r/${code}`);
				expect(receipt.status).toBe(200);
				inert(receipt.text, 'receipt page', false);
			}
		});

		it('on the admin responses list and the response correction page', async () => {
			const list = await get(`/admin/campaigns/${SLUG}/responses`, true);
			expect(list.status).toBe(200);
			inert(list.text, 'responses list', true);
			const ids = [...list.text.matchAll(/\/responses\/(\d+)"/g)].map((m) => m[1]);
			expect(ids.length).toBeGreaterThanOrEqual(2);
			for (const id of ids.slice(0, 2)) {
				const page = await get(`/admin/campaigns/${SLUG}/responses/${id}`, true);
				expect(page.status).toBe(200);
				inert(page.text, `correction page ${id}`, true);
			}
		});

		it('in the CSV and XLSX exports, served as downloads', async () => {
			const csv = await get(`/admin/campaigns/${SLUG}/responses/export.csv`, true);
			expect(csv.status).toBe(200);
			expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
			expect(String(csv.headers['content-disposition'])).toMatch(/^attachment/);
			expect(csv.text).toContain(SCRIPT);
			const xlsx = await get(`/admin/campaigns/${SLUG}/responses/export.xlsx`, true);
			expect(xlsx.status).toBe(200);
			expect(String(xlsx.headers['content-type'])).toMatch(/spreadsheetml/);
			expect(String(xlsx.headers['content-disposition'])).toMatch(/^attachment/);
		});
	});

	it('stored nothing for any refused request: guarded tables unchanged, only the two hostile-text responses added', async () => {
		await app!.stop();
		app = undefined;
		const after = await snapshot(dataDir);
		for (const table of GUARDED) {
			if (created[table]) {
				const count = (tables: Record<string, string>) => Number(tables[table].split(':')[0]);
				expect(count(after.tables), table).toBe(count(before.tables) + created[table]);
			} else expect(after.tables[table], table).toBe(before.tables[table]);
		}
		const added = [...after.responseTokens].filter((t) => !before.responseTokens.has(t));
		expect(added.sort()).toEqual([...xssTokens].sort());
	}, 60_000);
});
