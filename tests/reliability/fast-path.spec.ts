// The fast path (src/lib/server/intake/fast-path.ts, served by scripts/serve.mjs) must answer exactly as
// the SvelteKit routes do. Two production servers on their own PGlite folders — one with the fast
// path, one with XINKAN_FAST_PATH=0 — get the same requests; their answers are compared, and the
// cases the fast path hands back to SvelteKit (invalid, cross-site, scripted, multipart, repeated,
// rate-limited, unknown campaign) must come out as the routes make them.
import { gunzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, startServer, type RunningServer } from '../../scripts/server-process';
import {
	demoAnswers,
	encodeForm,
	formHeaders,
	randomToken,
	receiptOf,
	request,
	type HttpResponse
} from './http';

const SLUG = 'liuyang-2014';
const TOKEN_IN_PAGE = /name="submission_token" value="([a-z2-7]{32})"/;

/** Headers that differ between any two answers (etag: pages hold a fresh token), or between a streamed and a measured body. */
const VOLATILE = new Set([
	'etag',
	'date',
	'connection',
	'keep-alive',
	'transfer-encoding',
	'content-length'
]);

function headerShape(response: HttpResponse) {
	return Object.fromEntries(
		Object.entries(response.headers)
			.filter(([name]) => !VOLATILE.has(name))
			.map(([name, value]) => [
				name,
				// A receipt code in a location and a script nonce differ with every answer.
				String(value)
					.replace(/r=[0-9A-Z]{8}/, 'r=CODE')
					.replace(/'nonce-[^']+'/, "'nonce'")
					.split(/,\s*/)
					.sort()
					.join(', ')
			])
			.sort(([a], [b]) => a.localeCompare(b))
	);
}

function pageText(response: HttpResponse): string {
	const gzip = response.headers['content-encoding'] === 'gzip';
	return (gzip ? gunzipSync(response.body) : response.body).toString('utf8');
}

describe('the fast path answers as the routes do', () => {
	const dirs: string[] = [];
	let fast: RunningServer;
	let routes: RunningServer;

	beforeAll(async () => {
		ensureBuild();
		const start = (env: Record<string, string>) => {
			const dir = mkdtempSync(path.join(tmpdir(), 'xinkan-fast-'));
			dirs.push(dir);
			return startServer({ XINKAN_DATA_DIR: dir, XINKAN_SUBMIT_LIMIT: '5', ...env });
		};
		[fast, routes] = await Promise.all([start({}), start({ XINKAN_FAST_PATH: '0' })]);
	}, 120_000);

	afterAll(async () => {
		await Promise.all([fast?.stop(), routes?.stop()]);
		for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	});

	const both = <T>(run: (server: RunningServer) => Promise<T>) =>
		Promise.all([run(fast), run(routes)]);

	it('serves the form page with the same headers and content, and a new token every view', async () => {
		for (const headers of <Record<string, string>[]>[
			{ accept: 'text/html', 'accept-encoding': 'gzip, deflate' },
			{ accept: 'text/html' },
			{ accept: 'text/html', cookie: 'xinkan_lang=en; xinkan_large=1' }
		]) {
			// The first view renders the page (the routes); the next ones come from the kept copy.
			const views = await both(async (s) => {
				const url = `${s.origin}/f/${SLUG}`;
				return [
					await request(url, { headers }),
					await request(url, { headers }),
					await request(url, { headers })
				];
			});
			const [fastViews, routeViews] = views;
			const tokens = new Set<string>();
			for (const view of [...fastViews, ...routeViews]) {
				expect(view.status).toBe(200);
				tokens.add(TOKEN_IN_PAGE.exec(pageText(view))![1]);
			}
			expect(tokens.size).toBe(6);
			const shape = (r: HttpResponse) => pageText(r).replace(TOKEN_IN_PAGE, 'TOKEN');
			for (let i = 0; i < 3; i++) {
				expect(headerShape(fastViews[i])).toEqual(headerShape(routeViews[i]));
				expect(shape(fastViews[i])).toBe(shape(routeViews[i]));
			}
			expect(headerShape(fastViews[2])).toMatchObject({ vary: 'accept-encoding' });
			// And the fast path did answer the kept views: it sends a measured body, SvelteKit streams.
			expect(fastViews[2].headers['content-length']).toBe(String(fastViews[2].body.length));
			expect(routeViews[2].headers['transfer-encoding']).toBe('chunked');
		}
		const english = await request(`${fast.origin}/f/${SLUG}`, {
			headers: { cookie: 'xinkan_lang=en' }
		});
		expect(pageText(english)).toMatch(/<html lang="en"/);
	});

	it('stores a submission once and redirects to its receipt, a repeat to the same receipt', async () => {
		const [a, b] = await both(async (s) => {
			const token = randomToken();
			const body = encodeForm(demoAnswers(token));
			const post = () =>
				request(`${s.origin}/f/${SLUG}`, { method: 'POST', headers: formHeaders(s.origin), body });
			return [await post(), await post()];
		});
		for (const [first, again] of [a, b]) {
			expect(first.status).toBe(303);
			const receipt = receiptOf(first);
			expect(receipt).toMatch(/^[0-9A-Z]{8}$/);
			expect(first.headers.location).toBe(`/f/${SLUG}/thanks?r=${receipt}`);
			expect(again.headers.location).toBe(`/f/${SLUG}/thanks?r=${receipt}&repeated=1`);
		}
		expect(headerShape(a[0])).toEqual(headerShape(b[0]));
		expect([a[0].headers['content-length'], b[0].headers['transfer-encoding']]).toEqual([
			'0',
			'chunked'
		]);
		// The receipt page finds it.
		const thanks = await request(`${fast.origin}${a[0].headers.location}`);
		expect(thanks.status).toBe(200);
		expect(thanks.text).toContain(receiptOf(a[0])!);
	});

	it('hands everything else to the routes: invalid, cross-site, scripted, multipart, unknown', async () => {
		const cases: [string, (s: RunningServer) => Promise<HttpResponse>][] = [
			[
				'invalid answers',
				(s) =>
					request(`${s.origin}/f/${SLUG}`, {
						method: 'POST',
						headers: formHeaders(s.origin),
						body: encodeForm({
							submission_token: randomToken(),
							q_group: 'zz',
							q_improve: '留住这段话'
						})
					})
			],
			[
				'cross-site post',
				(s) =>
					request(`${s.origin}/f/${SLUG}`, {
						method: 'POST',
						headers: formHeaders('http://evil.example'),
						body: encodeForm(demoAnswers(randomToken()))
					})
			],
			[
				'scripted post (JSON answer)',
				(s) =>
					request(`${s.origin}/f/${SLUG}`, {
						method: 'POST',
						headers: formHeaders(s.origin, { accept: 'application/json' }),
						body: encodeForm(demoAnswers(randomToken()))
					})
			],
			[
				'NUL in the body',
				(s) =>
					request(`${s.origin}/f/${SLUG}`, {
						method: 'POST',
						headers: formHeaders(s.origin),
						body: encodeForm(demoAnswers(randomToken(), '有\0空字符'))
					})
			],
			[
				'unknown campaign',
				(s) =>
					request(`${s.origin}/f/no-such-campaign`, {
						method: 'POST',
						headers: formHeaders(s.origin),
						body: encodeForm(demoAnswers(randomToken()))
					})
			],
			['unknown campaign page', (s) => request(`${s.origin}/f/no-such-campaign`)]
		];
		for (const [name, send] of cases) {
			const [viaFast, viaRoutes] = await both(send);
			expect(viaFast.status, name).toBe(viaRoutes.status);
			expect(viaFast.status, name).not.toBe(500);
			expect(headerShape(viaFast), name).toEqual(headerShape(viaRoutes));
			if (name === 'invalid answers') {
				expect(viaFast.status).toBe(400);
				// The route's page, with what was typed kept.
				expect(viaFast.text).toContain('留住这段话');
				expect(viaFast.text).toContain('error-summary');
			}
			if (name === 'cross-site post') expect(viaFast.status).toBe(403);
			if (name === 'NUL in the body') expect(viaFast.status).toBe(303);
		}
		const multipart = new FormData();
		for (const [k, v] of demoAnswers(randomToken()) as [string, string][]) multipart.append(k, v);
		const sent = await fetch(`${fast.origin}/f/${SLUG}`, {
			method: 'POST',
			headers: { origin: fast.origin, accept: 'text/html' },
			body: multipart,
			redirect: 'manual'
		});
		expect(sent.status).toBe(303);
	});

	it('says "too many" through the route once a client passes the limit', async () => {
		// Five per client (XINKAN_SUBMIT_LIMIT=5); the earlier tests sent some already.
		const statuses: number[] = [];
		for (let i = 0; i < 7; i++) {
			const response = await request(`${fast.origin}/f/${SLUG}`, {
				method: 'POST',
				headers: formHeaders(fast.origin),
				body: encodeForm(demoAnswers(randomToken(), `第${i}条`))
			});
			statuses.push(response.status);
			if (response.status === 429) {
				expect(response.headers['retry-after']).toMatch(/^\d+$/);
				expect(response.text).toContain(`第${i}条`);
			}
		}
		expect(statuses.at(-1)).toBe(429);
	});
});
