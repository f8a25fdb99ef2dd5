import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { TEST_ACCOUNTS, TEST_CLIENT, type TestAccount } from './oidc-accounts';

export { TEST_CLIENT } from './oidc-accounts';

/**
 * A real OpenID Connect provider (`oidc-provider`, devDependency) for the SSO tests: Vitest starts
 * it in-process on a random port, Playwright as a web server (tests/e2e/oidc-provider.ts). Its
 * own "dev interactions" login page accepts any password for the accounts below; the account's
 * claims come from ACCOUNTS. Never part of the app.
 */
export interface RunningProvider {
	issuer: string;
	port: number;
	close(): Promise<void>;
}

export async function startTestProvider(options: {
	redirectUris: string[];
	port?: number;
	accounts?: Record<string, TestAccount>;
}): Promise<RunningProvider> {
	const accounts = { ...TEST_ACCOUNTS, ...options.accounts };
	// Listen first (port 0 = a free one), then build the provider for the issuer that port gives.
	const { createServer } = await import('node:http');
	let callback: ((req: never, res: never) => void) | null = null;
	const server: Server = createServer((req, res) => {
		if (callback) (callback as (a: typeof req, b: typeof res) => void)(req, res);
		else res.writeHead(503).end();
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	const issuer = `http://127.0.0.1:${port}`;
	const Provider = await quietly(async () => (await import('oidc-provider')).default);
	const provider = await quietly(
		async () =>
			new Provider(issuer, {
				clients: [
					{
						client_id: TEST_CLIENT.id,
						client_secret: TEST_CLIENT.secret,
						redirect_uris: options.redirectUris,
						grant_types: ['authorization_code'],
						response_types: ['code']
					}
				],
				claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'groups'] },
				cookies: { keys: ['xinkan-test-provider-cookie-key'] },
				pkce: { required: () => true },
				// Explicit lifetimes (seconds): the defaults are functions the provider warns about.
				ttl: {
					AccessToken: 600,
					AuthorizationCode: 60,
					Grant: 3600,
					IdToken: 600,
					Interaction: 600,
					Session: 3600
				},
				async findAccount(_ctx, sub) {
					const account = accounts[sub];
					if (!account) return undefined;
					return { accountId: sub, claims: () => ({ sub, ...account }) };
				}
			})
	);
	// A fault inside the provider is shown (a refused code is an answer to the client, not one).
	provider.on('server_error', (_ctx, err) => console.error('test provider:', err));
	callback = provider.callback() as never;
	return {
		issuer,
		port,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/**
 * The provider's expected warnings, said on every start, are left out: it is a test provider (its
 * in-memory store, development keys and login pages are the point), and 9.x names Node 22 as its
 * runtime while running on Node 20 here (docs/notes/sso.md). Anything else it says is kept.
 */
const EXPECTED_WARNING = /Unsupported runtime|quick start development-only/;
async function quietly<T>(run: () => Promise<T>): Promise<T> {
	const warn = console.warn;
	console.warn = (...args: unknown[]) => {
		if (!(typeof args[0] === 'string' && EXPECTED_WARNING.test(args[0]))) warn(...args);
	};
	try {
		return await run();
	} finally {
		console.warn = warn;
	}
}
