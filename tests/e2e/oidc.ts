import { spawnSync } from 'node:child_process';
import { E2E_ORIGIN } from './accounts';
import { TEST_CLIENT } from '../../src/lib/server/test/oidc-accounts';

/**
 * The local OpenID provider the SSO tests sign in through (tests/e2e/oidc-provider.ts, started by
 * playwright.config.ts before the app). Its port is picked once, by the first process to load
 * this file, and inherited through OIDC_E2E_PORT like E2E_PORT (accounts.ts).
 */
export const OIDC_E2E_PORT = freePort();
export const OIDC_E2E_ISSUER = `http://127.0.0.1:${OIDC_E2E_PORT}`;

/** What the app is told about the provider (docs/notes/sso.md). */
export const OIDC_E2E_APP_ENV = {
	XINKAN_OIDC_ISSUER: OIDC_E2E_ISSUER,
	XINKAN_OIDC_CLIENT_ID: TEST_CLIENT.id,
	XINKAN_OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
	XINKAN_OIDC_REDIRECT_BASE: E2E_ORIGIN,
	XINKAN_OIDC_ROLE_MAP: 'xinkan-admins=admin,xinkan-reviewers=reviewer',
	XINKAN_OIDC_ACCOUNTS: 'create'
};

function freePort(): number {
	if (!process.env.OIDC_E2E_PORT) {
		const probe = spawnSync(
			process.execPath,
			[
				'-e',
				"const s = require('net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });"
			],
			{ encoding: 'utf8' }
		);
		if (probe.status !== 0 || !/^\d+$/.test(probe.stdout)) {
			throw new Error(`OIDC_E2E_PORT is unset and no free port was found: ${probe.stderr}`);
		}
		process.env.OIDC_E2E_PORT = probe.stdout;
	}
	return Number(process.env.OIDC_E2E_PORT);
}
