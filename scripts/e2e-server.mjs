// The server Playwright tests run against: the production build on a fresh embedded database.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// Playwright passes the port it picked (see tests/e2e/accounts.ts); 4173 is for a start by hand.
const port = process.env.E2E_PORT || '4173';
// A fresh folder per run, removed when the server stops (Playwright stops it with SIGTERM): with a
// new port each run, a folder named after the port would be left behind every time (60 MB).
let dataDir = process.env.XINKAN_DATA_DIR;
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
else {
	dataDir = mkdtempSync(path.join(tmpdir(), 'xinkan-e2e-'));
	process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

Object.assign(process.env, {
	XINKAN_DATA_DIR: dataDir,
	// setup-db.ts loads accounts.ts, which would otherwise pick a port of its own.
	E2E_PORT: port,
	PORT: port,
	HOST: '127.0.0.1',
	ORIGIN: `http://localhost:${port}`,
	// Tests give each scenario its own client address, so the login throttle of one does not block the others.
	ADDRESS_HEADER: 'x-forwarded-for',
	XFF_DEPTH: '1',
	// Most scenarios send from one address (playwright.config.ts), about a hundred public
	// submissions in a run: the limit of 30 per 10 minutes answered the later ones 429. The limit
	// itself is tested in submission-limit.spec.ts and tests/reliability/abuse.spec.ts.
	XINKAN_SUBMIT_LIMIT: process.env.XINKAN_SUBMIT_LIMIT || '1000'
});
const setup = spawnSync(
	process.execPath,
	[path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'tests/e2e/setup-db.ts')],
	{ cwd: root, stdio: 'inherit', env: process.env }
);
if (setup.status !== 0) process.exit(setup.status ?? 1);
process.chdir(root);
watchForStalls();
await import(path.join(root, 'scripts', 'serve.mjs'));

/**
 * What the server did, for a failed run's post-mortem: every line it printed (one per request, see
 * request-log.ts) goes to artifacts/e2e-server.log with the time; a request slower than 3 s and an
 * event loop held up for more than a second are also said on stderr, which Playwright shows.
 */
function watchForStalls() {
	mkdirSync(path.join(root, 'artifacts'), { recursive: true });
	const log = createWriteStream(path.join(root, 'artifacts', 'e2e-server.log'));
	const stderr = (line) =>
		process.stderr.write(`[e2e-server ${new Date().toISOString()}] ${line}\n`);
	process.stdout.write = (chunk, ...rest) => {
		const now = new Date().toISOString();
		for (const line of String(chunk).split('\n')) {
			if (!line) continue;
			log.write(`${now} ${line}\n`);
			const ms = /^[A-Z]+ \S+ \d{3} ([\d.]+)ms$/.exec(line);
			if (ms && Number(ms[1]) > 3000) stderr(`slow request: ${line}`);
		}
		const done = rest.find((arg) => typeof arg === 'function');
		if (done) done();
		return true;
	};
	let last = performance.now();
	setInterval(() => {
		const now = performance.now();
		if (now - last > 1500) stderr(`event loop held up for ${Math.round(now - last - 500)} ms`);
		last = now;
	}, 500).unref();
}
