// `npm run bench:submit`: public-form submissions against the production server, then a count of
// what was stored. For each database (PostgreSQL when BENCH_DATABASE_URL is set, then PGlite) and
// each concurrency it prints one JSON line:
//   {"db","concurrency","seconds","rps","p50ms","p99ms","non2xx","accepted","stored","lost","duplicates"}
// and a GET run of the form page: {"db","get","concurrency","rps","p99ms"}; every line also names the
// fast path setting ("fast_path": 1 or 0) and the server's peak resident memory in that run
// ("rss_peak_mib", VmHWM reset before the run).
// Options (arguments or environment): --seconds / BENCH_SECONDS (20), --concurrency /
// BENCH_CONCURRENCY ("10,50"), --db / BENCH_DB ("postgres,pglite"), --senders / BENCH_SENDERS:
// "one" (default: every request from one address, the per-client limit raised out of the way) or
// "many" (each submission from an address of its own in X-Forwarded-For, as many people behind
// one proxy send them, under the real limit — every submission is then a first hit on its row),
// --fast-path / BENCH_FAST_PATH ("1"; "0,1" runs the same load with XINKAN_FAST_PATH=0, where
// SvelteKit answers everything, and with the fast path, one server after the other).
// --client / BENCH_CLIENT: "node" (default: the load generator in Node, which knows every token and
// checks each accepted receipt against the stored rows) or "wrk" (Debian's wrk with
// scripts/bench-submit.lua: far less CPU on the same two cores, so the server gets more of them;
// accepted, stored and duplicates are then counted per run by the tokens' prefix).
// --memory-settings / BENCH_MEMORY_SETTINGS: "1" (default: the server runs with deploy/xinkan.env's
// NODE_OPTIONS and MALLOC_ARENA_MAX, as the deployed instances do), "0" (Node's and glibc's
// defaults) or "0,1" (both, one server after the other); lines carry "memory_settings".
// --start / BENCH_START: "restarted" (default: the measured server is a second start on a database
// the first one seeded and trained, as an instance runs day to day) or "fresh" (the first start).
// A quick run:
//   npm run bench:submit -- --seconds 3 --concurrency 10
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import {
	demoAnswers,
	encodeForm,
	formHeaders,
	keepAliveAgent,
	percentile,
	randomToken,
	receiptOf,
	request
} from '../tests/reliability/http';
import { receiptsByToken } from '../tests/reliability/stored-responses';
import { instanceEnvironment } from '../tests/reliability/cluster';
import { load } from './bench-load';
import {
	ensureBuild,
	root,
	peakRssMiB,
	resetPeakRss,
	startServer,
	waitForCategoriser,
	waitForQuiet,
	type RunningServer
} from './server-process';

const SLUG = 'liuyang-2014';
const SUBMIT_LIMIT = '100000000';

function option(name: string, env: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	if (index >= 0 && process.argv[index + 1]) return process.argv[index + 1];
	return process.env[env] || fallback;
}

const seconds = Number(option('seconds', 'BENCH_SECONDS', '20'));
const concurrencies = option('concurrency', 'BENCH_CONCURRENCY', '10,50')
	.split(',')
	.map(Number)
	.filter((n) => n > 0);
const databases = option('db', 'BENCH_DB', 'postgres,pglite').split(',');
const manySenders = option('senders', 'BENCH_SENDERS', 'one') === 'many';
const fastPaths = option('fast-path', 'BENCH_FAST_PATH', '1')
	.split(',')
	.map((v) => (v.trim() === '0' ? 0 : 1));
const memorySettings = option('memory-settings', 'BENCH_MEMORY_SETTINGS', '1')
	.split(',')
	.map((v) => (v.trim() === '0' ? 0 : 1));
/** deploy/xinkan.env's memory settings, or none. */
function memoryEnv(on: number): Record<string, string> {
	if (!on) return {};
	const { NODE_OPTIONS, MALLOC_ARENA_MAX } = instanceEnvironment();
	return { NODE_OPTIONS, MALLOC_ARENA_MAX };
}
/**
 * `restarted` (default): the measured server is the second start on its database, whose demo and
 * models the first start stored, as a deployed instance runs day to day; `fresh`: the first start,
 * which seeds the demo and trains in its own process (a training process's memory is not counted).
 */
const start = option('start', 'BENCH_START', 'restarted') === 'fresh' ? 'fresh' : 'restarted';
/** The memory setting of the server being measured (set by the loops at the end). */
let memory = 1;
const client = option('client', 'BENCH_CLIENT', 'node') === 'wrk' ? 'wrk' : 'node';
/** The server's settings for the senders chosen. */
const senderEnv: Record<string, string> = manySenders
	? { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }
	: { XINKAN_SUBMIT_LIMIT: SUBMIT_LIMIT };
let sent = 0;
/** A new address per submission (10.0.0.0/8 holds 16 million) when there are many senders. */
const senderHeaders = (): Record<string, string> => {
	if (!manySenders) return {};
	const n = ++sent;
	return { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
};

interface Sample {
	token: string;
	status: number;
	receipt: string | null;
	ms: number;
}

async function submitRun(server: RunningServer, concurrency: number) {
	resetPeakRss(server.child.pid!);
	const agent = keepAliveAgent(concurrency);
	const url = `${server.origin}/f/${SLUG}`;
	const headers = formHeaders(server.origin);
	const run = await load(concurrency, seconds, async (): Promise<Sample> => {
		const token = randomToken();
		const response = await request(url, {
			method: 'POST',
			headers: { ...headers, ...senderHeaders() },
			body: encodeForm(demoAnswers(token, `测试意见 ${token.slice(0, 8)}：希望缩短抢修时间`)),
			agent,
			timeoutMs: 30_000
		});
		return { token, status: response.status, receipt: receiptOf(response), ms: response.ms };
	});
	agent.destroy();
	return { ...run, rssPeakMiB: peakRssMiB(server.child.pid!) };
}

async function getRun(server: RunningServer, concurrency: number) {
	resetPeakRss(server.child.pid!);
	const agent = keepAliveAgent(concurrency);
	const url = `${server.origin}/f/${SLUG}`;
	const run = await load(concurrency, Math.min(seconds, 10), async () => {
		// As a phone's browser asks for it: HTML, gzip accepted.
		const headers = { accept: 'text/html', 'accept-encoding': 'gzip', ...senderHeaders() };
		const response = await request(url, { headers, agent });
		return { status: response.status, ms: response.ms };
	});
	agent.destroy();
	const sorted = run.results.map((r) => r.ms).sort((a, b) => a - b);
	return {
		rps: Math.round(run.results.length / run.elapsed),
		p99ms: Math.round(percentile(sorted, 99)),
		non2xx: run.results.filter((r) => r.status !== 200).length + run.errors,
		rss_peak_mib: peakRssMiB(server.child.pid!)
	};
}

interface WrkRun {
	prefix: string;
	accepted: number;
	other: number;
	requests: number;
	errors: number;
	seconds: number;
	p50ms: number;
	p99ms: number;
	rssPeakMiB: number;
}

/** The same submissions sent by wrk; every token of the run starts with `prefix`. */
async function wrkRun(server: RunningServer, concurrency: number): Promise<WrkRun> {
	if (manySenders) throw new Error('bench:submit: --client wrk sends from one address only');
	resetPeakRss(server.child.pid!);
	const prefix = Array.from(randomBytes(6), (b) => 'abcdefghijklmnopqrstuvwxyz234567'[b & 31]).join(
		''
	);
	const rest = encodeForm(
		(demoAnswers('') as [string, string][]).filter(([name]) => name !== 'submission_token')
	);
	const headers = Object.entries(formHeaders(server.origin)).flatMap(([k, v]) => [
		'-H',
		`${k}: ${v}`
	]);
	const args = [
		'-t1',
		`-c${concurrency}`,
		`-d${seconds}s`,
		'--latency',
		'-s',
		'scripts/bench-submit.lua'
	];
	const child = spawn('wrk', [...args, ...headers, `${server.origin}/f/${SLUG}`], {
		cwd: root,
		env: { ...process.env, WRK_PREFIX: prefix, WRK_BODY: rest },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	child.stdout.on('data', (chunk) => (out += chunk));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const line = out.split('\n').find((l) => l.startsWith('{"wrk"'));
	if (code !== 0 || !line) throw new Error(`bench:submit: wrk failed (${code}):\n${out}`);
	const r = JSON.parse(line);
	return {
		prefix,
		accepted: r.accepted,
		other: r.other,
		requests: r.requests,
		errors: r.errors,
		seconds: r.us / 1e6,
		p50ms: r.p50us / 1000,
		p99ms: r.p99us / 1000,
		rssPeakMiB: peakRssMiB(server.child.pid!)
	};
}

/** One line for a wrk run: `rows` stored under its prefix, `tokens` of them distinct. */
function reportWrk(
	db: string,
	fastPath: number,
	concurrency: number,
	run: WrkRun,
	rows: number,
	tokens: number
) {
	console.log(
		JSON.stringify({
			db,
			fast_path: fastPath,
			memory_settings: memory,
			start,
			concurrency,
			client: 'wrk',
			senders: 'one',
			seconds: Math.round(run.seconds * 10) / 10,
			rps: Math.round(run.requests / run.seconds),
			p50ms: Math.round(run.p50ms),
			p99ms: Math.round(run.p99ms),
			non2xx: run.other + run.errors,
			accepted: run.accepted,
			stored: rows,
			lost: Math.max(0, run.accepted - tokens),
			duplicates: rows - tokens,
			rss_peak_mib: run.rssPeakMiB
		})
	);
}

const wrkCountSql = `select count(*)::int as rows, count(distinct submission_token)::int as tokens
	from responses where submission_token like $1`;

type Counter = (tokens: string[]) => Promise<Map<string, string[]>>;

function report(
	db: string,
	fastPath: number,
	concurrency: number,
	run: Awaited<ReturnType<typeof submitRun>>,
	stored: Map<string, string[]>
) {
	const samples = run.results;
	const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
	const accepted = samples.filter((s) => s.receipt !== null);
	const receipts = new Map<string, string>();
	let duplicates = 0;
	for (const s of accepted) {
		const other = receipts.get(s.receipt!);
		if (other !== undefined && other !== s.token) duplicates++;
		receipts.set(s.receipt!, s.token);
	}
	let lost = 0;
	let rows = 0;
	for (const s of accepted) {
		const found = stored.get(s.token) ?? [];
		if (!found.includes(s.receipt!)) lost++;
	}
	for (const found of stored.values()) {
		rows += found.length;
		if (found.length > 1) duplicates += found.length - 1;
	}
	console.log(
		JSON.stringify({
			db,
			fast_path: fastPath,
			memory_settings: memory,
			start,
			concurrency,
			senders: manySenders ? 'many' : 'one',
			seconds: Math.round(run.elapsed * 10) / 10,
			rps: Math.round(samples.length / run.elapsed),
			p50ms: Math.round(percentile(sorted, 50)),
			p99ms: Math.round(percentile(sorted, 99)),
			non2xx: samples.filter((s) => s.status !== 303).length + run.errors,
			accepted: accepted.length,
			stored: rows,
			lost,
			duplicates,
			rss_peak_mib: run.rssPeakMiB
		})
	);
}

/**
 * A server on `env`'s database once its start-up work is over (the first retrains): with `--start
 * restarted`, the second start, after a first one has seeded the demo and stored the models.
 */
async function startSettled(env: Record<string, string>): Promise<RunningServer> {
	for (let n = start === 'restarted' ? 2 : 1; ; n--) {
		const server = await startServer(env);
		try {
			await waitForCategoriser(server.origin);
			await waitForQuiet(server.child.pid!);
		} catch (e) {
			await server.stop();
			throw e;
		}
		if (n === 1) return server;
		await server.stop();
	}
}

async function benchPostgres(serverUrl: string, fastPath: number) {
	const name = `xinkan_bench_${process.pid}_${fastPath}_${memory}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(
		`create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`
	);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	let server: RunningServer | undefined;
	const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
	try {
		server = await startSettled({
			DATABASE_URL: url.toString(),
			XINKAN_FAST_PATH: String(fastPath),
			...memoryEnv(memory),
			...senderEnv
		});
		for (const concurrency of concurrencies) {
			if (client === 'wrk') {
				const run = await wrkRun(server, concurrency);
				const [c] = await sql.unsafe(wrkCountSql, [`${run.prefix}%`]);
				reportWrk('postgres', fastPath, concurrency, run, c.rows, c.tokens);
				continue;
			}
			const run = await submitRun(server, concurrency);
			const count: Counter = (tokens) => receiptsByToken(sql, tokens);
			const stored = await count(run.results.map((s) => s.token));
			report('postgres', fastPath, concurrency, run, stored);
		}
		for (const concurrency of concurrencies) {
			const get = await getRun(server, concurrency);
			const line = {
				db: 'postgres',
				fast_path: fastPath,
				memory_settings: memory,
				start,
				get: `/f/${SLUG}`,
				concurrency,
				...get
			};
			console.log(JSON.stringify(line));
		}
	} finally {
		await server?.stop();
		await sql.end({ timeout: 5 });
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end({ timeout: 5 });
	}
}

async function benchPglite(fastPath: number) {
	const dir = mkdtempSync(path.join(tmpdir(), 'xinkan-bench-'));
	const runs: { concurrency: number; run: Awaited<ReturnType<typeof submitRun>> }[] = [];
	const wrkRuns: { concurrency: number; run: WrkRun }[] = [];
	const gets: { concurrency: number; get: Awaited<ReturnType<typeof getRun>> }[] = [];
	try {
		const server = await startSettled({
			XINKAN_DATA_DIR: dir,
			XINKAN_FAST_PATH: String(fastPath),
			...memoryEnv(memory),
			...senderEnv
		});
		try {
			for (const concurrency of concurrencies) {
				if (client === 'wrk') wrkRuns.push({ concurrency, run: await wrkRun(server, concurrency) });
				else runs.push({ concurrency, run: await submitRun(server, concurrency) });
			}
			for (const concurrency of concurrencies) {
				gets.push({ concurrency, get: await getRun(server, concurrency) });
			}
		} finally {
			await server.stop();
		}
		// PGlite is single-process: count once the server has let go of the folder.
		const { openDatabase, queryRows } = await import('../src/lib/server/db/client');
		const { sql } = await import('drizzle-orm');
		const handle = openDatabase({ dataDir: dir });
		try {
			const rows = await queryRows<{ submission_token: string; receipt_code: string }>(
				handle.db,
				sql`select submission_token, receipt_code from responses where submission_token is not null`
			);
			for (const { concurrency, run } of runs) {
				const tokens = new Set(run.results.map((s) => s.token));
				const byToken = new Map<string, string[]>();
				for (const row of rows) {
					if (!tokens.has(row.submission_token)) continue;
					byToken.set(row.submission_token, [
						...(byToken.get(row.submission_token) ?? []),
						row.receipt_code
					]);
				}
				report('pglite', fastPath, concurrency, run, byToken);
			}
			for (const { concurrency, run } of wrkRuns) {
				const mine = rows.filter((row) => row.submission_token.startsWith(run.prefix));
				const tokens = new Set(mine.map((row) => row.submission_token)).size;
				reportWrk('pglite', fastPath, concurrency, run, mine.length, tokens);
			}
		} finally {
			await handle.close();
		}
		for (const { concurrency, get } of gets) {
			const line = {
				db: 'pglite',
				fast_path: fastPath,
				memory_settings: memory,
				start,
				get: `/f/${SLUG}`,
				concurrency,
				...get
			};
			console.log(JSON.stringify(line));
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

ensureBuild();
console.error(
	`bench:submit: ${seconds} s per run at concurrency ${concurrencies.join(', ')}; ` +
		(manySenders
			? 'each submission from an address of its own (X-Forwarded-For), under the real limit'
			: `the per-client submission limit is raised with XINKAN_SUBMIT_LIMIT=${SUBMIT_LIMIT} ` +
				'(every request comes from one address)')
);
if (databases.includes('postgres')) {
	const url = process.env.BENCH_DATABASE_URL;
	if (url) {
		for (memory of memorySettings) {
			for (const fastPath of fastPaths) await benchPostgres(url, fastPath);
		}
	} else console.error('bench:submit: BENCH_DATABASE_URL is not set, PostgreSQL is skipped');
}
if (databases.includes('pglite')) {
	for (memory of memorySettings) {
		for (const fastPath of fastPaths) await benchPglite(fastPath);
	}
}
