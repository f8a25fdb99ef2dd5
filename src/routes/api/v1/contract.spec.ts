// The API's contract: every /api/v1 endpoint file is in the OpenAPI document and every documented
// operation has a file (a route added without a description fails here), and every documented
// answer — each status of each operation — is produced by the real handler against the demo on
// both databases and checked against the document with Ajv (JSON Schema 2020-12, the dialect of
// OpenAPI 3.1). The document itself is checked against the OpenAPI 3.1 schema.
import { Validator } from '@seriousme/openapi-schema-validator';
import type { RequestEvent } from '@sveltejs/kit';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { API_SCOPES, type ApiScope, type Role } from '$lib/domain';
import { openApiDocument } from '$lib/server/api/openapi';
import { encodeCursor } from '$lib/server/api/cursor';
import { createApiToken } from '$lib/server/auth/api-tokens';
import type { Database } from '$lib/server/db';
import { campaigns, responses, suggestions, users } from '$lib/server/db/schema';
import { campaignStats } from '$lib/server/returns/return-rate';
import { onTimeFigures } from '$lib/server/suggestions/deadline-figures';
import { describeEachDatabase } from '$lib/server/test/databases';
import { openMatrixCampaign } from '$lib/server/test/matrix';
import { newSubmissionToken, submitPublicForm } from '$lib/server/intake/public-form';

type Handler = (event: RequestEvent) => Response | Promise<Response>;
type Endpoint = Partial<Record<string, Handler>>;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const endpointFiles = import.meta.glob<Endpoint>('./**/+server.ts', { eager: true });
const document = openApiDocument();
const BASE = 'https://xinkan.invalid/openapi.json';

/** `./campaigns/[slug]/stats/+server.ts` → `/api/v1/campaigns/{slug}/stats`. */
function documentPathOf(file: string): string {
	const dir = file.replace(/^\.\//, '').replace(/\/?\+server\.ts$/, '');
	return ('/api/v1/' + dir.replace(/\[(\w+)\]/g, '{$1}')).replace(/\/$/, '');
}

const operationsInFiles = Object.entries(endpointFiles).flatMap(([file, module]) =>
	METHODS.filter((m) => typeof module[m] === 'function').map((m) => `${m} ${documentPathOf(file)}`)
);
const documented = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
	METHODS.filter((m) => item && m.toLowerCase() in item).map((m) => `${m} ${path}`)
);

describe('the OpenAPI document', () => {
	it('is a valid OpenAPI 3.1 document', async () => {
		const validator = new Validator();
		const result = await validator.validate(
			JSON.parse(JSON.stringify(document)) as Record<string, unknown>
		);
		expect(result.errors ?? []).toEqual([]);
		expect([result.valid, validator.version]).toEqual([true, '3.1']);
	});

	it('describes every endpoint file under /api/v1, and nothing else', () => {
		expect(operationsInFiles.length).toBeGreaterThanOrEqual(9);
		expect([...documented].sort()).toEqual([...operationsInFiles].sort());
	});

	it('names the scope of every campaign operation among the scopes a token can have', () => {
		const scopes = Object.values(document.paths ?? {})
			.map((item) => (item?.get as Record<string, unknown> | undefined)?.['x-scope'])
			.filter((s) => s !== undefined);
		expect(scopes.length).toBe(6);
		for (const s of scopes) expect(API_SCOPES).toContain(s);
	});
});

// Ajv reads the document as one schema resource: each answer's schema is found by its JSON pointer,
// and its $refs to #/components/schemas resolve inside the same document.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
addFormats.default(ajv);
ajv.addSchema(document as object, BASE);
const pointer = (...parts: string[]) =>
	parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** Every (operation, status) the document promises, ticked off as the suite produces it. */
const promised = new Set(
	Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
		Object.keys((item?.get?.responses ?? {}) as object).map((status) => `GET ${path} ${status}`)
	)
);
const seen = new Map<string, Set<string>>();

interface Call {
	/** The documented path, `{slug}` and all. */
	path: string;
	params?: Record<string, string>;
	query?: string;
	token?: string;
	user?: { id: number; role: Role; unitId: number | null } | null;
}

describeEachDatabase(
	'the /api/v1 contract',
	(current) => {
		const tokens = {} as Record<
			'all' | 'allByAdmin' | 'contactByLeader' | 'none' | 'bound2013' | 'revoked',
			string
		>;
		let adminId = 0;
		let leaderId = 0;
		let organiserId = 0;
		let slug = '';
		let earlierSlug = '';
		let draftSlug = '';

		/** Calls the route's handler as SvelteKit would and checks the answer against the document. */
		async function call(c: Call): Promise<{ status: number; body: unknown }> {
			const { db } = current();
			const file = Object.keys(endpointFiles).find((f) => documentPathOf(f) === c.path);
			const handler = file ? endpointFiles[file].GET : undefined;
			if (!handler) throw new Error(`no GET handler for ${c.path}`);
			const params = c.params ?? {};
			const address = c.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
			const url = new URL(`http://localhost${address}${c.query ? `?${c.query}` : ''}`);
			const event = {
				locals: { db, readDb: db, user: c.user ?? null, session: null },
				params,
				url,
				request: new Request(url, {
					headers: c.token ? { authorization: `Bearer ${c.token}` } : {}
				})
			} as unknown as RequestEvent;
			const response = await handler(event);
			const status = String(response.status);
			const body: unknown = await response.json();
			const responses = (document.paths?.[c.path]?.get?.responses ?? {}) as Record<
				string,
				{ content?: Record<string, unknown> }
			>;
			expect(Object.keys(responses), `${c.path} documents ${status}`).toContain(status);
			expect(response.headers.get('content-type')).toMatch(/^application\/json/);
			if (responses[status].content) {
				const at = pointer('paths', c.path, 'get', 'responses', status, 'content');
				const validate = ajv.getSchema(`${BASE}#/${at}/application~1json/schema`);
				if (!validate) throw new Error(`no schema at ${at}`);
				const valid = validate(body);
				expect(validate.errors ?? [], `${c.path}?${c.query ?? ''} → ${status}`).toEqual([]);
				expect(valid).toBe(true);
			}
			const key = `GET ${c.path} ${status}`;
			if (!seen.has(current().kind)) seen.set(current().kind, new Set());
			seen.get(current().kind)!.add(key);
			return { status: response.status, body };
		}

		const token = (
			db: Database,
			scopes: readonly ApiScope[],
			campaignId: number | null = null,
			by: number | null = null
		) =>
			createApiToken(db, by, {
				name: 'contract',
				scopes: [...scopes],
				campaignId,
				expiresOn: null
			});

		it('sets up the demo, staff accounts and tokens', async () => {
			const { db } = current();
			const rows = await db
				.select({ slug: campaigns.slug, status: campaigns.status, id: campaigns.id })
				.from(campaigns);
			slug = 'liuyang-2014';
			earlierSlug = rows.find((r) => r.slug !== slug && r.status !== 'draft')!.slug;
			const earlierId = rows.find((r) => r.slug === earlierSlug)!.id;
			draftSlug = 'contract-draft';
			await db.insert(campaigns).values({ slug: draftSlug, title: '草稿', status: 'draft' });
			const account = async (username: string, role: Role) =>
				(
					await db
						.insert(users)
						.values({ username, passwordHash: 'x', role })
						.returning({ id: users.id })
				)[0].id;
			adminId = (await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')))[0]
				.id;
			leaderId = await account('contract-leader', 'leader');
			organiserId = await account('contract-organiser', 'organiser');
			// One known respondent, so contact details can be looked for (and not found).
			await db
				.update(responses)
				.set({
					contactName: '王小明',
					contactPhone: '13912345678',
					contactEmail: 'wang.xm@example.com'
				})
				.where(
					eq(
						responses.id,
						sql`(select min(id) from ${responses} where campaign_id = (select id from campaigns where slug = ${slug}))`
					)
				);
			tokens.all = await token(db, API_SCOPES);
			tokens.allByAdmin = await token(db, API_SCOPES, null, adminId);
			tokens.contactByLeader = await token(db, API_SCOPES, null, leaderId);
			tokens.none = await token(db, ['returns']);
			tokens.bound2013 = await token(db, API_SCOPES, earlierId, adminId);
			tokens.revoked = 'xk_nosuchtoken';
			expect(Object.keys(tokens)).toHaveLength(6);
		});

		it('serves the document itself', async () => {
			const { status, body } = await call({ path: '/api/v1/openapi.json' });
			expect(status).toBe(200);
			expect((body as { openapi: string }).openapi).toBe('3.1.0');
		});

		it('lists the campaigns a token is for: all but drafts, or its own', async () => {
			const slugs = async (c: Partial<Call>) =>
				(
					(await call({ path: '/api/v1/campaigns', ...c })).body as { items: { slug: string }[] }
				).items.map((i) => i.slug);
			const all = await slugs({ token: tokens.all });
			expect(all).toContain(slug);
			expect(all).not.toContain(draftSlug);
			expect(await slugs({ token: tokens.bound2013 })).toEqual([earlierSlug]);
			expect(await slugs({ user: { id: leaderId, role: 'leader', unitId: null } })).toContain(
				draftSlug
			);
			expect((await call({ path: '/api/v1/campaigns' })).status).toBe(401);
			expect((await call({ path: '/api/v1/campaigns', token: tokens.revoked })).status).toBe(401);
		});

		it('reads one campaign with its questionnaires; refuses others, drafts and unknowns', async () => {
			const path = '/api/v1/campaigns/{slug}';
			const ok = await call({ path, params: { slug }, token: tokens.none });
			expect(ok.status).toBe(200);
			const body = ok.body as { questionnaires: { questions: { id: string }[] }[] };
			expect(body.questionnaires[0].questions.length).toBeGreaterThan(3);
			expect((await call({ path, params: { slug }, token: tokens.bound2013 })).status).toBe(403);
			expect((await call({ path, params: { slug: draftSlug }, token: tokens.all })).status).toBe(
				404
			);
			expect((await call({ path, params: { slug: 'nope' }, token: tokens.all })).status).toBe(404);
			expect((await call({ path, params: { slug } })).status).toBe(401);
		});

		it('answers every campaign read with its scope, 403 without it, 404 for an unknown campaign, 401 without a token', async () => {
			const scoped: [string, ApiScope][] = [
				['/api/v1/campaigns/{slug}/stats', 'returns'],
				['/api/v1/campaigns/{slug}/responses', 'responses'],
				['/api/v1/campaigns/{slug}/suggestions', 'suggestions'],
				['/api/v1/campaigns/{slug}/suggestions/stats', 'suggestions'],
				['/api/v1/campaigns/{slug}/results', 'results']
			];
			const { db } = current();
			for (const [path, scope] of scoped) {
				const without = await token(
					db,
					API_SCOPES.filter((s) => s !== scope)
				);
				expect((await call({ path, params: { slug }, token: tokens.all })).status, path).toBe(200);
				expect((await call({ path, params: { slug }, token: without })).status, path).toBe(403);
				expect((await call({ path, params: { slug: 'nope' }, token: tokens.all })).status).toBe(
					404
				);
				expect((await call({ path, params: { slug } })).status, path).toBe(401);
			}
		});

		it('gives the on-time rate and extensions with the suggestion statistics, as the reports count them', async () => {
			const { db } = current();
			const [{ id }] = await db
				.select({ id: campaigns.id })
				.from(campaigns)
				.where(eq(campaigns.slug, slug));
			const path = '/api/v1/campaigns/{slug}/suggestions/stats';
			const { status, body } = await call({ path, params: { slug }, token: tokens.all });
			expect(status).toBe(200);
			const figures = await onTimeFigures(db, id);
			expect((body as { onTime: unknown }).onTime).toEqual({
				...figures.total,
				byDepartment: figures.byDepartment
			});
			expect(figures.total.due).toBeGreaterThan(0);
		});

		it('pages through every response exactly once by cursor, oldest first', async () => {
			const { db } = current();
			const path = '/api/v1/campaigns/{slug}/responses';
			const [{ id: campaignId }] = await db
				.select({ id: campaigns.id })
				.from(campaigns)
				.where(eq(campaigns.slug, slug));
			const ids: number[] = [];
			let cursor: string | null = null;
			let pages = 0;
			do {
				const query: string = `limit=200${cursor ? `&cursor=${cursor}` : ''}`;
				const { status, body } = await call({ path, params: { slug }, query, token: tokens.all });
				expect(status).toBe(200);
				const page = body as { items: { id: number }[]; next: string | null };
				ids.push(...page.items.map((i) => i.id));
				cursor = page.next;
				pages++;
			} while (cursor && pages < 100);
			expect(ids.length).toBe((await campaignStats(db, campaignId)).returned);
			expect(ids).toEqual([...ids].sort((a, b) => a - b));
			expect(new Set(ids).size).toBe(ids.length);
		});

		it('filters responses by channel, area and days (China time)', async () => {
			const path = '/api/v1/campaigns/{slug}/responses';
			type Item = { channel: string; area: { id: number } | null; submittedAt: string };
			const items = async (query: string) =>
				(
					(await call({ path, params: { slug }, query, token: tokens.all })).body as {
						items: Item[];
					}
				).items;
			const paper = await items('channel=paper&limit=200');
			expect(paper.length).toBeGreaterThan(0);
			expect(paper.every((i) => i.channel === 'paper')).toBe(true);
			const areaId = (await items('limit=200')).find((i) => i.area)!.area!.id;
			const inArea = await items(`area=${areaId}&limit=200`);
			expect(inArea.length).toBeGreaterThan(0);
			expect(inArea.every((i) => i.area?.id === areaId)).toBe(true);
			const first = (await items('limit=1'))[0];
			const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
				new Date(first.submittedAt)
			);
			const onDay = await items(`from=${day}&to=${day}&limit=200`);
			expect(onDay.length).toBeGreaterThan(0);
			for (const i of onDay) {
				expect(
					new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
						new Date(i.submittedAt)
					)
				).toBe(day);
			}
		});

		it('refuses bad paging and filters with a 400 that names the parameter', async () => {
			const path = '/api/v1/campaigns/{slug}/responses';
			const bad = [
				'cursor=garbage!',
				`cursor=${Buffer.from('r1:x').toString('base64url')}`,
				'cursor=' + 'A'.repeat(60),
				'from=2024-02-30',
				'to=yesterday',
				'from=2024-05-02&to=2024-05-01',
				'channel=pigeon',
				'area=0',
				'area=99999999999',
				'limit=0',
				'limit=201',
				'limit=ten'
			];
			for (const query of bad) {
				const { status, body } = await call({ path, params: { slug }, query, token: tokens.all });
				expect(status, query).toBe(400);
				const name = query.split('=')[0];
				expect((body as { message: string }).message, query).toContain(name);
			}
			// A cursor past the end is not an error: an empty last page.
			const past = await call({
				path,
				params: { slug },
				query: `cursor=${encodeCursor(2 ** 40)}`,
				token: tokens.all
			});
			expect(past.body).toEqual({ items: [], next: null });
		});

		it('gives contact details only to those the personal-data rule lets read them', async () => {
			const path = '/api/v1/campaigns/{slug}/responses';
			const firstOf = async (c: Partial<Call>) =>
				(
					(await call({ path, params: { slug }, query: 'limit=1', ...c })).body as {
						items: Record<string, unknown>[];
					}
				).items[0];
			const withContact = {
				contact: { name: '王小明', phone: '13912345678', email: 'wang.xm@example.com' }
			};
			expect(await firstOf({ token: tokens.allByAdmin })).toMatchObject(withContact);
			expect(
				await firstOf({ user: { id: organiserId, role: 'organiser', unitId: null } })
			).toMatchObject(withContact);
			// The scope without a maker who may read contact details, or a reader without the scope.
			for (const c of [
				{ token: tokens.all },
				{ token: tokens.contactByLeader },
				{ user: { id: leaderId, role: 'leader' as const, unitId: null } }
			]) {
				const item = await firstOf(c);
				expect(item).not.toHaveProperty('contact');
				expect(JSON.stringify(item)).not.toContain('13912345678');
				expect(JSON.stringify(item)).not.toContain('wang.xm@example.com');
			}
			expect(
				(await call({ path, params: { slug }, user: { id: 1, role: 'handler', unitId: null } }))
					.status
			).toBe(403);
		});

		it('reads one suggestion with its reply and history; refuses bad, unknown and other campaigns’ ids', async () => {
			const { db } = current();
			const path = '/api/v1/campaigns/{slug}/suggestions/{id}';
			const list = await call({
				path: '/api/v1/campaigns/{slug}/suggestions',
				params: { slug },
				token: tokens.all
			});
			const id = String((list.body as { items: { id: number }[] }).items[0].id);
			const one = await call({ path, params: { slug, id }, token: tokens.all });
			expect(one.status).toBe(200);
			expect((one.body as { history: unknown[] }).history.length).toBeGreaterThan(0);
			// A suggestion of the earlier campaign: not this campaign's, whatever its id.
			const [other] = await db
				.insert(suggestions)
				.values({
					campaignId: (await db.select().from(campaigns).where(eq(campaigns.slug, earlierSlug)))[0]
						.id,
					title: '另一个活动的意见'
				})
				.returning({ id: suggestions.id });
			const foreign = await call({
				path,
				params: { slug, id: String(other.id) },
				token: tokens.all
			});
			expect(foreign.status).toBe(404);
			for (const bad of ['abc', '0', '99999999999']) {
				expect((await call({ path, params: { slug, id: bad }, token: tokens.all })).status).toBe(
					400
				);
			}
			expect(
				(await call({ path, params: { slug, id: '2000000000' }, token: tokens.all })).status
			).toBe(404);
			expect((await call({ path, params: { slug, id }, token: tokens.none })).status).toBe(403);
			expect((await call({ path, params: { slug: 'nope', id }, token: tokens.all })).status).toBe(
				404
			);
			expect((await call({ path, params: { slug, id } })).status).toBe(401);
		});

		it('refuses bad suggestion and results filters with a 400', async () => {
			for (const query of ['status=lost', 'category=nope', 'department=x', 'page=0']) {
				const { status } = await call({
					path: '/api/v1/campaigns/{slug}/suggestions',
					params: { slug },
					query,
					token: tokens.all
				});
				expect(status, query).toBe(400);
			}
			for (const query of ['by=question:nope', 'from=2024-13-01', 'area=x']) {
				const { status } = await call({
					path: '/api/v1/campaigns/{slug}/results',
					params: { slug },
					query,
					token: tokens.all
				});
				expect(status, query).toBe(400);
			}
			const compared = await call({
				path: '/api/v1/campaigns/{slug}/results',
				params: { slug },
				query: `by=group&compare=${earlierSlug}`,
				token: tokens.all
			});
			expect(compared.status).toBe(200);
			expect(compared.body).toHaveProperty('compare');
		});

		it('describes a matrix question, its answers and its results per statement', async () => {
			const { db } = current();
			const matrixSlug = 'contract-matrix';
			await openMatrixCampaign(db, matrixSlug);
			const form = new FormData();
			form.set('submission_token', newSubmissionToken());
			for (const [k, v] of [
				['q_svc.fix', '5'],
				['q_town.volt', '9'],
				['q_town.cut', '3']
			]) {
				form.set(k, v);
			}
			expect((await submitPublicForm(db, matrixSlug, form, '10.19.9.1')).kind).toBe('stored');
			const params = { slug: matrixSlug };
			const campaign = await call({ path: '/api/v1/campaigns/{slug}', params, token: tokens.all });
			const questions = (campaign.body as { questionnaires: { questions: unknown[] }[] })
				.questionnaires[0].questions;
			expect(questions[0]).toMatchObject({ id: 'svc', type: 'matrix', points: 5 });
			expect(questions[0]).toHaveProperty('statements.0', { id: 'fix', label: '抢修及时' });
			const page = await call({
				path: '/api/v1/campaigns/{slug}/responses',
				params,
				token: tokens.all
			});
			const items = (page.body as { items: { answers: unknown }[] }).items;
			expect(items.map((i) => i.answers)).toEqual([{ svc: { fix: 5 }, town: { volt: 9, cut: 3 } }]);
			const results = await call({
				path: '/api/v1/campaigns/{slug}/results',
				params,
				token: tokens.all
			});
			expect(results.status).toBe(200);
			const svc = (results.body as { questions: { id: string; matrix?: unknown[] }[] })
				.questions[0];
			expect(svc.matrix).toHaveLength(3);
			expect(svc.matrix![0]).toMatchObject({ id: 'fix', answered: 1, mean: 5 });
		});

		it('has produced every answer the document promises', () => {
			const missing = [...promised].filter((k) => !seen.get(current().kind)?.has(k));
			expect(missing).toEqual([]);
		});
	},
	{ demo: true }
);
