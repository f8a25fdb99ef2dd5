// Stored markup stays inert on every page (issue 14 suites): the demo's names, titles, replies,
// comments, token and audit entries are given a live <script> and a javascript: link before the
// production server starts, then every page and GET endpoint of the route tree is read as the
// admin and anonymously, in Chinese and in English. The text must show (escaped), never run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, startServer, type RunningServer } from '../../scripts/server-process';
import { openDatabase, queryRows } from '../../src/lib/server/db/client';
import { LOCALE_COOKIE } from '../../src/lib/i18n';
import { prepareDatabase } from '../../src/lib/server/startup';
import { keepAliveAgent, logInOver, request } from './http';
import { fill, getRoutes } from './route-tree';

const PASSWORD = 'xss-sweep-password';
const SLUG = 'liuyang-2014';
const SCRIPT = '<script>alert(1)</script>';
/** The same text as a page shows it: `<` escaped (Svelte leaves `>` as it is). */
const ESCAPED = /&lt;script(&gt;|>)alert\(1\)/;
const JS_URL = 'javascript:alert(1)';
/** An attribute whose value starts a script: a link, a form, a frame. */
const LIVE_URL = /\b(href|src|action|formaction)\s*=\s*["']?\s*javascript:/i;

describe('stored markup on every page', () => {
	let dataDir: string;
	let app: RunningServer | undefined;
	let cookie = '';
	let params: Record<string, string> = {};
	const agent = keepAliveAgent(8);

	beforeAll(async () => {
		ensureBuild();
		dataDir = mkdtempSync(path.join(tmpdir(), 'xinkan-xss-'));
		const handle = openDatabase({ dataDir });
		try {
			await prepareDatabase(handle, { XINKAN_ADMIN_PASSWORD: PASSWORD }, () => {});
			const db = handle.db;
			const one = async (query: ReturnType<typeof sql>) =>
				(await queryRows<{ v: unknown }>(db, query))[0]?.v;
			// A published, assigned suggestion: it shows on the board, the queue, reports and /r.
			const suggestionId = Number(
				await one(sql`select id as v from suggestions where published and merged_into is null
					and department_id is not null order by id limit 1`)
			);
			const code = String(
				await one(sql`select r.receipt_code as v from responses r join suggestion_items i
					on i.response_id = r.id where i.suggestion_id = ${suggestionId} limit 1`)
			);
			const hostile = (text: string) => `${text}${SCRIPT}`;
			await db.execute(sql`update suggestions set title = ${hostile('标题')},
				reply = ${hostile('答复')} || ' ' || ${JS_URL}, plan = ${hostile('计划')},
				measures = ${hostile('措施')} where id = ${suggestionId}`);
			await db.execute(sql`insert into suggestion_events (suggestion_id, user_id, kind, data)
				values (${suggestionId}, 1, 'comment', ${JSON.stringify({ text: hostile('评论') })}::jsonb)`);
			await db.execute(sql`update units set name = name || ${SCRIPT}
				where id = (select department_id from suggestions where id = ${suggestionId})`);
			await db.execute(sql`update areas set name = name || ${SCRIPT}
				where id = (select min(id) from areas)`);
			await db.execute(sql`update respondent_groups set name_zh = name_zh || ${SCRIPT},
				name_en = name_en || ${SCRIPT} where key = 'customer'`);
			await db.execute(sql`update categories set name_zh = name_zh || ${SCRIPT},
				name_en = name_en || ${SCRIPT}
				where id = (select category_id from suggestions where id = ${suggestionId})`);
			await db.execute(sql`update campaigns set title = title || ${SCRIPT},
				introduction = introduction || ${` [链接](${JS_URL}) ${SCRIPT}`} where slug = ${SLUG}`);
			await db.execute(sql`update users set display_name = ${hostile('管理员')} where id = 1`);
			await db.execute(sql`insert into api_tokens (name, token_hash)
				values (${hostile('令牌')}, ${'x'.repeat(64)})`);
			await db.execute(sql`insert into audit_log (actor_id, action, entity, entity_id, after)
				values (1, 'unit.update', 'unit', ${SCRIPT}, ${JSON.stringify({ name: SCRIPT, url: JS_URL })}::jsonb)`);
			params = {
				slug: SLUG,
				id: '1',
				code,
				locale: 'en',
				version: '1',
				suggestion: String(suggestionId)
			};
		} finally {
			await handle.close();
		}
		app = await startServer({ XINKAN_DATA_DIR: dataDir, XINKAN_ADMIN_PASSWORD: PASSWORD });
		cookie = await logInOver(app.origin, 'admin', PASSWORD, agent);
	}, 120_000);

	afterAll(async () => {
		agent.destroy();
		await app?.stop();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	});

	it('shows it escaped and never runs it, as admin and anonymously, in both languages', async () => {
		const routes = getRoutes().filter(
			(r) => !['/logout', '/lang/[locale]', '/prefs/large'].includes(r)
		);
		const problems: string[] = [];
		const shownOn = new Set<string>();
		let cases = 0;
		for (const route of routes) {
			const address = fill(route, {
				...params,
				id: route.startsWith('/admin/suggestions/') ? params.suggestion : '1'
			});
			for (const locale of ['zh-CN', 'en']) {
				for (const who of ['admin', 'anonymous']) {
					const cookies = [`${LOCALE_COOKIE}=${locale}`];
					if (who === 'admin') cookies.push(cookie);
					const res = await request(`${app!.origin}${address}`, {
						headers: { accept: 'text/html', cookie: cookies.join('; ') },
						agent,
						timeoutMs: 30_000
					});
					cases++;
					const where = `${address} (${who}, ${locale})`;
					if (res.status >= 500) problems.push(`${where}: ${res.status}`);
					// JSON is data for programs, served as such with nosniff: markup in it is only text.
					if (!String(res.headers['content-type'] ?? '').includes('html')) continue;
					if (res.text.includes(SCRIPT)) problems.push(`${where}: a live <script>`);
					if (LIVE_URL.test(res.text)) problems.push(`${where}: a javascript: URL in an attribute`);
					if (ESCAPED.test(res.text)) shownOn.add(route);
					// What stays inside: a comment (an internal note) and a staff member's name never
					// reach what the public reads.
					if (who === 'anonymous' && /评论&lt;script|管理员&lt;script/.test(res.text)) {
						problems.push(`${where}: an internal comment or a staff name`);
					}
				}
			}
		}
		console.log(
			`xss sweep: ${routes.length} pages and endpoints × 2 languages × admin and anonymous = ${cases} cases; the stored markup showed (escaped) on ${shownOn.size}`
		);
		expect(problems).toEqual([]);
		// Not vacuous: the hostile text is on the pages people read.
		for (const route of [
			'/board/[slug]',
			'/r/[code]',
			'/admin/suggestions',
			'/admin/suggestions/[id]',
			'/admin/reports/weekly',
			'/admin/units',
			'/admin/areas',
			'/admin/groups',
			'/admin/categories',
			'/admin/tokens',
			'/admin/audit',
			'/admin/campaigns',
			'/f/[slug]'
		]) {
			expect([...shownOn], route).toContain(route);
		}
	}, 300_000);
});
