import { defineConfig } from '@playwright/test';
import { E2E_ORIGIN } from './tests/e2e/accounts';
import { OIDC_E2E_APP_ENV, OIDC_E2E_ISSUER } from './tests/e2e/oidc';
import { SINK_APP_ENV, SINK_URL } from './tests/e2e/message-sink';

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
	// In order: the local OpenID provider first (sso.spec.ts signs in through it) and the message
	// sink (SMTP and SMS, read by loop-story.spec.ts), then the app, told where both are.
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
			command: 'node node_modules/tsx/dist/cli.mjs tests/e2e/message-sink-server.ts',
			url: `${SINK_URL}/received`,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'ignore',
			stderr: 'pipe'
		},
		{
			command: 'node scripts/e2e-server.mjs',
			env: { ...OIDC_E2E_APP_ENV, ...SINK_APP_ENV },
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
