// The local OpenID provider for tests/e2e/sso.spec.ts, run by Playwright as a web server
// (playwright.config.ts) before the app, on the port tests/e2e/oidc.ts picked.
import { E2E_ORIGIN } from './accounts';
import { OIDC_E2E_PORT } from './oidc';
import { startTestProvider } from '../../src/lib/server/test/oidc-provider';

const provider = await startTestProvider({
	port: OIDC_E2E_PORT,
	redirectUris: [`${E2E_ORIGIN}/login/sso/callback`]
});
console.log(`test OpenID provider at ${provider.issuer}`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	process.on(signal, () => void provider.close().then(() => process.exit(0)));
}
