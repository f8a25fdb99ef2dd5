// A Xinkan cluster on loopback for the cluster test and `npm run bench:cluster`, made of deploy/
// itself: a throwaway PostgreSQL (throwaway-postgres.ts) with deploy/postgresql.conf, N instances
// of the production build with deploy/xinkan.env, and Debian's nginx in front running
// deploy/nginx/xinkan.conf — only its ports, /srv/xinkan and the certificate paths are replaced
// (renderSite), so what is tested is what deploy/README.md tells people to copy. Everything started is ended and every temp folder removed by dispose(), also when the
// start fails half-way, and (processes only, synchronously) when the test process exits early.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { heldPort, root, startServer, type RunningServer } from '../../scripts/server-process';
import { request, sleep } from './http';
import {
	startPrimaryWithReplica,
	startThrowawayPostgres,
	type PrimaryWithReplica,
	type ThrowawayPostgres
} from './throwaway-postgres';

export const NGINX = '/usr/sbin/nginx';
export const SITE_FILE = path.join(root, 'deploy', 'nginx', 'xinkan.conf');
export const ENV_FILE = path.join(root, 'deploy', 'xinkan.env');
export const POSTGRES_CONF = path.join(root, 'deploy', 'postgresql.conf');
export const CLUSTER_PASSWORD = 'cluster-suite-password';

export interface SitePorts {
	http: number;
	https: number;
	upstreams: number[];
	appRoot: string;
	certificate: string;
	key: string;
}

/**
 * deploy/nginx/xinkan.conf with the loopback ports, the app folder and a certificate of the
 * test's own. Each replaced text must be found, so the file and the test cannot drift apart
 * unnoticed. It listens on 127.0.0.1 only (the IPv6 listen lines are dropped).
 */
export function renderSite(ports: SitePorts): string {
	let site = readFileSync(SITE_FILE, 'utf8');
	const replace = (pattern: RegExp, by: string | ((...m: string[]) => string)) => {
		if (!pattern.test(site)) throw new Error(`${SITE_FILE} no longer has ${pattern}`);
		site = site.replace(pattern, by as string);
	};
	// The upstream's `server 127.0.0.1:PORT options;` lines become one per instance.
	const upstream =
		/^(\s*)server 127\.0\.0\.1:\d+( [^;\n]*)?;\n(?:\s*server 127\.0\.0\.1:\d+[^;\n]*;\n)*/m;
	replace(upstream, (_all: string, indent: string, options = '') =>
		ports.upstreams.map((port) => `${indent}server 127.0.0.1:${port}${options};\n`).join('')
	);
	replace(/^\s*listen \[::\]:\d+[^;]*;\n/gm, '');
	replace(/listen 80;/, `listen 127.0.0.1:${ports.http};`);
	replace(/listen 443 /, `listen 127.0.0.1:${ports.https} `);
	replace(/\/srv\/xinkan\//g, `${ports.appRoot}/`);
	replace(/ssl_certificate \S+;/, `ssl_certificate ${ports.certificate};`);
	replace(/ssl_certificate_key \S+;/, `ssl_certificate_key ${ports.key};`);
	return site;
}

/** `name = value` lines of deploy/postgresql.conf (quotes around a value dropped). */
export function postgresSettings(): [string, string][] {
	const settings: [string, string][] = [];
	for (const line of readFileSync(POSTGRES_CONF, 'utf8').split('\n')) {
		const m = /^\s*([a-z_]+)\s*=\s*('([^']*)'|[^\s#]+)/.exec(line);
		if (m) settings.push([m[1], m[3] ?? m[2]]);
	}
	return settings;
}

/** `KEY=VALUE` lines of deploy/xinkan.env, the instances' shared environment. */
export function instanceEnvironment(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const line of readFileSync(ENV_FILE, 'utf8').split('\n')) {
		const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
		if (m) env[m[1]] = m[2];
	}
	return env;
}

/** What Debian's /etc/nginx/nginx.conf would be, around the site, in the cluster's own folder. */
function mainConfig(dir: string, workers: number | 'auto'): string {
	const mime = '/etc/nginx/mime.types';
	return `
# Running as root, nginx would hand requests to workers running as nobody, who cannot enter
# this private temporary folder (its proxy buffers live there).
${userInfo().uid === 0 ? 'user root;' : ''}
worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
	${existsSync(mime) ? `include ${mime};` : ''}
	default_type application/octet-stream;
	# Which instance answered each request, by the probe header the tests send.
	log_format cluster '$remote_addr $status "$upstream_addr" "$upstream_status" "$http_x_cluster_probe"';
	access_log ${dir}/access.log cluster;
	client_body_temp_path ${dir}/client_body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	include ${dir}/xinkan.conf;
}
`;
}

export interface Instance {
	/** http://localhost:PORT — straight to the instance, around nginx. */
	origin: string;
	port: number;
	server: RunningServer;
}

export interface Cluster {
	/** https://127.0.0.1:PORT — nginx, the only way in that sets the client address. */
	site: string;
	/** nginx's plain-http port (the site's `listen 80`, which redirects to https). */
	httpPort: number;
	instances: Instance[];
	pg: ThrowawayPostgres;
	databaseUrl: string;
	/** A connection pool of the test's own to the cluster's database. */
	sql: postgres.Sql;
	dir: string;
	accessLog: string;
	nginx: ChildProcess;
	/** The PostgreSQL server's main process id (its data folder's postmaster.pid). */
	postmasterPid: number;
	/**
	 * With `replica: true`: the streaming replica the instances read dashboards from
	 * (DATABASE_REPLICA_URL), a pool of the test's own on it, and a wait for it to replay all the
	 * primary has written so far.
	 */
	replica?: {
		server: ThrowawayPostgres;
		databaseUrl: string;
		sql: postgres.Sql;
		caughtUp(timeoutMs?: number): Promise<void>;
	};
	/** A keep-alive client that connects from the given loopback address and accepts the test certificate. */
	client(localAddress?: string, maxSockets?: number): https.Agent;
	/**
	 * nginx's access log: client address, status, the instances tried ("127.0.0.1:A, 127.0.0.1:B"
	 * when the first failed) with their statuses, and the request's x-cluster-probe header.
	 */
	accessLines(): AccessLine[];
	dispose(): Promise<void>;
}

export interface AccessLine {
	remote: string;
	status: number;
	upstream: string;
	upstreamStatus: string;
	probe: string;
}

export interface ClusterOptions {
	instances: number;
	/** Extra environment for every instance. */
	env?: Record<string, string>;
	nginxWorkers?: number | 'auto';
	/**
	 * Start a hot standby streaming from the primary too (deploy/postgresql.conf applied to both,
	 * as a replica made by pg_basebackup would carry it) and give the instances its URL as
	 * DATABASE_REPLICA_URL.
	 */
	replica?: boolean;
}

const emergency = new Set<() => void>();
let exitHookInstalled = false;
function onEarlyExit(cleanup: () => void): () => void {
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.once('exit', () => {
			for (const run of emergency) run();
		});
	}
	emergency.add(cleanup);
	return () => emergency.delete(cleanup);
}

async function startNginx(dir: string, site: string): Promise<ChildProcess> {
	const conf = path.join(dir, 'nginx.conf');
	const log = path.join(dir, 'error.log');
	execFileSync(NGINX, ['-t', '-q', '-p', `${dir}/`, '-c', conf, '-e', log]);
	const nginx = spawn(NGINX, ['-p', `${dir}/`, '-c', conf, '-e', log, '-g', 'daemon off;'], {
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const agent = new https.Agent({ rejectUnauthorized: false });
	const deadline = Date.now() + 15_000;
	try {
		for (;;) {
			if (nginx.exitCode !== null) {
				const errors = existsSync(log) ? readFileSync(log, 'utf8') : '';
				throw new Error(`nginx exited with ${nginx.exitCode}: ${errors}`);
			}
			try {
				const health = await request(`${site}/healthz`, { timeoutMs: 2_000, agent });
				if (health.status === 200) return nginx;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`nginx did not answer on ${site} within 15 s`);
			await sleep(100);
		}
	} catch (e) {
		nginx.kill('SIGKILL');
		throw e;
	} finally {
		agent.destroy();
	}
}

function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
	if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
		child.once('exit', () => {
			clearTimeout(force);
			resolve();
		});
		child.kill(signal);
	});
}

/**
 * Starts PostgreSQL, the instances — all at once on the empty database, as systemd starts them:
 * one migrates while the others wait, and the demo is loaded once — and nginx.
 */
export async function startCluster(bin: string, options: ClusterOptions): Promise<Cluster> {
	const dir = mkdtempSync(path.join(tmpdir(), 'xinkan-cluster-'));
	const agents: https.Agent[] = [];
	const instances: Instance[] = [];
	let pg: ThrowawayPostgres | undefined;
	let pair: PrimaryWithReplica | undefined;
	let sql: postgres.Sql | undefined;
	let replicaSql: postgres.Sql | undefined;
	let nginx: ChildProcess | undefined;
	let postmasterPid = 0;
	let replicaPid = 0;
	const children = () => [nginx, ...instances.map((i) => i.server.child)];
	const forget = onEarlyExit(() => {
		for (const child of children()) if (child?.exitCode === null) child.kill('SIGKILL');
		// SIGQUIT is PostgreSQL's immediate shutdown; its folder goes with the operating system's tmp.
		try {
			if (postmasterPid) process.kill(postmasterPid, 'SIGQUIT');
		} catch {
			// already gone
		}
		try {
			if (replicaPid) process.kill(replicaPid, 'SIGQUIT');
		} catch {
			// already gone
		}
		rmSync(dir, { recursive: true, force: true });
	});
	const held: Awaited<ReturnType<typeof heldPort>>[] = [];
	const dispose = async () => {
		for (const port of held.splice(0)) await port.release();
		for (const agent of agents) agent.destroy();
		await stopChild(nginx, 'SIGTERM');
		await Promise.all(instances.map((i) => stopChild(i.server.child, 'SIGTERM')));
		await sql?.end({ timeout: 2 }).catch(() => {});
		await replicaSql?.end({ timeout: 2 }).catch(() => {});
		if (pair) await pair.dispose();
		else await pg?.dispose();
		rmSync(dir, { recursive: true, force: true });
		forget();
	};
	try {
		if (options.replica) {
			pair = await startPrimaryWithReplica(bin);
			pg = pair.primary;
		} else {
			pg = await startThrowawayPostgres(bin);
		}
		// deploy/postgresql.conf, as the server would read it from conf.d/ (the throwaway's own
		// command-line options, fsync=off and its port, still win). On the primary only: a standby
		// keeps its defaults (max_wal_senders 10, at least the primary's 5, as a standby must have),
		// and its walreceiver connects again once the primary is back.
		const admin = postgres(pg.url(), { max: 1, onnotice: () => {} });
		try {
			for (const [name, value] of postgresSettings()) {
				await admin.unsafe(`alter system set ${name} = '${value.replaceAll("'", "''")}'`);
			}
		} finally {
			await admin.end({ timeout: 2 });
		}
		await pg.stop();
		await pg.start();
		const again = postgres(pg.url(), { max: 1, onnotice: () => {} });
		try {
			await again.unsafe(
				`create database xinkan template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`
			);
			const [{ setting }] = await again<{ setting: string }[]>`
				select setting from pg_settings where name = 'data_directory'`;
			postmasterPid = Number(
				readFileSync(path.join(setting, 'postmaster.pid'), 'utf8').split('\n')[0]
			);
		} finally {
			await again.end({ timeout: 2 });
		}
		const databaseUrl = pg.url('xinkan');
		sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
		let replica: Cluster['replica'];
		if (pair) {
			await pair.caughtUp();
			const replicaUrl = pair.replica.url('xinkan');
			replicaSql = postgres(replicaUrl, { max: 2, onnotice: () => {} });
			const [{ setting }] = await replicaSql<{ setting: string }[]>`
				select setting from pg_settings where name = 'data_directory'`;
			replicaPid = Number(
				readFileSync(path.join(setting, 'postmaster.pid'), 'utf8').split('\n')[0]
			);
			replica = {
				server: pair.replica,
				databaseUrl: replicaUrl,
				sql: replicaSql,
				caughtUp: pair.caughtUp
			};
		}

		// nginx's ports stay bound here until nginx starts, so no instance started meanwhile (nor any
		// other test on the machine) is given one of them.
		held.push(await heldPort(), await heldPort());
		const ports = {
			http: held[0].port,
			https: held[1].port,
			upstreams: [] as number[],
			appRoot: root,
			certificate: path.join(dir, 'cert.pem'),
			key: path.join(dir, 'key.pem')
		};
		const site = `https://127.0.0.1:${ports.https}`;
		// deploy/xinkan.env and the unit's HOST, with this machine's database and address, and
		// the demo organisation the tests post to.
		const env = {
			...instanceEnvironment(),
			HOST: '127.0.0.1',
			DATABASE_URL: databaseUrl,
			ORIGIN: site,
			XINKAN_DEMO: '1',
			XINKAN_ADMIN_PASSWORD: CLUSTER_PASSWORD,
			...(replica ? { DATABASE_REPLICA_URL: replica.databaseUrl } : {}),
			...options.env
		};
		const add = async () => {
			const server = await startServer(env);
			const port = Number(new URL(server.origin).port);
			instances.push({ origin: server.origin, port, server });
		};
		await Promise.all(Array.from({ length: options.instances }, add));
		instances.sort((a, b) => a.port - b.port);
		ports.upstreams = instances.map((i) => i.port);

		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'ec',
				'-pkeyopt',
				'ec_paramgen_curve:prime256v1',
				'-nodes',
				'-days',
				'2',
				'-subj',
				'/CN=127.0.0.1',
				'-keyout',
				ports.key,
				'-out',
				ports.certificate
			],
			{ stdio: 'ignore' }
		);
		writeFileSync(path.join(dir, 'xinkan.conf'), renderSite(ports));
		writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir, options.nginxWorkers ?? 1));
		for (const port of held.splice(0)) await port.release();
		nginx = await startNginx(dir, site);
		const accessLog = path.join(dir, 'access.log');
		return {
			site,
			httpPort: ports.http,
			instances,
			pg,
			databaseUrl,
			sql,
			dir,
			accessLog,
			nginx,
			postmasterPid,
			replica,
			client(localAddress = '127.0.0.1', maxSockets = 16) {
				const agent = new https.Agent({
					keepAlive: true,
					maxSockets,
					localAddress,
					rejectUnauthorized: false
				});
				agents.push(agent);
				return agent;
			},
			accessLines() {
				if (!existsSync(accessLog)) return [];
				const lines: AccessLine[] = [];
				for (const line of readFileSync(accessLog, 'utf8').split('\n')) {
					const m = /^(\S+) (\d+) "([^"]*)" "([^"]*)" "([^"]*)"$/.exec(line);
					if (!m) continue;
					const [, remote, status, upstream, upstreamStatus, probe] = m;
					lines.push({ remote, status: Number(status), upstream, upstreamStatus, probe });
				}
				return lines;
			},
			dispose
		};
	} catch (e) {
		await dispose().catch(() => {});
		throw e;
	}
}
