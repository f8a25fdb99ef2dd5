// The server Playwright tests run against: the production build on a fresh embedded database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
	XFF_DEPTH: '1'
});
const setup = spawnSync(
	process.execPath,
	[path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'tests/e2e/setup-db.ts')],
	{ cwd: root, stdio: 'inherit', env: process.env }
);
if (setup.status !== 0) process.exit(setup.status ?? 1);
process.chdir(root);
await import(path.join(root, 'scripts', 'serve.mjs'));
