// A PostgreSQL server of a test's own (initdb into a temp folder, run as the `postgres` OS user
// when we are root), so a test may stop and restart it without touching anyone else's database.
import { execFile, execFileSync } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { freePort } from '../../scripts/server-process';

const run = promisify(execFile);

/** The folder holding initdb and pg_ctl (newest PostgreSQL first), or null. */
export function findPostgresBin(): string | null {
	const candidates: string[] = [];
	if (process.env.XINKAN_PG_BIN) candidates.push(process.env.XINKAN_PG_BIN);
	const base = '/usr/lib/postgresql';
	if (existsSync(base)) {
		const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
		candidates.push(...versions.map((v) => path.join(base, v, 'bin')));
	}
	return (
		candidates.find(
			(dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))
		) ?? null
	);
}

export interface ThrowawayPostgres {
	port: number;
	/** postgres:// URL of a database on this server. */
	url(database?: string): string;
	stop(): Promise<void>;
	start(): Promise<void>;
	/** Stops the server at once and removes its folder; safe to call whatever state it is in. */
	dispose(): Promise<void>;
}

export async function startThrowawayPostgres(bin: string): Promise<ThrowawayPostgres> {
	const cluster = prepareCluster(bin);
	await cluster.command('initdb', [
		'-D',
		cluster.data,
		'-U',
		'postgres',
		'--auth=trust',
		'--encoding=UTF8',
		'--locale=C.UTF-8',
		'--no-sync'
	]);
	return startCluster(cluster, await freePort(), '');
}

export interface PrimaryWithReplica {
	primary: ThrowawayPostgres;
	/** A hot standby streaming from `primary` (pg_basebackup -R); read-only. */
	replica: ThrowawayPostgres;
	/** Waits until the replica has replayed everything the primary has written so far. */
	caughtUp(timeoutMs?: number): Promise<void>;
	dispose(): Promise<void>;
}

/**
 * A throwaway primary and a streaming replica of it, each in a temp folder on a free port:
 * the primary with wal_level=replica and trust for replication from 127.0.0.1, the replica made
 * by `pg_basebackup -R` and run with hot_standby=on. Replay can be paused on the replica with
 * `select pg_wal_replay_pause()` (and resumed with pg_wal_replay_resume) to make it lag.
 */
export async function startPrimaryWithReplica(bin: string): Promise<PrimaryWithReplica> {
	const primary = await startThrowawayPostgres(bin);
	const replicaCluster = prepareCluster(bin);
	let replica: ThrowawayPostgres | undefined;
	try {
		await replicaCluster.command(
			'pg_basebackup',
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(primary.port),
				'-U',
				'postgres',
				'-D',
				replicaCluster.data,
				'-R',
				'-X',
				'stream',
				'-c',
				'fast',
				'--no-sync'
			],
			60_000
		);
		replica = await startCluster(
			replicaCluster,
			await freePort(),
			'-c hot_standby=on -c hot_standby_feedback=on -c wal_receiver_status_interval=1'
		);
	} catch (e) {
		rmSync(replicaCluster.root, { recursive: true, force: true });
		await primary.dispose();
		throw e;
	}
	const standby = replica;
	return {
		primary,
		replica: standby,
		async caughtUp(timeoutMs = 30_000) {
			const onPrimary = postgres(primary.url(), { max: 1, onnotice: () => {} });
			const onReplica = postgres(standby.url(), { max: 1, onnotice: () => {} });
			try {
				const [{ lsn }] = await onPrimary<{ lsn: string }[]>`select pg_current_wal_lsn() as lsn`;
				const deadline = Date.now() + timeoutMs;
				for (;;) {
					const [{ behind }] = await onReplica<{ behind: boolean }[]>`
						select coalesce(pg_last_wal_replay_lsn() < ${lsn}::pg_lsn, true) as behind`;
					if (!behind) return;
					if (Date.now() > deadline) throw new Error(`the replica did not reach ${lsn}`);
					await new Promise((r) => setTimeout(r, 50));
				}
			} finally {
				await Promise.all([onPrimary.end({ timeout: 2 }), onReplica.end({ timeout: 2 })]);
			}
		},
		async dispose() {
			await standby.dispose();
			await primary.dispose();
		}
	};
}

interface Cluster {
	root: string;
	data: string;
	command(tool: string, args: string[], timeout?: number): Promise<unknown>;
}

/** A temp folder for one server's data, and a way to run its tools (as `postgres` when root). */
function prepareCluster(bin: string): Cluster {
	const root = mkdtempSync(path.join(tmpdir(), 'xinkan-pg-'));
	const asRoot = userInfo().uid === 0;
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
		chownSync(root, uid, gid);
	}
	chmodSync(root, 0o700);
	// As root, PostgreSQL refuses to run: every command runs as the postgres OS user instead.
	const command = (tool: string, args: string[], timeout = 30_000) =>
		asRoot
			? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { timeout })
			: run(path.join(bin, tool), args, { timeout });
	return { root, data: path.join(root, 'data'), command };
}

async function startCluster(
	cluster: Cluster,
	port: number,
	extraOptions: string
): Promise<ThrowawayPostgres> {
	const { root, data, command } = cluster;
	const log = path.join(root, 'server.log');
	// A replica can be made from this server: wal_level=replica and max_wal_senders=10 are
	// PostgreSQL's defaults (not set here, so a test may set them as a deployment would, with
	// ALTER SYSTEM), and initdb's pg_hba already trusts replication from 127.0.0.1 with --auth=trust.
	const options =
		`-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off ${extraOptions}`.trim();
	const start = async () => {
		try {
			await command('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '30', 'start']);
		} catch (e) {
			// The server's own words, before its folder (and log) is removed.
			const said = existsSync(log) ? readFileSync(log, 'utf8').slice(-2_000) : '';
			throw new Error(`${e instanceof Error ? e.message : String(e)}\n${said}`);
		}
	};
	const stop = async () => {
		await command('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
	};
	try {
		await start();
	} catch (e) {
		rmSync(root, { recursive: true, force: true });
		throw e;
	}
	return {
		port,
		url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
		start,
		stop,
		async dispose() {
			await command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], 15_000).catch(
				() => {}
			);
			rmSync(root, { recursive: true, force: true });
		}
	};
}
