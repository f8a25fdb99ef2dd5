import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from './client';
import { FolderInUse, LOCK_FILE, lockFolder } from './folder-lock';

const root = path.resolve(import.meta.dirname, '../../../..');

// A separate Node process that opens the data folder as the app does, says "ready" once a query
// has run, and holds the folder until its standard input closes.
const HOLDER = `
import { openDatabase } from './src/lib/server/db/client.ts';
import { sql } from 'drizzle-orm';
try {
	const handle = openDatabase({ dataDir: process.argv[1] });
	await handle.db.execute(sql\`create table if not exists seen (at timestamptz default now())\`);
	await handle.db.execute(sql\`insert into seen default values\`);
	console.log('ready');
	process.stdin.resume();
	process.stdin.on('end', () => void handle.close().then(() => process.exit(0)));
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exit(3);
}
`;

function startHolder(dataDir: string): ChildProcess {
	return spawn(
		process.execPath,
		['--import', 'tsx', '--input-type=module', '-e', HOLDER, dataDir],
		{ cwd: root, stdio: ['pipe', 'pipe', 'pipe'] }
	);
}

/** Resolves with "ready", or with the exit code and what the process said on stderr. */
function outcome(child: ChildProcess): Promise<{ ready: boolean; code?: number; stderr: string }> {
	return new Promise((resolve) => {
		let stderr = '';
		child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
		child.stdout!.on('data', (chunk) => {
			if (String(chunk).includes('ready')) resolve({ ready: true, stderr });
		});
		child.on('exit', (code) => resolve({ ready: false, code: code ?? -1, stderr }));
	});
}

describe('one process per PGlite data folder', () => {
	const folders: string[] = [];
	const children: ChildProcess[] = [];
	const newFolder = () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'xinkan-lock-'));
		folders.push(dir);
		return dir;
	};
	afterEach(() => {
		for (const child of children.splice(0)) child.kill('SIGKILL');
		for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	it('stops a second process on the same folder with a clear message, and lets a third in after the first is killed', async () => {
		const dir = newFolder();
		const first = startHolder(dir);
		children.push(first);
		expect(await outcome(first)).toMatchObject({ ready: true });

		const second = startHolder(dir);
		children.push(second);
		const refused = await outcome(second);
		expect(refused.ready).toBe(false);
		expect(refused.code).toBe(3);
		expect(refused.stderr).toContain(`in use by process ${first.pid}`);
		expect(refused.stderr).toContain('one process per data folder');

		// Killed without a chance to clean up: the lock file stays, naming a process that is gone.
		const gone = new Promise((resolve) => first.once('exit', resolve));
		first.kill('SIGKILL');
		await gone;
		const stale = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
		expect(stale.pid).toBe(first.pid);

		const third = startHolder(dir);
		children.push(third);
		expect(await outcome(third)).toMatchObject({ ready: true });
		expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(third.pid);
		// A clean stop removes the lock.
		const closed = new Promise((resolve) => third.once('exit', resolve));
		third.stdin!.end();
		expect(await closed).toBe(0);
		expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
	}, 60_000);

	it('refuses a second open in the same process until the first is closed', async () => {
		const dir = newFolder();
		const handle = openDatabase({ dataDir: dir });
		try {
			expect(() => openDatabase({ dataDir: dir })).toThrow(FolderInUse);
		} finally {
			await handle.close();
		}
		const again = openDatabase({ dataDir: dir });
		try {
			expect(await queryRows(again.db, (await import('drizzle-orm')).sql`select 1 as one`)).toEqual(
				[{ one: 1 }]
			);
		} finally {
			await again.close();
		}
	});

	it('takes over a lock whose process is gone, and never one whose process runs', () => {
		const dir = newFolder();
		const file = path.join(dir, LOCK_FILE);
		const exited = spawnSync(process.execPath, ['-e', '0']);
		const deadPid = exited.pid!;
		const holder = (pid: number) =>
			JSON.stringify({ pid, host: hostname(), token: `t${pid}`, since: '2026-12-02T00:00:00Z' });

		writeFileSync(file, holder(deadPid));
		const lock = lockFolder(dir);
		expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
		lock.release();
		expect(existsSync(file)).toBe(false);

		// The parent of this test runner is alive: its lock is kept, and the file is left as it was.
		writeFileSync(file, holder(process.ppid));
		expect(() => lockFolder(dir)).toThrow(`in use by process ${process.ppid}`);
		expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.ppid);
	});
});
