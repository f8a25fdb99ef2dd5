import { defineConfig } from '@playwright/test';
import { E2E_ORIGIN } from './tests/e2e/accounts';
import { OIDC_E2E_APP_ENV, OIDC_E2E_ISSUER } from './tests/e2e/oidc';

// Debian's Chromium, never a downloaded browser (this machine cannot download one).
const executablePath = process.env.XINKAN_CHROMIUM || '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 30_000,
	// Two cores shared by the server, the browsers and the test runner: allow slow moments.
	expect: { timeout: 10_000 },
	reporter: [['list'], ['json', { outputFile: 'artifacts/playwright.json' }]],
	use: {
		baseURL: E2E_ORIGIN,
		locale: 'zh-CN',
		extraHTTPHeaders: { 'x-forwarded-for': '127.0.0.10' },
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	// In order: the local OpenID provider first (sso.spec.ts signs in through it), then the app,
	// told where the provider is.
	webServer: [
		{
			command: 'node node_modules/tsx/dist/cli.mjs tests/e2e/oidc-provider.ts',
			url: `${OIDC_E2E_ISSUER}/.well-known/openid-configuration`,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'ignore',
			stderr: 'pipe'
		},
		{
			command: 'node scripts/e2e-server.mjs',
			env: OIDC_E2E_APP_ENV,
			url: `${E2E_ORIGIN}/healthz`,
			reuseExistingServer: false,
			// Not the default SIGKILL: the server removes its temporary database when it stops.
			gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
			timeout: 120_000,
			stdout: 'ignore',
			stderr: 'pipe'
		}
	]
});
