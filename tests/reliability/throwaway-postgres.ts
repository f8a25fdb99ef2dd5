// A PostgreSQL server of a test's own (initdb into a temp folder, run as the `postgres` OS user
// when we are root), so a test may stop and restart it without touching anyone else's database.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
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
	const root = mkdtempSync(path.join(tmpdir(), 'xinkan-pg-'));
	const data = path.join(root, 'data');
	const log = path.join(root, 'server.log');
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

	const port = await freePort();
	await command('initdb', [
		'-D',
		data,
		'-U',
		'postgres',
		'--auth=trust',
		'--encoding=UTF8',
		'--locale=C.UTF-8',
		'--no-sync'
	]);
	const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
	const start = async () => {
		await command('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '30', 'start']);
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
