// Starts the production build in a child process for benchmarks and checks, on a free port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export function ensureBuild(): void {
	if (existsSync(path.join(root, 'build', 'index.js'))) return;
	const vite = path.join(root, 'node_modules/vite/bin/vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (result.status !== 0) throw new Error('build failed');
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/**
 * A free port kept bound until `release()`, for a server started later (nginx after the app
 * instances): while it is held, no other `freePort()` here or elsewhere on the machine gets it.
 */
export function heldPort(): Promise<{ port: number; release(): Promise<void> }> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			resolve({ port, release: () => new Promise<void>((done) => server.close(() => done())) });
		});
	});
}

/** Extra node options for the server, e.g. XINKAN_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof". */
function serverNodeArgs(): string[] {
	return (process.env.XINKAN_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

export interface RunningServer {
	origin: string;
	child: ChildProcess;
	stop(): Promise<void>;
}

/** Runs the production server (scripts/serve.mjs) with the given environment and waits until /healthz answers. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	const child = spawn(
		process.execPath,
		[...serverNodeArgs(), path.join(root, 'scripts', 'serve.mjs')],
		{
			cwd: root,
			env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, ...env },
			stdio: ['ignore', 'ignore', 'inherit']
		}
	);
	const deadline = Date.now() + 90_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${origin}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`the server on ${origin} did not answer /healthz within 90 s`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		origin,
		child,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

/** A process's peak resident memory (VmHWM) in MiB, since it started or since `resetPeakRss`. */
export function peakRssMiB(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024);
}

/**
 * Starts a new peak for `peakRssMiB` (proc(5): writing 5 to clear_refs resets VmHWM to the current
 * resident size), so that each run's peak is its own and not the largest of the runs before it.
 */
export function resetPeakRss(pid: number): void {
	try {
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
	} catch {
		// not allowed here (another user's process): the peak then counts from the start
	}
}

/**
 * Waits until the server has a stored categoriser model in use (/healthz `categoriserModel`): a
 * fresh database's first retrain runs as a job in the server's own process for a few seconds after
 * start-up, and a benchmark that began meanwhile would measure the training too.
 */
export async function waitForCategoriser(origin: string, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const health = (await (await fetch(`${origin}/healthz`)).json()) as {
			categoriserModel?: number | null;
		};
		if (health.categoriserModel != null) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`no categoriser model in use on ${origin} after ${timeoutMs / 1000} s`);
}

/** utime + stime of a process and of its waited-for children, in clock ticks; 0 once it is gone. */
export function cpuTicks(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// Fields 14–17 of proc(5), counted from `state` (field 3) here: those of ended children are
		// in them; running children (a training process) are added below.
		const own = fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0);
		return own + childPids(pid).reduce((sum, child) => sum + cpuTicks(child), 0);
	} catch {
		return 0;
	}
}

/** The running children of a process (proc(5), /proc/[pid]/task/[tid]/children). */
function childPids(pid: number): number[] {
	try {
		return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
			readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8')
				.split(' ')
				.filter(Boolean)
				.map(Number)
		);
	} catch {
		return [];
	}
}

/**
 * Waits until the server has used under 5 % of a core for three seconds running: a fresh
 * database's start-up work (the first retrains, in this process, a worker thread or a training
 * process, whose CPU is counted too) is over, and a benchmark measures the load it sends, not that.
 */
export async function waitForQuiet(pid: number, timeoutMs = 180_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = cpuTicks(pid);
	let quietSeconds = 0;
	while (quietSeconds < 3) {
		if (Date.now() > deadline) {
			throw new Error(`process ${pid} was still busy after ${timeoutMs / 1000} s`);
		}
		await new Promise((r) => setTimeout(r, 1000));
		const now = cpuTicks(pid);
		quietSeconds = now - last < 5 ? quietSeconds + 1 : 0;
		last = now;
	}
}
