// The cluster test (issue 15, "Proof"): a throwaway PostgreSQL, three instances of the production
// build on it, and Debian's nginx in front running deploy/nginx/xinkan.conf itself (cluster.ts),
// reached over TLS on loopback. One describe block per property, in this order because the third
// one kills an instance (the two after it run on the two left):
//   - one client's submission limit is one for all instances (30 accepted spread over the three,
//     the 31st refused by each of them);
//   - a campaign closed through instance A is refused by B and C within 1 s (LISTEN/NOTIFY), and
//     served again by them within 1 s once reopened;
//   - an instance killed with SIGKILL during a burst of submissions through nginx: every accepted
//     submission is stored exactly once and nginx sends the others to the instances left;
//   - the dashboard read from the streaming replica (DATABASE_REPLICA_URL) shows the burst once the
//     replica has caught up; with its replay paused a reader who did not write sees the stale
//     figure, and the fresh one after it resumes; /healthz reports the replica in use;
//   - the admin's "run now" retrain is one pg-boss job, run once across the instances, storing one
//     new model, which every running instance then uses (/healthz's categoriserModel).
// The cluster runs with a hot standby for all of them (startCluster's `replica`).
// Distinct clients are distinct loopback addresses (127.0.x.y): nginx appends the address it saw
// to X-Forwarded-For and XFF_DEPTH=1 makes the app take that one. nginx and initdb are required,
// not skipped, with XINKAN_REQUIRE_PG=1 (`.ci/run` installs nginx and openssl).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, root } from '../../scripts/server-process';
import { CLUSTER_PASSWORD, NGINX, postgresSettings, startCluster, type Cluster } from './cluster';
import {
	demoAnswers,
	encodeForm,
	formHeaders,
	logInOver,
	randomToken,
	receiptOf,
	request,
	sleep,
	type HttpResponse
} from './http';
import { receiptsByToken } from './stored-responses';
import { findPostgresBin } from './throwaway-postgres';

const SLUG = 'liuyang-2014';
/** XINKAN_SUBMIT_LIMIT and XINKAN_SUBMIT_WINDOW as shipped: the instances run with the defaults. */
const SUBMIT_LIMIT = 30;
const SUBMIT_WINDOW_MS = 600_000;
const bin = findPostgresBin();
const missing = !bin
	? 'initdb/pg_ctl not found under /usr/lib/postgresql/*/bin'
	: !existsSync(NGINX)
		? `${NGINX} is missing (apt-get install -y nginx; .ci/run installs it)`
		: !existsSync('/usr/bin/openssl')
			? 'openssl is missing (apt-get install -y openssl; .ci/run installs it)'
			: null;

if (missing) {
	if (process.env.XINKAN_REQUIRE_PG === '1') {
		describe('cluster test', () => {
			it('needs initdb, pg_ctl, nginx and openssl (XINKAN_REQUIRE_PG=1)', () => {
				expect(missing).toBeNull();
			});
		});
	} else {
		console.warn(
			`\n${'*'.repeat(78)}\n*** ${missing}: the cluster test is SKIPPED\n${'*'.repeat(78)}\n`
		);
	}
}

interface Submission {
	token: string;
	probe: string;
	status: number | 'network error';
	receipt: string | null;
}

(missing ? describe.skip : describe)('three instances behind nginx on one PostgreSQL', () => {
	let cluster: Cluster;
	/** The tokens of the burst's accepted submissions, for the properties after it. */
	let burstTokens: string[] = [];

	beforeAll(async () => {
		ensureBuild();
		cluster = await startCluster(bin!, {
			instances: 3,
			replica: true,
			// A paused replica stays in use this long, so a reader is seen to get its stale figure.
			env: { XINKAN_REPLICA_MAX_LAG_MS: '600000' }
		});
	}, 150_000);

	afterAll(async () => {
		await cluster?.dispose();
	}, 60_000);

	/** A public submission through nginx, tagged so the access log says which instance served it. */
	async function submitViaNginx(agent: https.Agent, probe: string): Promise<Submission> {
		const token = randomToken();
		const attempt: Submission = { token, probe, status: 'network error', receipt: null };
		try {
			const answer = await request(`${cluster.site}/f/${SLUG}`, {
				method: 'POST',
				headers: formHeaders(cluster.site, { 'x-cluster-probe': probe }),
				body: encodeForm(demoAnswers(token, `集群测试 ${probe}：希望缩短抢修时间`)),
				agent,
				timeoutMs: 30_000
			});
			attempt.status = answer.status;
			attempt.receipt = receiptOf(answer);
		} catch {
			// recorded as a network error
		}
		return attempt;
	}

	/**
	 * A public submission straight to one instance, with the X-Forwarded-For nginx would send for
	 * a client at `address`: how a test asks a given instance.
	 */
	function submitDirect(origin: string, address: string): Promise<HttpResponse> {
		return request(`${origin}/f/${SLUG}`, {
			method: 'POST',
			headers: formHeaders(cluster.site, { 'x-forwarded-for': address }),
			body: encodeForm(demoAnswers(randomToken())),
			timeoutMs: 15_000
		});
	}

	const nginxErrors = () => {
		const log = path.join(cluster.dir, 'error.log');
		return existsSync(log) ? readFileSync(log, 'utf8').slice(-4_000) : '';
	};

	/** For each probe, the instances nginx tried for it ("127.0.0.1:A" or "127.0.0.1:A, 127.0.0.1:B"). */
	const upstreams = () => new Map(cluster.accessLines().map((line) => [line.probe, line.upstream]));

	describe('the deploy files', () => {
		it('started the three instances together on the empty database: migrated and seeded once', async () => {
			const [{ admins, campaigns }] = await cluster.sql<{ admins: number; campaigns: number }[]>`
				select (select count(*)::int from users where username = 'admin') as admins,
					(select count(*)::int from campaigns where slug = ${SLUG}) as campaigns`;
			expect({ admins, campaigns }).toEqual({ admins: 1, campaigns: 1 });
			for (const instance of cluster.instances) {
				expect((await request(`${instance.origin}/healthz`)).status).toBe(200);
			}
		});

		it('runs PostgreSQL with deploy/postgresql.conf', async () => {
			const settings = postgresSettings();
			expect(settings.length).toBeGreaterThan(10);
			const running: [string, string][] = [];
			for (const [name] of settings) {
				const [row] = await cluster.sql.unsafe<Record<string, string>[]>(`show ${name}`);
				running.push([name, row[name]]);
			}
			expect(running).toEqual(settings);
		});

		it('redirects plain http to https, serves the hashed build files from disk, cached and gzipped', async () => {
			const plain = `http://127.0.0.1:${cluster.httpPort}`;
			const redirect = await request(`${plain}/f/${SLUG}`);
			expect(redirect.status).toBe(301);
			expect(redirect.headers.location).toBe(`https://127.0.0.1/f/${SLUG}`);

			const entry = readdirSync(path.join(root, 'build/client/_app/immutable/entry')).find((f) =>
				f.endsWith('.js')
			);
			const file = await request(`${cluster.site}/_app/immutable/entry/${entry}`, {
				headers: { 'accept-encoding': 'gzip' },
				agent: cluster.client()
			});
			expect(file.status).toBe(200);
			expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
			expect(file.headers['content-encoding']).toBe('gzip');
			expect(file.headers['content-type']).toMatch(/javascript/);
			const page = await request(`${cluster.site}/login`, {
				headers: { accept: 'text/html', 'accept-encoding': 'gzip' },
				agent: cluster.client()
			});
			expect(page.status).toBe(200);
			expect(page.headers['content-encoding']).toBe('gzip');
		});
	});

	describe('the submission limit is one for all instances', () => {
		/** The 30 and the 31st from one client at `address`, and whether all fell in one window. */
		async function attempt(address: string) {
			const windowOf = () => Math.floor(Date.now() / SUBMIT_WINDOW_MS);
			const first = windowOf();
			const agent = cluster.client(address, 1);
			const accepted: Submission[] = [];
			for (let i = 0; i < SUBMIT_LIMIT; i++) {
				accepted.push(await submitViaNginx(agent, `limit-${address}-${i}`));
			}
			// The 31st, through nginx and straight to each instance as nginx would send it.
			const viaNginx = (await submitViaNginx(agent, `limit-${address}-31`)).status;
			const direct: { instance: number; status: number }[] = [];
			for (const instance of cluster.instances) {
				const refused = await submitDirect(instance.origin, address);
				direct.push({ instance: instance.port, status: refused.status });
			}
			return { accepted, viaNginx, direct, oneWindow: windowOf() === first };
		}

		it('accepts 30 from one client spread over the instances and refuses the 31st on each', async () => {
			// The limit counts in fixed windows: all 31 (and the three straight to the instances) must
			// fall in one. A run that crossed the end of a window is done again by another client,
			// which then has a whole fresh window (waiting for one instead could outlast the test).
			let run = await attempt('127.0.2.1');
			if (!run.oneWindow) run = await attempt('127.0.2.3');
			expect(run.oneWindow).toBe(true);
			const { accepted } = run;
			expect(accepted.map((s) => s.status)).toEqual(Array(SUBMIT_LIMIT).fill(303));
			// The instance that answered each (the last nginx tried: under load a first try may fail
			// and nginx sends the submission on to the next, which the log shows as "A, B").
			const tried = upstreams();
			const servedBy = new Set(accepted.map((s) => tried.get(s.probe)?.split(', ').at(-1)));
			expect([...servedBy].sort(), `nginx's error log:\n${nginxErrors()}`).toEqual(
				cluster.instances.map((i) => `127.0.0.1:${i.port}`)
			);
			expect(run.viaNginx).toBe(429);
			expect(run.direct).toEqual(cluster.instances.map((i) => ({ instance: i.port, status: 429 })));
			// Another client is not held back by it.
			expect((await submitViaNginx(cluster.client('127.0.2.2', 1), 'limit-other')).status).toBe(
				303
			);
			const rows = await receiptsByToken(
				cluster.sql,
				accepted.map((s) => s.token)
			);
			expect(rows.size).toBe(SUBMIT_LIMIT);
		}, 120_000);
	});

	describe('a campaign closed on one instance is closed on all within 1 s', () => {
		/** Asks B and C (straight) until each refuses (409) or accepts (303) as wanted, up to 1 s after `since`. */
		async function untilAll(status: 303 | 409, since: number) {
			const others = cluster.instances.slice(1);
			const seen = new Map<number, number>();
			let n = 0;
			for (;;) {
				for (const instance of others) {
					if (seen.get(instance.port) === status) continue;
					const answer = await submitDirect(instance.origin, `10.30.${n >> 8}.${n++ & 255}`);
					seen.set(instance.port, answer.status);
				}
				if (others.every((i) => seen.get(i.port) === status)) break;
				if (performance.now() - since > 1_000) break;
				await sleep(25);
			}
			return {
				statuses: others.map((i) => seen.get(i.port)),
				withinOneSecond: performance.now() - since <= 1_000
			};
		}

		async function setStatus(cookie: string, status: 'open' | 'closed') {
			const [a] = cluster.instances;
			// Straight to instance A, as nginx would pass the organiser's request on.
			const answer = await request(`${a.origin}/admin/campaigns/${SLUG}?/status`, {
				method: 'POST',
				headers: formHeaders(cluster.site, { cookie, 'x-forwarded-for': '127.0.3.1' }),
				body: encodeForm({ status })
			});
			expect(answer.status).toBe(303);
			expect(answer.headers.location).toBe(`/admin/campaigns/${SLUG}?status=changed`);
		}

		it('refuses submissions on B and C after A closed it, and takes them again once reopened', async () => {
			const [, b, c] = cluster.instances;
			// B and C have served the open form, so each holds its copy of the campaign.
			for (const instance of [b, c]) {
				expect((await submitDirect(instance.origin, '10.31.0.1')).status).toBe(303);
			}
			const cookie = await logInOver(
				cluster.site,
				'admin',
				CLUSTER_PASSWORD,
				cluster.client('127.0.3.1', 1)
			);

			await setStatus(cookie, 'closed');
			const closed = await untilAll(409, performance.now());
			expect(closed).toEqual({ statuses: [409, 409], withinOneSecond: true });
			expect((await submitViaNginx(cluster.client('127.0.3.2', 1), 'closed')).status).toBe(409);

			await setStatus(cookie, 'open');
			const reopened = await untilAll(303, performance.now());
			expect(reopened).toEqual({ statuses: [303, 303], withinOneSecond: true });
		}, 60_000);
	});

	describe('an instance killed during a burst', () => {
		const CLIENTS = 10;
		const PER_CLIENT = 20;
		const KILL_AFTER = 60;

		it('stores every accepted submission exactly once and nginx serves the rest from the others', async () => {
			// The retrain the instances asked for at start ends first: an instance killed while it runs
			// it leaves the job active until it expires (15 min; then another instance retries it),
			// which the retrain test below would wait for. (On a loaded CI machine it was still running.)
			expect(await until(async () => (await pendingRetrains()) === 0, 60_000)).toBe(true);
			const victim = cluster.instances[2];
			const victimAddress = `127.0.0.1:${victim.port}`;
			const results: Submission[] = [];
			let killedAt = -1;
			const exited = new Promise((resolve) => victim.server.child.once('exit', resolve));
			await Promise.all(
				Array.from({ length: CLIENTS }, async (_, client) => {
					const agent = cluster.client(`127.0.4.${client + 1}`, 1);
					for (let i = 0; i < PER_CLIENT; i++) {
						results.push(await submitViaNginx(agent, `burst-${client}-${i}`));
						if (results.length === KILL_AFTER && killedAt < 0) {
							killedAt = results.length;
							victim.server.child.kill('SIGKILL');
						}
					}
				})
			);
			await exited;
			expect(killedAt).toBe(KILL_AFTER);
			expect(results).toHaveLength(CLIENTS * PER_CLIENT);

			// Every submission was answered with a receipt: those the killed instance dropped went to
			// another (non_idempotent retry on /f/<slug>, safe because of the submission token).
			const statuses = results.map((s) => s.status);
			expect(statuses.filter((s) => s !== 303)).toEqual([]);
			const accepted = results.filter((s) => s.receipt !== null);
			const rows = await receiptsByToken(
				cluster.sql,
				results.map((s) => s.token)
			);
			const lost = accepted.filter((s) => !(rows.get(s.token) ?? []).includes(s.receipt!));
			const twice = [...rows.entries()].filter(([, receipts]) => receipts.length !== 1);
			expect({ lost: lost.length, twice: twice.length }).toEqual({ lost: 0, twice: 0 });
			expect(new Set(accepted.map((s) => s.receipt)).size).toBe(accepted.length);

			// The killed instance served part of the burst, and the submissions after the kill were
			// served by the two left (the last 40 were sent well after it was gone).
			const tried = upstreams();
			const served = results.map((s) => tried.get(s.probe) ?? '');
			const retried = served.filter((u) => u.includes(', ')).length;
			console.info(
				`burst: ${results.length} submissions, ${accepted.length} accepted, ${retried} sent on ` +
					`to another instance by nginx after instance ${victim.port} failed them`
			);
			expect(served.slice(0, KILL_AFTER).some((u) => u.includes(victimAddress))).toBe(true);
			const after = new Set(served.slice(-40).map((u) => u.split(', ').at(-1)));
			expect(after.has(victimAddress)).toBe(false);
			expect(after.size).toBe(2);
			// And the site keeps answering with one instance gone.
			expect((await request(`${cluster.site}/healthz`, { agent: cluster.client() })).status).toBe(
				200
			);
			burstTokens = accepted.map((s) => s.token);
		}, 120_000);
	});

	/** Instances still running (the burst killed one). */
	const running = () =>
		cluster.instances.filter(
			(i) => i.server.child.exitCode === null && i.server.child.signalCode === null
		);

	const QUEUE = 'categoriser-retrain';

	/** Jobs of the retrain queue not yet ended (waiting, running or to be retried). */
	async function pendingRetrains(): Promise<number> {
		const [{ n }] = await cluster.sql<{ n: number }[]>`
			select count(*)::int as n from pgboss.job
			where name = ${QUEUE} and state in ('created', 'retry', 'active')`;
		return n;
	}

	/** Polls `check` every 100 ms until it answers true, up to `ms`. */
	async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
		const deadline = Date.now() + ms;
		for (;;) {
			if (await check()) return true;
			if (Date.now() > deadline) return false;
			await sleep(100);
		}
	}

	async function healthOf(origin: string) {
		const answer = await request(`${origin}/healthz`);
		expect(answer.status).toBe(200);
		return JSON.parse(answer.text) as {
			categoriserModel: number | null;
			replica: {
				configured: boolean;
				reachable?: boolean;
				usedForReads?: boolean;
				replayPaused?: boolean;
				lagBytes?: number | null;
			};
		};
	}

	describe('the dashboard read from the replica shows the burst after the lag', () => {
		/** The campaign dashboard's "returned" figure, as a logged-in user sees it through nginx. */
		async function dashboardReturned(cookie: string, agent: https.Agent): Promise<number> {
			const answer = await request(`${cluster.site}/admin/campaigns/${SLUG}`, {
				headers: { accept: 'text/html', cookie },
				agent
			});
			expect(answer.status).toBe(200);
			const figure = /data-testid="returned"[^>]*>(\d+)</.exec(answer.text)?.[1];
			expect(figure, 'the dashboard shows a returned figure').toBeTruthy();
			return Number(figure);
		}

		/** What the dashboard counts, read from the primary. */
		async function returnedOnPrimary(): Promise<number> {
			const [{ n }] = await cluster.sql<{ n: number }[]>`
				select coalesce(sum(t.n), 0)::int as n from response_tallies t
					join campaigns c on c.id = t.campaign_id
				where c.slug = ${SLUG} and t.dim = 'channel'`;
			return n;
		}

		it('reports the replica in use, shows the burst once it caught up, and a stale figure only while it lags', async () => {
			const replica = cluster.replica!;
			expect(replica).toBeTruthy();
			expect(burstTokens.length).toBeGreaterThan(100);
			const [a] = running();

			// Every instance still running reports the replica reachable and used for reads.
			for (const instance of running()) {
				const { replica: seen } = await healthOf(instance.origin);
				expect({ instance: instance.port, ...seen }).toMatchObject({
					instance: instance.port,
					configured: true,
					reachable: true,
					usedForReads: true
				});
			}

			// After the lag: the replica has every accepted submission of the burst, and the
			// organiser's dashboard, read from it, shows the primary's figure.
			await replica.caughtUp();
			const [{ n: onReplica }] = await replica.sql<{ n: number }[]>`
				select count(*)::int as n from responses where submission_token = any(${burstTokens})`;
			expect(onReplica).toBe(burstTokens.length);
			const agent = cluster.client('127.0.5.1', 2);
			const cookie = await logInOver(cluster.site, 'admin', CLUSTER_PASSWORD, agent);
			const before = await returnedOnPrimary();
			expect(await dashboardReturned(cookie, agent)).toBe(before);

			// Replay paused: new submissions reach the primary only, and a reader who did not write
			// them still gets the replica's (stale) figure, while /healthz says it lags.
			await replica.sql`select pg_wal_replay_pause()`;
			try {
				expect(
					await until(async () => {
						const [{ state }] = await replica.sql<{ state: string }[]>`
							select pg_get_wal_replay_pause_state() as state`;
						return state === 'paused';
					}, 10_000)
				).toBe(true);
				const more = 5;
				const sender = cluster.client('127.0.5.2', 1);
				for (let i = 0; i < more; i++) {
					expect((await submitViaNginx(sender, `replica-${i}`)).status).toBe(303);
				}
				expect(await returnedOnPrimary()).toBe(before + more);
				expect(await dashboardReturned(cookie, agent)).toBe(before);
				const { replica: lagging } = await healthOf(a.origin);
				expect(lagging).toMatchObject({ reachable: true, replayPaused: true });
				expect(lagging.lagBytes).toBeGreaterThan(0);
			} finally {
				await replica.sql`select pg_wal_replay_resume()`;
			}
			// Resumed and caught up: the same reader sees the new submissions.
			await replica.caughtUp();
			let shown = -1;
			const fresh = await until(async () => {
				shown = await dashboardReturned(cookie, agent);
				return shown === before + 5;
			}, 5_000);
			expect({ fresh, shown }).toEqual({ fresh: true, shown: before + 5 });
			console.info(
				`replica: dashboard ${before} after the burst, ${before} while paused, ${shown} after`
			);
		}, 90_000);
	});

	describe('a retrain job runs once across the instances', () => {
		/** The model each running instance's review queue uses, after a reviewer opened it there. */
		async function modelsInUse(cookie: string): Promise<Record<number, number | null>> {
			const models: Record<number, number | null> = {};
			for (const instance of running()) {
				const queue = await request(`${instance.origin}/admin/suggestions`, {
					headers: { accept: 'text/html', cookie, 'x-forwarded-for': '127.0.6.1' },
					timeoutMs: 30_000
				});
				expect(queue.status).toBe(200);
				models[instance.port] = (await healthOf(instance.origin)).categoriserModel;
			}
			return models;
		}

		it('runs the admin\'s "run now" once, stores one model, and every running instance then uses it', async () => {
			// A retrain the instances asked for at start (the demo's decisions) ends first.
			expect(await until(async () => (await pendingRetrains()) === 0, 60_000)).toBe(true);
			const [{ maxId, models }] = await cluster.sql<{ maxId: number; models: number }[]>`
				select coalesce(max(id), 0)::int as "maxId", count(*)::int as models
				from insight_models where kind = 'categoriser'`;
			const [{ since }] = await cluster.sql<{ since: Date }[]>`select now() as since`;

			const agent = cluster.client('127.0.6.1', 1);
			const cookie = await logInOver(cluster.site, 'admin', CLUSTER_PASSWORD, agent);
			const old = await modelsInUse(cookie);
			for (const id of Object.values(old)) expect(id).toBe(maxId);

			// "Run now" on /admin/jobs, through nginx to whichever instance it picks.
			const asked = await request(`${cluster.site}/admin/jobs?/retrain`, {
				method: 'POST',
				headers: formHeaders(cluster.site, { cookie }),
				body: encodeForm({}),
				agent
			});
			expect(asked.status).toBe(200);
			expect(await until(async () => (await pendingRetrains()) === 0, 60_000)).toBe(true);

			// One job, started once and completed; its output says it trained.
			const jobs = await cluster.sql<{ state: string; retries: number; trained: boolean }[]>`
				select state::text as state, retry_count as retries, (output->>'trained')::boolean as trained
				from pgboss.job where name = ${QUEUE} and created_on >= ${since}`;
			expect(jobs).toEqual([{ state: 'completed', retries: 0, trained: true }]);
			// One new model row (the retrain replaces the stored model).
			const rows = await cluster.sql<{ id: number }[]>`
				select id from insight_models where kind = 'categoriser' and id > ${maxId}`;
			expect(rows).toHaveLength(1);
			const [{ n }] = await cluster.sql<{ n: number }[]>`
				select count(*)::int as n from insight_models where kind = 'categoriser'`;
			expect(n).toBe(Math.max(models, 1));
			const newId = rows[0].id;

			// Every running instance loads it (told by NOTIFY; at worst by its 10 s recheck).
			let seen: Record<number, number | null> = {};
			const everywhere = await until(async () => {
				seen = await modelsInUse(cookie);
				return Object.values(seen).every((id) => id === newId);
			}, 15_000);
			expect({ everywhere, seen }).toEqual({
				everywhere: true,
				seen: Object.fromEntries(running().map((i) => [i.port, newId]))
			});
			expect(Object.keys(seen)).toHaveLength(2);
			console.info(`retrain: model ${maxId} → ${newId}, in use by ${JSON.stringify(seen)}`);
		}, 120_000);
	});
});
