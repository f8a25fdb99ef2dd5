// Fault tests on a PostgreSQL server of the suite's own: the database restarts in the middle of a
// burst of public submissions, the app starts against an unreachable database, and a migration
// fails half-way. DESIGN.md: "An accepted form is stored exactly once, even on a database restart;
// a rejected one says clearly why and keeps what was typed."
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	ensureBuild,
	freePort,
	root,
	startServer,
	type RunningServer
} from '../../scripts/server-process';
import { openDatabase } from '../../src/lib/server/db/client';
import { prepareDatabase } from '../../src/lib/server/startup';
import { messages } from '../../src/lib/i18n';
import { receiptsByToken } from './stored-responses';
import {
	demoAnswers,
	encodeForm,
	formHeaders,
	keepAliveAgent,
	randomToken,
	receiptOf,
	request,
	sleep
} from './http';
import {
	findPostgresBin,
	startThrowawayPostgres,
	type ThrowawayPostgres
} from './throwaway-postgres';

const SLUG = 'liuyang-2014';
const TRY_AGAIN_ZH = '系统暂时无法保存您的答卷，请稍后再试';
const UNAVAILABLE_ZH = messages('zh-CN').errorPage[503];
const bin = findPostgresBin();
const required = process.env.XINKAN_REQUIRE_PG === '1';

if (!bin) {
	const message = 'initdb/pg_ctl not found under /usr/lib/postgresql/*/bin';
	if (required) {
		describe('fault tests', () => {
			it('needs initdb and pg_ctl (XINKAN_REQUIRE_PG=1)', () => {
				expect(bin, message).not.toBeNull();
			});
		});
	} else {
		console.warn(
			`\n${'*'.repeat(78)}\n*** ${message}: fault tests are SKIPPED\n${'*'.repeat(78)}\n`
		);
	}
}

interface Attempt {
	token: string;
	suggestion: string;
	status: number | 'network error';
	receipt: string | null;
	ms?: number;
	/** For a 503: whether the page said to try again and kept the answers and the token. */
	keptAnswers?: boolean;
	saidTryAgain?: boolean;
	keptToken?: boolean;
}

(bin ? describe : describe.skip)('faults on a throwaway PostgreSQL', () => {
	let pg: ThrowawayPostgres;
	let app: RunningServer | undefined;
	let sql: ReturnType<typeof postgres>;
	const agent = keepAliveAgent(16);

	beforeAll(async () => {
		ensureBuild();
		pg = await startThrowawayPostgres(bin!);
		sql = postgres(pg.url(), { max: 2, onnotice: () => {}, connect_timeout: 5 });
		await sql.unsafe(
			`create database xinkan template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`
		);
		await sql.end({ timeout: 5 });
		sql = postgres(pg.url('xinkan'), { max: 2, onnotice: () => {}, connect_timeout: 5 });
		app = await startServer({
			DATABASE_URL: pg.url('xinkan'),
			XINKAN_SUBMIT_LIMIT: '1000000',
			XINKAN_ADMIN_PASSWORD: 'fault-test-password'
		});
	});

	afterAll(async () => {
		agent.destroy();
		await app?.stop();
		await sql?.end({ timeout: 2 }).catch(() => {});
		await pg?.dispose();
	});

	async function submit(token: string, suggestion: string): Promise<Attempt> {
		const attempt: Attempt = { token, suggestion, status: 'network error', receipt: null };
		try {
			const response = await request(`${app!.origin}/f/${SLUG}`, {
				method: 'POST',
				headers: formHeaders(app!.origin),
				body: encodeForm(demoAnswers(token, suggestion)),
				agent,
				timeoutMs: 40_000
			});
			attempt.status = response.status;
			attempt.ms = Math.round(response.ms);
			attempt.receipt = receiptOf(response);
			if (response.status === 503) {
				attempt.keptAnswers = response.text.includes(suggestion);
				attempt.saidTryAgain = response.text.includes(TRY_AGAIN_ZH);
				attempt.keptToken = response.text.includes(`name="submission_token" value="${token}"`);
			}
		} catch {
			// recorded as a network error
		}
		return attempt;
	}

	async function health() {
		const response = await request(`${app!.origin}/healthz`, { timeoutMs: 15_000 });
		return { status: response.status, body: JSON.parse(response.text) as { ok: boolean } };
	}

	it('keeps every accepted submission exactly once across a restart, says "try again" with the answers kept, and recovers', async () => {
		// A browser without JavaScript loads the form before sending it.
		expect((await request(`${app!.origin}/f/${SLUG}`, { agent })).status).toBe(200);
		expect(await health()).toEqual({
			status: 200,
			body: {
				ok: true,
				db: 'postgres',
				replica: { configured: false },
				categoriserModel: expect.any(Number)
			}
		});

		const attempts: Attempt[] = [];
		let stop = false;
		const worker = async () => {
			for (let i = 0; i < 5_000 && !stop; i++) {
				const token = randomToken();
				const attempt = await submit(token, `停电通知太晚，请提前告知-${token.slice(0, 10)}`);
				attempts.push(attempt);
				// Respondents do not hammer a failing page; neither does this burst.
				if (attempt.status !== 303) await sleep(25);
			}
		};
		const workers = Array.from({ length: 6 }, worker);

		let beforeOutage = 0;
		let duringOutage = 0;
		let down = { status: 0, body: { ok: true } };
		let boardDown = { status: 0, retryAfter: '', saidUnavailable: false };
		let up = down;
		let stopped = false;
		try {
			await sleep(1_000);
			beforeOutage = attempts.length;
			stopped = true;
			await pg.stop();
			down = await health();
			// Other pages that need the database say the same: a 503 with Retry-After, not a 500.
			const board = await request(`${app!.origin}/board/${SLUG}`, { timeoutMs: 15_000 });
			boardDown = {
				status: board.status,
				retryAfter: String(board.headers['retry-after'] ?? ''),
				saidUnavailable: board.text.includes(UNAVAILABLE_ZH)
			};
			await sleep(1_200);
			duringOutage = attempts.length;
			await pg.start();
			stopped = false;
			up = await health();
			for (let i = 0; i < 40 && up.status !== 200; i++) {
				await sleep(250);
				up = await health();
			}
			await sleep(1_000);
		} finally {
			stop = true;
			await Promise.all(workers);
			// Whatever failed above (the app may have died), the next test needs the server back.
			if (stopped) await pg.start();
		}

		expect(down.status).toBe(503);
		expect(down.body.ok).toBe(false);
		expect(boardDown).toEqual({ status: 503, retryAfter: '30', saidUnavailable: true });
		expect(up).toEqual({
			status: 200,
			body: {
				ok: true,
				db: 'postgres',
				replica: { configured: false },
				categoriserModel: expect.any(Number)
			}
		});
		expect(beforeOutage).toBeGreaterThan(0);
		expect(duringOutage).toBeGreaterThan(beforeOutage);

		const statuses = new Map<string | number, number>();
		for (const a of attempts) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
		const summary = Object.fromEntries(statuses);
		const slowest = Math.max(...attempts.map((a) => a.ms ?? 0));
		console.log(`fault burst: ${JSON.stringify(summary)} by status, slowest answer ${slowest} ms`);
		// Every answer is either a receipt or a clear "try again": no 500, no dropped connection.
		expect([...statuses.keys()].sort(), JSON.stringify(summary)).toEqual([303, 503]);

		const accepted = attempts.filter((a) => a.status === 303);
		const refused = attempts.filter((a) => a.status === 503);
		expect(accepted.every((a) => a.receipt !== null)).toBe(true);
		expect(new Set(accepted.map((a) => a.receipt)).size).toBe(accepted.length);
		for (const a of refused) {
			expect(a, 'the 503 page says to try again').toMatchObject({ saidTryAgain: true });
			expect(a, 'the 503 page keeps the typed suggestion').toMatchObject({ keptAnswers: true });
			expect(a, 'the 503 page keeps the token').toMatchObject({ keptToken: true });
		}

		// Every receipt handed out is in the database exactly once, under its own token.
		const stored = await receiptsByToken(
			sql,
			accepted.map((a) => a.token)
		);
		const wrong = accepted.filter((a) => {
			const receipts = stored.get(a.token) ?? [];
			return receipts.length !== 1 || receipts[0] !== a.receipt;
		});
		expect(wrong.length, `accepted but not stored exactly once: ${wrong.length}`).toBe(0);

		// The app recovered by itself: each refused form sent again with its kept token — as the
		// respondent would, pressing Submit again (at most three times) — is stored once now, or
		// finds its receipt when the first try did reach the database.
		const resend = async (a: Attempt) => {
			let last = await submit(a.token, a.suggestion);
			for (let i = 0; i < 2 && last.status === 503; i++) {
				await sleep(500);
				last = await submit(a.token, a.suggestion);
			}
			return last;
		};
		const retried: Attempt[] = [];
		for (let i = 0; i < refused.length; i += 8) {
			retried.push(...(await Promise.all(refused.slice(i, i + 8).map(resend))));
		}
		const notStored = retried.filter((a) => a.status !== 303);
		expect(
			notStored.map((a) => a.status),
			'refused forms sent again after recovery'
		).toEqual([]);
		const afterRetry = await receiptsByToken(
			sql,
			retried.map((a) => a.token)
		);
		for (const a of retried) expect(afterRetry.get(a.token)).toEqual([a.receipt]);

		const fresh = await submit(randomToken(), '恢复后的新意见');
		expect(fresh.status).toBe(303);
		expect((await receiptsByToken(sql, [fresh.token])).get(fresh.token)).toEqual([fresh.receipt]);
	}, 120_000);

	it('refuses to start with a clear message when the database is unreachable', async () => {
		const closedPort = await freePort();
		const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], {
			cwd: root,
			env: {
				...process.env,
				PORT: String(await freePort()),
				HOST: '127.0.0.1',
				ORIGIN: 'http://localhost',
				DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/xinkan`
			},
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const code = await new Promise<number | string>((resolve) => {
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				resolve('still running after 30 s');
			}, 30_000);
			child.once('exit', (exitCode, signal) => {
				clearTimeout(timer);
				resolve(exitCode ?? String(signal));
			});
		});
		expect(typeof code === 'number' && code !== 0, `exit: ${code}`).toBe(true);
		expect(stderr).toMatch(/Xinkan cannot start: the postgres database could not be reached/);
		expect(stderr).toMatch(/ECONNREFUSED/);
	}, 40_000);

	it('never half-applies a migration: a failing batch leaves no table, and a good one then applies', async () => {
		const admin = postgres(pg.url(), { max: 1, onnotice: () => {} });
		await admin.unsafe(
			`create database migr template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`
		);
		await admin.end({ timeout: 5 });
		const dir = mkdtempSync(path.join(tmpdir(), 'xinkan-migr-pg-'));
		const broken = path.join(dir, 'drizzle');
		cpSync(path.join(root, 'drizzle'), broken, { recursive: true });
		const journal = JSON.parse(readFileSync(path.join(broken, 'meta/_journal.json'), 'utf8'));
		const last = path.join(broken, `${journal.entries.at(-1).tag}.sql`);
		writeFileSync(
			last,
			`${readFileSync(last, 'utf8')}\n--> statement-breakpoint\nSELECT * FROM table_that_does_not_exist;\n`
		);
		const previous = process.env.XINKAN_MIGRATIONS_DIR;
		const handle = openDatabase({ url: pg.url('migr'), poolSize: 2 });
		const client = postgres(pg.url('migr'), { max: 1, onnotice: () => {} });
		const tables = async () =>
			(
				await client<{ n: number }[]>`
					select count(*)::int as n from information_schema.tables where table_schema = 'public'`
			)[0].n;
		const applied = async () => {
			const [{ exists }] = await client<{ exists: boolean }[]>`
				select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
			if (!exists) return 0;
			return (
				await client<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`
			)[0].n;
		};
		try {
			process.env.XINKAN_MIGRATIONS_DIR = broken;
			await expect(prepareDatabase(handle, { XINKAN_DEMO: '0' }, () => {})).rejects.toThrow(
				/cannot start.*could not be reached or migrated.*No migration was half-applied/s
			);
			expect(await tables()).toBe(0);
			expect(await applied()).toBe(0);

			process.env.XINKAN_MIGRATIONS_DIR = path.join(root, 'drizzle');
			await prepareDatabase(handle, { XINKAN_DEMO: '0' }, () => {});
			expect(await tables()).toBeGreaterThan(10);
			expect(await applied()).toBe(journal.entries.length);
		} finally {
			if (previous === undefined) delete process.env.XINKAN_MIGRATIONS_DIR;
			else process.env.XINKAN_MIGRATIONS_DIR = previous;
			await client.end({ timeout: 2 });
			await handle.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
