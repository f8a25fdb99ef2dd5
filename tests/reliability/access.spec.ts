// Access control against the production server (PGlite in a temp folder, demo loaded, one account
// per role): every page, form action and endpoint found in src/routes × every role is checked
// against the expectation table of access-matrix.ts — a route without an entry fails, a loosened
// guard fails. Then CSRF, logout, expired sessions, the login throttle and API token revocation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, root, startServer, type RunningServer } from '../../scripts/server-process';
import { openDatabase, queryRows } from '../../src/lib/server/db/client';
import { prepareDatabase } from '../../src/lib/server/startup';
import { createUser } from '../../src/lib/server/org/users';
import {
	CONTACT_CONTENT,
	EXPECTED,
	ROLES,
	urlFor,
	walkRoutes,
	type FoundRoute,
	type Params,
	type Who
} from './access-matrix';
import { encodeForm, formHeaders, keepAliveAgent, request, sessionCookie } from './http';

const PASSWORD = 'access-suite-password';
const SLUG = 'liuyang-2014';
const ACCOUNTS: { who: Who; username: string; role: string; unit: string | null }[] = [
	{ who: 'organiser', username: 'organiser1', role: 'organiser', unit: null },
	{ who: 'clerk', username: 'clerk1', role: 'clerk', unit: null },
	{ who: 'reviewer', username: 'reviewer1', role: 'reviewer', unit: null },
	{ who: 'handler-a', username: 'handler-a', role: 'handler', unit: '营销部' },
	{ who: 'handler-b', username: 'handler-b', role: 'handler', unit: '运维检修部' },
	{ who: 'leader', username: 'leader1', role: 'leader', unit: null }
];
/** A respondent's phone and name the suite writes onto one response (see CONTACT_CONTENT). */
const CONTACT = { name: '赵测试', phone: '13698765432' };
let contact: { responseId: number; code: string };
// The server takes the client address from x-forwarded-for, so the throttle test has its own.
const ADDRESS = { 'x-forwarded-for': '10.1.0.1' };

let dataDir: string;
let app: RunningServer;
let params: Params;
const cookies = new Map<Who, string>();
const agent = keepAliveAgent(16);
const serverEnv = () => ({
	XINKAN_DATA_DIR: dataDir,
	XINKAN_ADMIN_PASSWORD: PASSWORD,
	ADDRESS_HEADER: 'x-forwarded-for',
	XFF_DEPTH: '1'
});

function get(url: string, cookie?: string, extra: Record<string, string> = {}) {
	return request(app.origin + url, {
		agent,
		headers: { accept: 'text/html', ...ADDRESS, ...(cookie ? { cookie } : {}), ...extra }
	});
}

function post(url: string, fields: Record<string, string>, cookie?: string, origin = app.origin) {
	return request(app.origin + url, {
		method: 'POST',
		agent,
		headers: formHeaders(origin, { ...ADDRESS, ...(cookie ? { cookie } : {}) }),
		body: encodeForm(fields)
	});
}

async function login(username: string, password = PASSWORD, address = ADDRESS) {
	const res = await request(app.origin + '/login', {
		method: 'POST',
		agent,
		headers: formHeaders(app.origin, address),
		body: encodeForm({ username, password })
	});
	return { res, cookie: sessionCookie(res) };
}

beforeAll(async () => {
	ensureBuild();
	dataDir = mkdtempSync(path.join(tmpdir(), 'xinkan-access-'));
	const handle = openDatabase({ dataDir });
	try {
		await prepareDatabase(handle, { XINKAN_ADMIN_PASSWORD: PASSWORD }, () => {});
		for (const a of ACCOUNTS) {
			const [unit] = a.unit
				? await queryRows<{ id: number }>(
						handle.db,
						sql`select id from units where name = ${a.unit}`
					)
				: [];
			await createUser(handle.db, null, {
				username: a.username,
				password: PASSWORD,
				displayName: a.username,
				role: a.role as 'organiser',
				unitId: unit?.id ?? null
			});
		}
		const one = async (query: ReturnType<typeof sql>) => {
			const rows = await queryRows<{ v: string | number }>(handle.db, query);
			if (!rows.length) throw new Error('demo data missing for the access suite');
			return rows[0].v;
		};
		const campaign = sql`(select id from campaigns where slug = ${SLUG})`;
		params = {
			slug: SLUG,
			locale: 'en',
			code: String(
				await one(
					sql`select receipt_code as v from responses where campaign_id = ${campaign} order by id limit 1`
				)
			),
			suggestionId: Number(
				await one(sql`select s.id as v from suggestions s join units u on u.id = s.department_id
					where u.name = '营销部' and s.merged_into is null and s.campaign_id = ${campaign}
					order by s.id limit 1`)
			),
			responseId: Number(
				await one(
					sql`select id as v from responses where campaign_id = ${campaign} order by id limit 1`
				)
			),
			distributionId: Number(
				await one(
					sql`select id as v from distributions where campaign_id = ${campaign} order by id limit 1`
				)
			),
			userId: Number(await one(sql`select id as v from users where username = 'clerk1'`)),
			webhookId: Number(
				await one(sql`insert into webhook_endpoints (url, events, secret)
					values ('https://hooks.example.org/xinkan', '{campaign.opened}', 'whsec_access')
					returning id as v`)
			)
		};
		const responseId = Number(
			await one(sql`select response_id as v from suggestion_items
				where suggestion_id = ${params.suggestionId} order by id limit 1`)
		);
		await handle.db.execute(
			sql`update responses set contact_name = ${CONTACT.name}, contact_phone = ${CONTACT.phone}
				where id = ${responseId}`
		);
		contact = {
			responseId,
			code: String(await one(sql`select receipt_code as v from responses where id = ${responseId}`))
		};
	} finally {
		await handle.close();
	}
	app = await startServer(serverEnv());
	for (const a of [{ who: 'admin' as Who, username: 'admin' }, ...ACCOUNTS]) {
		const { res, cookie } = await login(a.username);
		if (!cookie) throw new Error(`login of ${a.username} failed: ${res.status}`);
		cookies.set(a.who, cookie);
	}
}, 120_000);

afterAll(async () => {
	agent.destroy();
	await app?.stop();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const routes = walkRoutes(path.join(root, 'src/routes'));

describe('access matrix', () => {
	it('has an expectation for every page, action and endpoint in src/routes (and no stale ones)', () => {
		const keys = routes.map((r) => r.key);
		expect(keys.filter((k) => !(k in EXPECTED))).toEqual([]);
		expect(Object.keys(EXPECTED).filter((k) => !keys.includes(k))).toEqual([]);
		expect(routes.length).toBeGreaterThan(70);
	});

	it('answers every role as the table says', async () => {
		const failures: string[] = [];
		let checked = 0;
		const check = async (route: FoundRoute, who: Who) => {
			const e = EXPECTED[route.key];
			if (!e) return;
			const url = urlFor(route.routeId, params);
			let cookie = who === 'anonymous' ? undefined : cookies.get(who);
			// Logging out must not end the session the rest of the matrix uses: a throwaway one.
			if (route.key.startsWith('ACTION /(auth)/logout') && cookie) {
				const username = who === 'admin' ? 'admin' : ACCOUNTS.find((a) => a.who === who)!.username;
				cookie = (await login(username)).cookie ?? undefined;
			}
			// A default action is posted to the bare address (SvelteKit itself throws on `?/default`).
			const target =
				!route.action || route.action === 'default'
					? url
					: `${url}${url.includes('?') ? '&' : '?'}/${route.action}`;
			// Form actions and POST endpoints get an empty form; the guard answers before the body is read.
			const posted = route.kind === 'ACTION' || route.method === 'POST';
			const res = posted ? await post(target, {}, cookie) : await get(url, cookie);
			checked++;
			const status = res.status;
			const location = String(res.headers.location ?? '');
			const label = `${who} ${route.method} ${url}${
				route.action ? ` ?/${route.action}` : ''
			} → ${status}${location ? ` ${location}` : ''}`;
			const fail = (why: string): void => void failures.push(`${label}: ${why}`);
			if (status >= 500) return fail('server error');
			if (e.kind === 'public') {
				if (status === 403 || status === 401) return fail('refused on a public route');
				const ok = e.ok ?? 200;
				if (ok && status !== ok) return fail(`expected ${ok}`);
				if (route.key === 'PAGE /(auth)/login') {
					const want = who === 'anonymous' ? 200 : 303;
					if (status !== want) fail(`expected ${want}`);
				}
				return;
			}
			const roleOf = who.startsWith('handler') ? 'handler' : who;
			const allowed =
				who !== 'anonymous' && (who === 'admin' || e.roles.includes(roleOf as 'handler'));
			if (who === 'anonymous') {
				if (e.api) {
					if (status !== 401) fail('expected 401');
				} else if (status !== 303 || !location.startsWith('/login?next=')) {
					fail('expected 303 to /login');
				}
			} else if (!allowed) {
				if (status !== 403) fail('expected 403');
			} else if (e.hidden?.includes(who) && !posted) {
				if (status !== 404) fail('expected 404 (not theirs to see)');
			} else if (posted) {
				if (status === 403 || status === 401) fail('allowed role refused');
			} else if (status !== 200) {
				fail('expected 200');
			}
		};
		const jobs: (() => Promise<void>)[] = [];
		for (const route of routes) for (const who of ROLES) jobs.push(() => check(route, who));
		const workers = Array.from({ length: 8 }, async () => {
			for (let job = jobs.shift(); job; job = jobs.shift()) await job();
		});
		await Promise.all(workers);
		expect(failures).toEqual([]);
		expect(checked).toBe(routes.length * ROLES.length);
	}, 120_000);

	it('sends handler-b to 404 on a 营销部 suggestion even with a well-formed status change', async () => {
		const res = await post(
			`/admin/suggestions/${params.suggestionId}?/status`,
			{ status: 'in_progress', reply: '', plan: '', targetDate: '', measures: '' },
			cookies.get('handler-b')
		);
		expect(res.status).toBe(404);
	});
});

describe('results of a handler’s own unit', () => {
	it('gives each handler their unit’s figures only, and 403 for another unit', async () => {
		const api = `/api/v1/campaigns/${SLUG}/results`;
		const json = async (url: string, who: Who) => {
			const res = await get(url, cookies.get(who), { accept: 'application/json' });
			return { status: res.status, body: res.status === 200 ? JSON.parse(res.text) : null };
		};
		const a = await json(api, 'handler-a');
		const b = await json(api, 'handler-b');
		expect([a.status, b.status]).toEqual([200, 200]);
		const [unitA] = a.body.filter.unit as number[];
		const [unitB] = b.body.filter.unit as number[];
		expect(unitA).not.toBe(unitB);
		// The same figures an organiser gets for that unit, and fewer than the whole campaign.
		const whole = await json(api, 'organiser');
		const forA = await json(`${api}?unit=${unitA}`, 'organiser');
		expect(a.body.n).toBe(forA.body.n);
		expect(a.body.n).toBeGreaterThan(0);
		expect(a.body.n).toBeLessThan(whole.body.n);
		expect(a.body.satisfaction.byUnit.map((c: { key: string }) => c.key)).toEqual([String(unitA)]);
		for (const url of [
			`${api}?unit=${unitB}`,
			`/admin/campaigns/${SLUG}/results?unit=${unitB}`,
			`/admin/campaigns/${SLUG}/results/export.xlsx?unit=${unitB}`
		]) {
			expect((await get(url, cookies.get('handler-a'))).status, url).toBe(403);
		}
		// Their page names their unit and offers no other; the other campaign pages stay closed.
		const page = await get(`/admin/campaigns/${SLUG}/results`, cookies.get('handler-a'));
		expect(page.text).toContain('营销部');
		expect(page.text).not.toContain('运维检修部</option>');
		expect((await get(`/admin/campaigns/${SLUG}/responses`, cookies.get('handler-a'))).status).toBe(
			403
		);
	});
});

describe('contact details in page content', () => {
	it('shows a known contact phone to the roles canSeeContact names, and to no other', async () => {
		const wrong: string[] = [];
		for (const { url, sees } of CONTACT_CONTENT) {
			const address = url
				.replace('{slug}', SLUG)
				.replace('{suggestionId}', String(params.suggestionId))
				.replace('{contactResponseId}', String(contact.responseId))
				.replace('{contactCode}', contact.code);
			for (const who of ROLES) {
				const res = await get(address, who === 'anonymous' ? undefined : cookies.get(who));
				const shown = res.text.includes(CONTACT.phone);
				const want = sees.includes(who);
				if (want && res.status !== 200) wrong.push(`${who} ${address}: ${res.status}`);
				if (shown !== want) wrong.push(`${who} ${address}: phone ${shown ? 'shown' : 'missing'}`);
			}
		}
		expect(wrong).toEqual([]);
	}, 60_000);
});

describe('sessions and tokens', () => {
	it('refuses a form post from another origin (CSRF)', async () => {
		const res = await post(
			'/admin/tokens?/create',
			{ name: 'csrf' },
			cookies.get('admin'),
			'https://evil.example'
		);
		expect(res.status).toBe(403);
		const list = await get('/admin/tokens', cookies.get('admin'));
		expect(list.text).not.toContain('>csrf<');
	});

	it('creates an API token that reads the stats API and nothing else, and refuses it after revoking', async () => {
		const admin = cookies.get('admin');
		const created = await post(
			'/admin/tokens?/create',
			{ name: 'access-suite', scope_returns: 'on' },
			admin
		);
		expect(created.status).toBe(200);
		const token = /<code class="token[^"]*">(xk_[a-z0-9]+)<\/code>/.exec(created.text)?.[1];
		expect(token).toBeTruthy();
		const api = `/api/v1/campaigns/${SLUG}/stats`;
		const bearer = { authorization: `Bearer ${token}` };
		expect((await get(api, undefined, bearer)).status).toBe(200);
		// Its one scope is the return rates: the suggestions are not its to read.
		expect((await get(`/api/v1/campaigns/${SLUG}/suggestions`, undefined, bearer)).status).toBe(
			403
		);
		expect((await get(api, undefined, { authorization: 'Bearer xk_nonsense' })).status).toBe(401);
		const page = await get('/admin/tokens', admin);
		// Newest first: the first revoke form is the token just created.
		const id = /name="id" value="(\d+)"/.exec(page.text)?.[1];
		expect(id).toBeTruthy();
		const revoked = await post('/admin/tokens?/revoke', { id: id! }, admin);
		expect(revoked.status).toBe(200);
		expect((await get(api, undefined, bearer)).status).toBe(401);
	});

	it('answers 429 after ten failed logins of one username', async () => {
		const address = { 'x-forwarded-for': '10.2.0.9' };
		const statuses: number[] = [];
		for (let i = 0; i < 11; i++) {
			statuses.push((await login('throttle-target', `wrong-${i}`, address)).res.status);
		}
		expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
		expect(statuses[10]).toBe(429);
	});

	it('stops a client guessing receipt and form codes after 20 misses, and only that client', async () => {
		const guesser = { 'x-forwarded-for': '10.3.0.1' };
		const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
		const guess = () =>
			Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * 32)]).join('');
		const misses: number[] = [];
		for (let i = 0; i < 20; i++) {
			misses.push((await get(`/r/${guess()}`, undefined, guesser)).status);
		}
		expect(misses).toEqual(Array(20).fill(404));
		// Blocked now, even for a code that exists, with when to come back.
		const blocked = await get(`/r/${contact.code}`, undefined, guesser);
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
		expect(blocked.text).toContain('查询次数太多');
		const lookup = await request(app.origin + '/r', {
			method: 'POST',
			agent,
			headers: formHeaders(app.origin, guesser),
			body: encodeForm({ code: contact.code })
		});
		expect(lookup.status).toBe(429);
		// The public form still opens, without checking the code in its link.
		const form = await get(`/f/liuyang-2014?c=${guess()}`, undefined, guesser);
		expect(form.status).toBe(200);
		expect(form.text).toContain('查询编号的次数太多');
		// Someone else is not affected; and finding one's own receipt never counts as a miss.
		const other = { 'x-forwarded-for': '10.3.0.2' };
		const found: number[] = [];
		for (let i = 0; i < 25; i++) {
			found.push((await get(`/r/${contact.code}`, undefined, other)).status);
		}
		expect(found).toEqual(Array(25).fill(200));
	});

	it('counts misses on the thanks page as code guesses too: it says whether a receipt exists', async () => {
		const guesser = { 'x-forwarded-for': '10.3.0.3' };
		const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
		const guess = () =>
			Array.from({ length: 8 }, () => alphabet[Math.floor(Math.random() * 32)]).join('');
		const thanks = (code: string) => get(`/f/${params.slug}/thanks?r=${code}`, undefined, guesser);
		// Before: every guess answered (404, and 200 for a real code), never 429.
		const misses: number[] = [];
		for (let i = 0; i < 20; i++) misses.push((await thanks(guess())).status);
		expect(misses).toEqual(Array(20).fill(404));
		const blocked = await thanks(contact.code);
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
		// One limit for every way to look a code up.
		expect((await get(`/r/${contact.code}`, undefined, guesser)).status).toBe(429);
		// Landing on one's own receipt after submitting is never a miss.
		const other = { 'x-forwarded-for': '10.3.0.4' };
		const own: number[] = [];
		for (let i = 0; i < 25; i++) {
			own.push((await get(`/f/${params.slug}/thanks?r=${contact.code}`, undefined, other)).status);
		}
		expect(own).toEqual(Array(25).fill(200));
	});

	it('sends security headers with static files too, and keeps private pages out of caches', async () => {
		const version = await get('/_app/version.json');
		const icon = await get('/favicon.svg');
		for (const res of [version, icon]) {
			expect(res.status).toBe(200);
			expect(res.headers['x-content-type-options']).toBe('nosniff');
			expect(res.headers['x-frame-options']).toBe('DENY');
			expect(res.headers['referrer-policy']).toBe('same-origin');
		}
		const admin = cookies.get('admin')!;
		for (const url of [
			'/admin/suggestions',
			`/admin/campaigns/${params.slug}/responses/export.csv`,
			`/r/${contact.code}`
		]) {
			const res = await get(url, url.startsWith('/r/') ? undefined : admin);
			expect(res.status, url).toBe(200);
			expect(res.headers['cache-control'], url).toBe('no-store');
		}
	});

	it('ends a session on POST /logout', async () => {
		const { cookie } = await login('reviewer1');
		expect((await get('/admin/suggestions', cookie!)).status).toBe(200);
		const out = await post('/logout', {}, cookie!);
		expect(out.status).toBe(303);
		const after = await get('/admin/suggestions', cookie!);
		expect(after.status).toBe(303);
		expect(String(after.headers.location)).toMatch(/^\/login\?next=/);
	});

	// Last: stops the server to edit the PGlite folder, then starts it again.
	it('refuses a session whose expires_at has passed', async () => {
		const { cookie } = await login('leader1');
		expect((await get('/admin/reports', cookie!)).status).toBe(200);
		await app.stop();
		const handle = openDatabase({ dataDir });
		try {
			await handle.db.execute(
				sql`update sessions set expires_at = now() - interval '1 minute'
					where user_id = (select id from users where username = 'leader1')`
			);
		} finally {
			await handle.close();
		}
		app = await startServer(serverEnv());
		const after = await get('/admin/reports', cookie!);
		expect(after.status).toBe(303);
		expect(String(after.headers.location)).toMatch(/^\/login\?next=/);
	}, 60_000);
});
