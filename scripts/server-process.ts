// Starts the production build in a child process for benchmarks and checks, on a free port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
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
