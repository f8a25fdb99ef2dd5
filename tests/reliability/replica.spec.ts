// The read replica (DATABASE_REPLICA_URL) on a throwaway primary and a streaming standby of it:
// which reads it serves, read-your-writes, falling back when it lags or is down, and /healthz.
// Which server answered is seen from the data: with replay paused on the standby, a read from it
// misses a submission the primary already holds.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { ReplicaHealth } from '../../src/lib/server/db/replica';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, startServer, type RunningServer } from '../../scripts/server-process';
import {
	demoAnswers,
	encodeForm,
	formHeaders,
	keepAliveAgent,
	logInOver,
	randomToken,
	receiptOf,
	request,
	sleep
} from './http';
import {
	findPostgresBin,
	startPrimaryWithReplica,
	type PrimaryWithReplica
} from './throwaway-postgres';

const SLUG = 'liuyang-2014';
const PASSWORD = 'replica-test-password';
// Long enough that the steps between pausing replay and reading take less on a busy machine.
const MAX_LAG_MS = 8_000;
const bin = findPostgresBin();

if (!bin) {
	const message = 'initdb/pg_ctl/pg_basebackup not found under /usr/lib/postgresql/*/bin';
	if (process.env.XINKAN_REQUIRE_PG === '1') {
		describe('read replica tests', () => {
			it('needs initdb, pg_ctl and pg_basebackup (XINKAN_REQUIRE_PG=1)', () => {
				expect(bin, message).not.toBeNull();
			});
		});
	} else {
		console.warn(`\n*** ${message}: read replica tests are SKIPPED ***\n`);
	}
}

interface Health {
	ok: boolean;
	db: string;
	replica: ReplicaHealth;
}

(bin ? describe : describe.skip)('a read replica', () => {
	let pair: PrimaryWithReplica;
	let app: RunningServer;
	let onPrimary: ReturnType<typeof postgres>;
	let onReplica: ReturnType<typeof postgres>;
	// Two sessions of the administrator: `writer` changes things, `watcher` only reads.
	let writer: string;
	let watcher: string;
	const agent = keepAliveAgent(8);

	beforeAll(async () => {
		ensureBuild();
		pair = await startPrimaryWithReplica(bin!);
		const admin = postgres(pair.primary.url(), { max: 1, onnotice: () => {} });
		await admin.unsafe(
			`create database xinkan template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`
		);
		await admin.end({ timeout: 5 });
		await pair.caughtUp();
		onPrimary = postgres(pair.primary.url('xinkan'), { max: 2, onnotice: () => {} });
		onReplica = postgres(pair.replica.url('xinkan'), { max: 1, onnotice: () => {} });
		app = await startServer({
			DATABASE_URL: pair.primary.url('xinkan'),
			DATABASE_REPLICA_URL: pair.replica.url('xinkan'),
			XINKAN_REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
			XINKAN_SUBMIT_LIMIT: '1000000',
			XINKAN_ADMIN_PASSWORD: PASSWORD
		});
		writer = await logInOver(app.origin, 'admin', PASSWORD, agent);
		watcher = await logInOver(app.origin, 'admin', PASSWORD, agent);
	}, 180_000);

	afterAll(async () => {
		agent.destroy();
		await app?.stop();
		await onPrimary?.end({ timeout: 2 }).catch(() => {});
		await onReplica?.end({ timeout: 2 }).catch(() => {});
		await pair?.dispose();
	});

	const get = (origin: string, url: string, cookie?: string) =>
		request(origin + url, {
			agent,
			headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
			timeoutMs: 30_000
		});

	async function health(origin = app.origin): Promise<{ status: number; body: Health }> {
		const res = await get(origin, '/healthz');
		return { status: res.status, body: JSON.parse(res.text) as Health };
	}

	/** What the API's return figures say, for this session. */
	async function returned(cookie: string, origin = app.origin): Promise<number> {
		const res = await get(origin, `/api/v1/campaigns/${SLUG}/stats`, cookie);
		expect(res.status).toBe(200);
		return (JSON.parse(res.text) as { returned: number }).returned;
	}

	/** The campaign dashboard's "returned" figure, for this session. */
	async function dashboardReturned(cookie: string): Promise<number> {
		const res = await get(app.origin, `/admin/campaigns/${SLUG}`, cookie);
		expect(res.status).toBe(200);
		const figure = /data-testid="returned"[^>]*>(\d+)</.exec(res.text)?.[1];
		expect(figure).toBeTruthy();
		return Number(figure);
	}

	/** The results page's "N responses" line, for this session. */
	async function resultsLine(cookie: string, origin = app.origin): Promise<string> {
		const res = await get(origin, `/admin/campaigns/${SLUG}/results`, cookie);
		expect(res.status).toBe(200);
		const line = /data-testid="results-n"[^>]*>([^<]*)</.exec(res.text)?.[1];
		expect(line).toBeTruthy();
		return line!;
	}

	async function categoriesSeen(cookie: string, origin = app.origin): Promise<string> {
		const res = await get(origin, '/admin/reports/__data.json', cookie);
		expect(res.status).toBe(200);
		return res.text;
	}

	async function submit(origin = app.origin) {
		const res = await request(`${origin}/f/${SLUG}`, {
			method: 'POST',
			agent,
			headers: formHeaders(origin),
			body: encodeForm(demoAnswers(randomToken(), '希望副本也能读到这份意见')),
			timeoutMs: 30_000
		});
		expect(receiptOf(res), `submission answered ${res.status}`).not.toBeNull();
	}

	async function storedOnPrimary(): Promise<number> {
		const [{ n }] = await onPrimary<{ n: number }[]>`
			select count(*)::int as n from responses r join campaigns c on c.id = r.campaign_id
			where c.slug = ${SLUG}`;
		return n;
	}

	/** Replay stopped just after a fresh commit, so the lag starts from now. */
	async function pauseReplay() {
		await onPrimary`select txid_current()`;
		await pair.caughtUp();
		await onReplica`select pg_wal_replay_pause()`;
	}

	async function resumeReplay() {
		await onReplica`select pg_wal_replay_resume()`;
		await pair.caughtUp();
	}

	async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
		const deadline = Date.now() + timeoutMs;
		while (!(await check())) {
			if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
			await sleep(200);
		}
	}

	let before: { returned: number; results: string };
	let categoryKey: string;

	it('serves the results page, the campaign dashboard and the API from the replica: with replay paused they miss what only the primary has', async () => {
		expect(await health()).toMatchObject({
			status: 200,
			body: { ok: true, db: 'postgres', replica: { configured: true, reachable: true } }
		});
		await pauseReplay();
		before = { returned: await returned(watcher), results: await resultsLine(watcher) };
		expect(await dashboardReturned(watcher)).toBe(before.returned);
		const stored = await storedOnPrimary();
		await submit();
		expect(await storedOnPrimary()).toBe(stored + 1);
		// The primary holds the new response; the pages do not show it: they read the replica.
		expect(await returned(watcher)).toBe(before.returned);
		expect(await resultsLine(watcher)).toBe(before.results);
		expect(await dashboardReturned(watcher)).toBe(before.returned);
		const { body } = await health();
		expect(body.replica).toMatchObject({ reachable: true, replayPaused: true });
		expect(body.replica.lagBytes).toBeGreaterThan(0);
	}, 120_000);

	it('lets a user who just wrote read their own write (from the primary) while replay stays paused', async () => {
		categoryKey = `replica_${randomBytes(4).toString('hex')}`;
		const saved = await request(`${app.origin}/admin/categories?/save`, {
			method: 'POST',
			agent,
			headers: formHeaders(app.origin, { cookie: writer }),
			body: encodeForm({
				key: categoryKey,
				nameZh: '副本测试',
				nameEn: 'Replica test',
				active: 'on'
			})
		});
		expect(saved.status).toBe(303);
		const readAfter = (saved.headers['set-cookie'] ?? [])
			.map((line) => /^(xinkan_read_after=[^;]+)/.exec(line)?.[1])
			.find(Boolean);
		expect(readAfter).toMatch(/^xinkan_read_after=[0-9A-F]+\/[0-9A-F]+$/);
		const writerCookies = `${writer}; ${readAfter}`;
		// The writer sees the category and, reading from the primary, the newest response too.
		expect(await categoriesSeen(writerCookies)).toContain(categoryKey);
		expect(await returned(writerCookies)).toBe(before.returned + 1);
		expect(await dashboardReturned(writerCookies)).toBe(before.returned + 1);
		// Everyone else still reads the replica, which has neither.
		expect(await categoriesSeen(watcher)).not.toContain(categoryKey);
		expect(await returned(watcher)).toBe(before.returned);
	}, 120_000);

	it('reads from the primary once the paused replica lags past XINKAN_REPLICA_MAX_LAG_MS, and from the replica again when it catches up', async () => {
		await until('the replica lags past the maximum', async () => {
			const lag = (await health()).body.replica.lagMs;
			return lag == null || lag > MAX_LAG_MS;
		});
		expect((await health()).body.replica.usedForReads).toBe(false);
		expect(await returned(watcher)).toBe(before.returned + 1);
		expect(await resultsLine(watcher)).not.toBe(before.results);
		expect(await dashboardReturned(watcher)).toBe(before.returned + 1);
		expect(await categoriesSeen(watcher)).toContain(categoryKey);
		await resumeReplay();
		await until('the replica is used again', async () => {
			const { replica } = (await health()).body;
			return replica.usedForReads === true && replica.lagMs === 0;
		});
	}, 120_000);

	it('answers every page from the primary while the replica is stopped, says so on /healthz, and goes back to it once it is up', async () => {
		await pair.replica.stop();
		const stored = await storedOnPrimary();
		await submit();
		expect(await returned(watcher)).toBe(stored + 1);
		for (const url of [
			`/admin/campaigns/${SLUG}`,
			`/admin/campaigns/${SLUG}/results`,
			`/admin/campaigns/${SLUG}/results/report`,
			`/admin/campaigns/${SLUG}/results/export.xlsx`,
			'/admin/reports',
			'/admin/reports/weekly',
			`/api/v1/campaigns/${SLUG}/results`,
			`/api/v1/campaigns/${SLUG}/suggestions`,
			`/api/v1/campaigns/${SLUG}/suggestions/stats`
		]) {
			expect((await get(app.origin, url, watcher)).status, url).toBe(200);
		}
		const { status, body } = await health();
		expect(status).toBe(200);
		expect(body).toMatchObject({
			ok: true,
			replica: { configured: true, reachable: false, usedForReads: false }
		});

		await pair.replica.start();
		await pair.caughtUp();
		await until('the replica is used again after its outage', async () => {
			const { replica } = (await health()).body;
			return replica.usedForReads === true;
		});
		await pauseReplay();
		const now = await returned(watcher);
		await submit();
		expect(await returned(watcher)).toBe(now);
		await resumeReplay();
	}, 120_000);

	it('changes nothing without DATABASE_REPLICA_URL: no replica on /healthz, no read-after cookie, reads from the primary', async () => {
		const plain = await startServer({
			DATABASE_URL: pair.primary.url('xinkan'),
			XINKAN_SUBMIT_LIMIT: '1000000',
			XINKAN_ADMIN_PASSWORD: PASSWORD
		});
		try {
			expect(await health(plain.origin)).toEqual({
				status: 200,
				body: {
					ok: true,
					db: 'postgres',
					replica: { configured: false },
					categoriserModel: expect.any(Number)
				}
			});
			const cookie = await logInOver(plain.origin, 'admin', PASSWORD, agent);
			const saved = await request(`${plain.origin}/admin/categories?/save`, {
				method: 'POST',
				agent,
				headers: formHeaders(plain.origin, { cookie }),
				body: encodeForm({
					key: `plain_${randomBytes(4).toString('hex')}`,
					nameZh: '无副本',
					nameEn: 'No replica'
				})
			});
			expect(saved.status).toBe(303);
			expect(String(saved.headers['set-cookie'] ?? '')).not.toContain('xinkan_read_after');
			await pauseReplay();
			const now = await returned(cookie, plain.origin);
			await submit(plain.origin);
			expect(await returned(cookie, plain.origin)).toBe(now + 1);
			await resumeReplay();
		} finally {
			await plain.stop();
		}
	}, 120_000);
});
