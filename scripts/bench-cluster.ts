// `npm run bench:cluster`: the public form through nginx (deploy/nginx/xinkan.conf) in front of
// 1, 2 and 3 app instances on one throwaway PostgreSQL (deploy/postgresql.conf), set up by
// tests/reliability/cluster.ts exactly as the cluster test is. For each number of instances it
// prints JSON lines:
//   {"instances","via","kind":"submit","concurrency","seconds","accepted_per_s","p50ms","p99ms",
//    "non303","lost","duplicates","rss_peak_mib":[per instance],"cpu_ms_per_submission":{app,nginx,postgres}}
//   {"instances","via":"nginx","kind":"get_form"|"dashboard","concurrency","rps","p99ms","non200",
//    "cpu_ms_per_request":{app,nginx,postgres}}
// and, with one instance, the same submissions straight to the instance ("via":"direct"): the
// cost of nginx and TLS. On this 2-core machine, shared with others, the load generator, nginx,
// PostgreSQL and every instance compete for the same two cores: more instances cannot be faster
// here, and the point of these figures is correctness (nothing lost or stored twice) and the
// overhead of the cluster. The CPU milliseconds each part spends per submission (from
// /proc/<pid>/stat, children included) are what a capacity plan extrapolates from
// (deploy/README.md). Options (arguments or environment): --seconds / BENCH_SECONDS (10),
// --concurrency / BENCH_CONCURRENCY (50), --instances / BENCH_INSTANCES ("1,2,3").
import http from 'node:http';
import {
	demoAnswers,
	encodeForm,
	formHeaders,
	logInOver,
	percentile,
	randomToken,
	receiptOf,
	request,
	type HttpRequest
} from '../tests/reliability/http';
import { CLUSTER_PASSWORD, startCluster, type Cluster } from '../tests/reliability/cluster';
import { findPostgresBin } from '../tests/reliability/throwaway-postgres';
import { load } from './bench-load';
import {
	cpuTicks,
	ensureBuild,
	peakRssMiB,
	resetPeakRss,
	waitForCategoriser,
	waitForQuiet
} from './server-process';

const SLUG = 'liuyang-2014';
const SUBMIT_LIMIT = '100000000';
const TICKS_PER_S = 100;

function option(name: string, env: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	if (index >= 0 && process.argv[index + 1]) return process.argv[index + 1];
	return process.env[env] || fallback;
}

const seconds = Number(option('seconds', 'BENCH_SECONDS', '10'));
const concurrency = Number(option('concurrency', 'BENCH_CONCURRENCY', '50'));
const counts = option('instances', 'BENCH_INSTANCES', '1,2,3')
	.split(',')
	.map(Number)
	.filter((n) => n > 0);

/** CPU ticks so far of the instances, nginx and PostgreSQL (a training process counts with its instance). */
function cpuSnapshot(cluster: Cluster) {
	return {
		app: cluster.instances.reduce((sum, i) => sum + cpuTicks(i.server.child.pid!), 0),
		// cpuTicks counts a process's children too: PostgreSQL's backends, nginx's workers.
		nginx: cpuTicks(cluster.nginx.pid!),
		postgres: cpuTicks(cluster.postmasterPid)
	};
}

type CpuSnapshot = ReturnType<typeof cpuSnapshot>;

/** CPU milliseconds each part spent per request between two snapshots. */
function cpuPer(before: CpuSnapshot, after: CpuSnapshot, requests: number) {
	const per = (part: keyof CpuSnapshot) =>
		requests
			? Math.round(((after[part] - before[part]) * 100_000) / TICKS_PER_S / requests) / 100
			: null;
	return { app: per('app'), nginx: per('nginx'), postgres: per('postgres') };
}

interface Sample {
	token: string;
	status: number;
	receipt: string | null;
	ms: number;
}

async function submitRun(cluster: Cluster, base: string, agent: http.Agent, durationS: number) {
	const extra: Record<string, string> =
		base === cluster.site ? {} : { 'x-forwarded-for': '127.0.0.1' };
	const headers = formHeaders(cluster.site, extra);
	return load(concurrency, durationS, async (): Promise<Sample> => {
		const token = randomToken();
		const response = await request(`${base}/f/${SLUG}`, {
			method: 'POST',
			headers,
			body: encodeForm(demoAnswers(token, `测试意见 ${token.slice(0, 8)}：希望缩短抢修时间`)),
			agent,
			timeoutMs: 30_000
		});
		return { token, status: response.status, receipt: receiptOf(response), ms: response.ms };
	});
}

async function check(cluster: Cluster, samples: Sample[]) {
	const tokens = samples.map((s) => s.token);
	const stored = new Map<string, string[]>();
	for (let i = 0; i < tokens.length; i += 5_000) {
		const rows = await cluster.sql<{ submission_token: string; receipt_code: string }[]>`
			select submission_token, receipt_code from responses
			where submission_token = any(${tokens.slice(i, i + 5_000)})`;
		for (const row of rows) {
			stored.set(row.submission_token, [
				...(stored.get(row.submission_token) ?? []),
				row.receipt_code
			]);
		}
	}
	const accepted = samples.filter((s) => s.receipt !== null);
	const lost = accepted.filter((s) => !(stored.get(s.token) ?? []).includes(s.receipt!)).length;
	let duplicates = 0;
	for (const receipts of stored.values()) duplicates += Math.max(0, receipts.length - 1);
	return { accepted: accepted.length, lost, duplicates };
}

async function submissions(cluster: Cluster, via: 'nginx' | 'direct') {
	const base = via === 'nginx' ? cluster.site : cluster.instances[0].origin;
	// Straight to the instance: the X-Forwarded-For nginx would have sent.
	const agent =
		via === 'nginx'
			? cluster.client('127.0.0.1', concurrency)
			: new http.Agent({ keepAlive: true, maxSockets: concurrency });
	await submitRun(cluster, base, agent, 2); // warm-up: JIT, pools, keep-alive connections
	for (const i of cluster.instances) resetPeakRss(i.server.child.pid!);
	const before = cpuSnapshot(cluster);
	const run = await submitRun(cluster, base, agent, seconds);
	const after = cpuSnapshot(cluster);
	agent.destroy();
	const sorted = run.results.map((s) => s.ms).sort((a, b) => a - b);
	const { accepted, lost, duplicates } = await check(cluster, run.results);
	console.log(
		JSON.stringify({
			instances: cluster.instances.length,
			via,
			kind: 'submit',
			concurrency,
			seconds: Math.round(run.elapsed * 10) / 10,
			accepted_per_s: Math.round(accepted / run.elapsed),
			p50ms: Math.round(percentile(sorted, 50)),
			p99ms: Math.round(percentile(sorted, 99)),
			non303: run.results.filter((s) => s.status !== 303).length + run.errors,
			lost,
			duplicates,
			rss_peak_mib: cluster.instances.map((i) => peakRssMiB(i.server.child.pid!)),
			cpu_ms_per_submission: cpuPer(before, after, accepted)
		})
	);
}

async function pages(
	cluster: Cluster,
	kind: 'get_form' | 'dashboard',
	options: HttpRequest,
	url: string,
	c: number
) {
	const before = cpuSnapshot(cluster);
	const run = await load(c, Math.min(seconds, 5), async () => {
		const response = await request(cluster.site + url, options);
		return { status: response.status, ms: response.ms };
	});
	const after = cpuSnapshot(cluster);
	const sorted = run.results.map((r) => r.ms).sort((a, b) => a - b);
	console.log(
		JSON.stringify({
			instances: cluster.instances.length,
			via: 'nginx',
			kind,
			url,
			concurrency: c,
			rps: Math.round(run.results.length / run.elapsed),
			p99ms: Math.round(percentile(sorted, 99)),
			non200: run.results.filter((r) => r.status !== 200).length + run.errors,
			cpu_ms_per_request: cpuPer(before, after, run.results.length)
		})
	);
}

const bin = findPostgresBin();
if (!bin) throw new Error('bench:cluster needs initdb and pg_ctl (/usr/lib/postgresql/*/bin)');
ensureBuild();
console.error(
	`bench:cluster: ${seconds} s of submissions at concurrency ${concurrency} through nginx, with ` +
		`${counts.join(', ')} instances on one throwaway PostgreSQL (fsync=off: a test server). ` +
		'This machine has 2 cores shared by the load generator, nginx, PostgreSQL and every instance: ' +
		'the point is correctness (lost, duplicates) and overhead, not speed-up. ' +
		`The submission limit is raised (XINKAN_SUBMIT_LIMIT=${SUBMIT_LIMIT}): one client sends everything.`
);
for (const n of counts) {
	const cluster = await startCluster(bin, {
		instances: n,
		env: { XINKAN_SUBMIT_LIMIT: SUBMIT_LIMIT },
		nginxWorkers: 'auto'
	});
	try {
		// The first retrains run as jobs on the instances: not during the measurements.
		for (const instance of cluster.instances) await waitForCategoriser(instance.origin);
		for (const instance of cluster.instances) await waitForQuiet(instance.server.child.pid!);
		if (n === 1) await submissions(cluster, 'direct');
		await submissions(cluster, 'nginx');
		const agent = cluster.client('127.0.0.1', concurrency);
		const html = { accept: 'text/html', 'accept-encoding': 'gzip' };
		await pages(cluster, 'get_form', { headers: html, agent }, `/f/${SLUG}`, concurrency);
		const cookie = await logInOver(cluster.site, 'admin', CLUSTER_PASSWORD, agent);
		await pages(
			cluster,
			'dashboard',
			{ headers: { ...html, cookie }, agent },
			`/admin/campaigns/${SLUG}`,
			10
		);
	} finally {
		await cluster.dispose();
	}
}
