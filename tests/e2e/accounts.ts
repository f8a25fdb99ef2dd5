import { spawnSync } from 'node:child_process';

/** Accounts the end-to-end server is seeded with (see tests/e2e/setup-db.ts). */
export const E2E_PASSWORD = 'e2e-password-1';
export const E2E_PORT = e2ePort();
export const E2E_ORIGIN = `http://localhost:${E2E_PORT}`;

export const E2E_USERS = [
	{ username: 'organiser1', role: 'organiser', unit: null },
	{ username: 'clerk1', role: 'clerk', unit: null },
	{ username: 'reviewer1', role: 'reviewer', unit: null },
	{ username: 'handler-a', role: 'handler', unit: '营销部' },
	{ username: 'handler-b', role: 'handler', unit: '运维检修部' },
	{ username: 'leader1', role: 'leader', unit: null },
	// Changes its own password (auth.spec.ts): nobody else logs in with it.
	{ username: 'account-e2e', role: 'clerk', unit: null },
	// Types forms offline (offline-entry.spec.ts): its count of the day is its own.
	{ username: 'clerk-offline', role: 'clerk', unit: null }
] as const;

/**
 * A fixed port fails the whole run when anything else holds it (a forgotten `vite preview`).
 * The first process to load this file (Playwright's main process, through playwright.config.ts)
 * picks a free port and leaves it in E2E_PORT; its workers and the web server inherit that
 * environment, so all of them agree on it. Synchronous because a config cannot wait for it.
 */
function e2ePort(): number {
	if (!process.env.E2E_PORT) {
		const probe = spawnSync(
			process.execPath,
			[
				'-e',
				"const s = require('net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });"
			],
			{ encoding: 'utf8' }
		);
		if (probe.status !== 0 || !/^\d+$/.test(probe.stdout)) {
			throw new Error(`E2E_PORT is unset and no free port was found: ${probe.stderr}`);
		}
		process.env.E2E_PORT = probe.stdout;
	}
	return Number(process.env.E2E_PORT);
}
