// The production server: `node scripts/serve.mjs` (what `npm start` runs after building).
// It is adapter-node's own server (build/index.js) with one addition: the public form's plain
// views and submissions are answered by the app's fast path (src/lib/server/intake/fast-path.ts) before
// SvelteKit's handler, which answers everything else and whatever the fast path hands back.
// Environment as for build/index.js: HOST, PORT, ORIGIN, ADDRESS_HEADER, XFF_DEPTH,
// BODY_SIZE_LIMIT, SHUTDOWN_TIMEOUT, KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT (SOCKET_PATH and systemd
// socket activation are build/index.js only: use `node build` for those).
import http from 'node:http';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(import.meta.dirname, '..');
// Importing the handler starts the app: its init migrates the database (see src/hooks.server.ts).
const { handler } = await import(path.join(root, 'build', 'handler.js'));
const fastPath = globalThis[Symbol.for('xinkan.fast-path')];
// Ends spreadsheet import workers (src/lib/server/startup.ts → STOP_IMPORTS_KEY).
const stopImports = globalThis[Symbol.for('xinkan.stop-imports')];

const notFound = (req, res) => {
	res.statusCode = 404;
	res.end('Not found');
};
const kit = (req, res) => handler(req, res, () => notFound(req, res));

// Security headers on every answer, static files and /_app/* included (adapter-node's file server
// does not run the app's hooks); src/lib/server/platform/security-headers.ts publishes them.
const securityHeaders = globalThis[Symbol.for('xinkan.security-headers')] ?? [];

const server = http.createServer((req, res) => {
	for (const [name, value] of securityHeaders) res.setHeader(name, value);
	if (!fastPath?.(req, res, kit)) kit(req, res);
});
const seconds = (name) => (process.env[name] ? Number(process.env[name]) * 1000 : undefined);
server.keepAliveTimeout = seconds('KEEP_ALIVE_TIMEOUT') ?? server.keepAliveTimeout;
server.headersTimeout = seconds('HEADERS_TIMEOUT') ?? server.headersTimeout;

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
server.listen({ host, port }, () => {
	const { address, port: bound } = server.address();
	const shown = address.includes(':') ? `[${address}]` : address;
	console.log(`Listening on http://${shown}:${bound}${fastPath ? '' : ' (no fast path)'}`);
});

let stopping;
function shutdown(reason) {
	if (stopping) return;
	void stopImports?.();
	server.closeIdleConnections();
	server.close((error) => {
		if (error) return;
		clearTimeout(stopping);
		// The app closes its database pool on this event (as under build/index.js).
		process.emit('sveltekit:shutdown', reason);
	});
	const grace = (Number(process.env.SHUTDOWN_TIMEOUT) || 30) * 1000;
	stopping = setTimeout(() => server.closeAllConnections(), grace);
	// The deadline, whatever is still running (a request stuck in a loop, a timer, an open
	// handle): SHUTDOWN_TIMEOUT for requests to finish, then 5 s for the app to close its pool.
	setTimeout(() => {
		console.error(`Xinkan: still running ${grace / 1000 + 5} s after ${reason}; exiting now.`);
		process.exit(1);
	}, grace + 5000).unref();
}
// Requests still running when the signal came: drop their connections as soon as they end.
server.on('request', (req) => req.on('close', () => stopping && server.closeIdleConnections()));
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
