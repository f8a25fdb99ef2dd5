import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, generateSessionToken } from '../auth/session';
import { openDatabase, queryRows, type Database, type DatabaseHandle } from '../db';
import { insightModels, rateCounters, sessions } from '../db/schema';
import { seedDemo } from '../demo/seed';
import { categoriserFor } from '../insight/categoriser-service';
import { startChangeSignals, type ChangeSignals } from '../platform/change-signals';
import { makeActor } from '../test/actors';
import { createTestDatabase, describeEachDatabase } from '../test/databases';
import { jobOverview, retrainNow, startJobs } from './index';
import {
	APP_JOBS,
	categoriserRetrain,
	dailyHousekeeping,
	notificationDeadlines,
	notificationDelivery,
	pairModelRetrain,
	webhookDelivery
} from './kinds';
import { defineJob, jobQueueOf, startJobQueue, type AnyJobKind } from './queue';

/** Polls `check` until it holds or `ms` have passed; answers whether it held. */
async function within(ms: number, check: () => boolean | Promise<boolean>): Promise<boolean> {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (await check()) return true;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return false;
}

const FAST = { pollingIntervalSeconds: 0.5 };

async function jobsOf(db: Database, name: string) {
	return queryRows<{ state: string; retry_count: number; output: Record<string, unknown> | null }>(
		db,
		sql`select state::text as state, retry_count, output from pgboss.job where name = ${name}
			order by created_on`
	);
}

async function withQueue<T>(db: Database, kinds: AnyJobKind[], body: () => Promise<T>) {
	const queue = await startJobQueue(db, kinds, FAST);
	try {
		return await body();
	} finally {
		await queue.stop();
	}
}

describeEachDatabase('job queue', (current) => {
	it('installs its schema next to the app’s, a queue per kind, and registers the daily schedule', async () => {
		const { db } = current();
		await withQueue(db, APP_JOBS, async () => {
			const schedules = await queryRows<{ name: string; cron: string; timezone: string }>(
				db,
				sql`select name, cron, timezone from pgboss.schedule order by name`
			);
			expect(schedules).toEqual([
				{ name: dailyHousekeeping.name, cron: '30 3 * * *', timezone: 'Asia/Shanghai' },
				{ name: notificationDeadlines.name, cron: '0 8 * * *', timezone: 'Asia/Shanghai' },
				{ name: notificationDelivery.name, cron: '* * * * *', timezone: 'Asia/Shanghai' },
				{ name: webhookDelivery.name, cron: '* * * * *', timezone: 'Asia/Shanghai' }
			]);
			const view = await jobOverview(db);
			expect(view.installed).toBe(true);
			expect(view.queues.map((q) => [q.name, q.policy, q.cron])).toEqual([
				[categoriserRetrain.name, 'stately', null],
				[dailyHousekeeping.name, 'short', '30 3 * * *'],
				[notificationDeadlines.name, 'short', '0 8 * * *'],
				[notificationDelivery.name, 'short', '* * * * *'],
				[pairModelRetrain.name, 'stately', null],
				[webhookDelivery.name, 'short', '* * * * *']
			]);
		});
		// A second start (another instance, a restart) finds everything in place.
		await withQueue(db, APP_JOBS, async () => {
			expect((await jobOverview(db)).queues).toHaveLength(APP_JOBS.length);
		});
	});

	it('retries a failing job, and shows the error of one that failed for good', async () => {
		const { db } = current();
		let runs = 0;
		const flaky = defineJob({
			name: 'test-flaky',
			retryLimit: 2,
			retryDelay: 0,
			async run() {
				runs++;
				if (runs === 1) throw new Error('the first run fails');
				return { runs };
			}
		});
		const broken = defineJob({
			name: 'test-broken',
			retryLimit: 1,
			retryDelay: 0,
			async run() {
				throw new Error('always broken');
			}
		});
		await withQueue(db, [flaky, broken], async () => {
			const queue = jobQueueOf(db)!;
			expect(await queue.enqueue(flaky.name)).toBeTruthy();
			expect(await queue.enqueue(broken.name)).toBeTruthy();
			expect(
				await within(20_000, async () => {
					const states = [...(await jobsOf(db, flaky.name)), ...(await jobsOf(db, broken.name))];
					return states.every((j) => j.state === 'completed' || j.state === 'failed');
				})
			).toBe(true);
		});
		const [done] = await jobsOf(db, flaky.name);
		expect(done).toMatchObject({ state: 'completed', retry_count: 1, output: { runs: 2 } });
		expect(runs).toBe(2);
		const [failed] = await jobsOf(db, broken.name);
		expect(failed).toMatchObject({ state: 'failed', retry_count: 1 });
		const view = await jobOverview(db);
		expect(view.queues.find((q) => q.name === broken.name)?.counts.failed).toBe(1);
		const shown = view.recent.find((j) => j.name === broken.name)!;
		expect(shown).toMatchObject({ state: 'failed', retryCount: 1, error: 'always broken' });
		expect(shown.completedOn).toBeGreaterThanOrEqual(shown.createdOn);
	});

	it('the daily housekeeping deletes ended sessions and rate-limit windows', async () => {
		const { db } = current();
		const user = await makeActor(db, 'housekeeping-user', 'reviewer', null);
		const ended = await createSession(db, generateSessionToken(), user.id);
		const live = await createSession(db, generateSessionToken(), user.id);
		await db
			.update(sessions)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(sessions.id, ended.id));
		await db.insert(rateCounters).values([
			{ key: 'test:ended', hits: 3, expiresAt: new Date(Date.now() - 1000) },
			{ key: 'test:open', hits: 1, expiresAt: new Date(Date.now() + 60_000) }
		]);
		await withQueue(db, [dailyHousekeeping], async () => {
			expect(await jobQueueOf(db)!.enqueue(dailyHousekeeping.name)).toBeTruthy();
			expect(
				await within(10_000, async () =>
					(await jobsOf(db, dailyHousekeeping.name)).some((j) => j.state === 'completed')
				)
			).toBe(true);
		});
		const [job] = await jobsOf(db, dailyHousekeeping.name);
		expect(job.output).toEqual({ rateWindows: 1, sessions: 1 });
		expect((await db.select().from(sessions)).map((s) => s.id)).toEqual([live.id]);
		expect((await db.select().from(rateCounters)).map((r) => r.key)).toEqual(['test:open']);
	});

	it('retrains the categoriser as a job when it is behind, and the process loads the stored model', async () => {
		const { db } = current();
		await seedDemo(db, 'demo-password');
		const jobs = (await startJobs(db, FAST))!;
		try {
			// Start-up loads the lexicon (nothing stored yet) and sends a retrain instead of training.
			const cold = await categoriserFor(db);
			expect(cold.exampleCount).toBe(0);
			expect(await within(30_000, async () => (await categoriserFor(db)).exampleCount > 100)).toBe(
				true
			);
			const [stored] = await db.select().from(insightModels);
			expect((await categoriserFor(db)).exampleCount).toBe(stored.examples);
			const [job] = await jobsOf(db, categoriserRetrain.name);
			expect(job).toMatchObject({
				state: 'completed',
				output: { trained: true, decisions: stored.examples }
			});
			// "Run now" trains again although nothing changed; the model is stored anew.
			const admin = await makeActor(db, 'jobs-admin', 'reviewer', null);
			expect(await retrainNow(db, admin.id)).toBe(true);
			expect(
				await within(30_000, async () => {
					const [latest] = await db.select({ id: insightModels.id }).from(insightModels);
					return latest.id > stored.id;
				})
			).toBe(true);
		} finally {
			await jobs.stop();
		}
		await expect(retrainNow(db, 1)).rejects.toThrow('jobs_unavailable');
	});
});

// Two app instances are two connection pools on one PostgreSQL database (PGlite allows one).
const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('job queue across instances', () => {
	let test: Awaited<ReturnType<typeof createTestDatabase>>;
	let other: DatabaseHandle;
	let signals: ChangeSignals;
	beforeAll(async () => {
		test = await createTestDatabase('postgres', { demo: true });
		other = openDatabase({ url: test.url, poolSize: 5 });
		// B hears A's messages; A would hear B's too, but needs not for this test.
		signals = startChangeSignals(other)!;
		expect(await within(10_000, () => signals.connects === 1)).toBe(true);
	});
	afterAll(async () => {
		await signals?.stop();
		await other?.close();
		await test?.dispose();
	});

	it('instances starting together install the queue and create its queues without a deadlock', async () => {
		const more = [0, 1].map(() => openDatabase({ url: test.url, poolSize: 3 }));
		const dbs = [test.db, other.db, ...more.map((h) => h.db)];
		try {
			// Each start throws if its DDL deadlocks with another's (pg-boss creates a queue's table).
			const queues = await Promise.all(dbs.map((db) => startJobQueue(db, APP_JOBS, FAST)));
			await Promise.all(queues.map((q) => q.stop()));
			expect((await jobOverview(test.db)).queues).toHaveLength(APP_JOBS.length);
		} finally {
			await Promise.all(more.map((h) => h.close()));
		}
	});

	it('two instances asking for a retrain at once: it trains once, and both load the model', async () => {
		const [a, b] = [test.db, other.db];
		const [jobsA, jobsB] = await Promise.all([startJobs(a, FAST), startJobs(b, FAST)]);
		try {
			const [coldA, coldB] = await Promise.all([categoriserFor(a), categoriserFor(b)]);
			expect([coldA.exampleCount, coldB.exampleCount]).toEqual([0, 0]);
			expect(
				await within(30_000, async () => {
					const [modelA, modelB] = await Promise.all([categoriserFor(a), categoriserFor(b)]);
					return modelA.exampleCount > 100 && modelB.exampleCount > 100;
				})
			).toBe(true);
			// Let a second job, if one was sent while the first ran, finish too.
			expect(
				await within(20_000, async () =>
					(await jobsOf(a, categoriserRetrain.name)).every((j) => j.state === 'completed')
				)
			).toBe(true);
		} finally {
			await Promise.all([jobsA!.stop(), jobsB!.stop()]);
		}
		const runs = await jobsOf(a, categoriserRetrain.name);
		expect(runs.filter((j) => j.output?.trained === true)).toHaveLength(1);
		expect(runs.length).toBeLessThanOrEqual(2);
		const [{ n }] = await a.select({ n: count() }).from(insightModels);
		expect(n).toBe(1);
		const [stored] = await a.select().from(insightModels);
		expect((await categoriserFor(a)).exampleCount).toBe(stored.examples);
		expect((await categoriserFor(b)).exampleCount).toBe(stored.examples);
	});
});
