import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
	path: string;
	headers: IncomingHttpHeaders;
	body: string;
	at: number;
}

/** How a path of the receiver answers: a status, or hanging (never answering). */
export type Behaviour = number | 'hang' | { status: number; location: string } | number[];

/**
 * A webhook receiver for tests, on 127.0.0.1 and a free port: each path answers as told (a list
 * of statuses is used in turn, its last one repeated), and every request is kept.
 */
export async function startWebhookReceiver() {
	const received: ReceivedHook[] = [];
	const behaviours = new Map<string, Behaviour>();
	const calls = new Map<string, number>();
	const hanging = new Set<ServerResponse>();
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const path = req.url ?? '/';
			received.push({
				path,
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				at: Date.now()
			});
			const n = calls.get(path) ?? 0;
			calls.set(path, n + 1);
			const behaviour = behaviours.get(path) ?? 200;
			if (behaviour === 'hang') {
				hanging.add(res);
				return;
			}
			if (typeof behaviour === 'object' && !Array.isArray(behaviour)) {
				res.writeHead(behaviour.status, { location: behaviour.location }).end();
				return;
			}
			const status = Array.isArray(behaviour)
				? behaviour[Math.min(n, behaviour.length - 1)]
				: behaviour;
			res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: (path: string) => `http://127.0.0.1:${port}${path}`,
		port,
		received,
		on(path: string, behaviour: Behaviour) {
			behaviours.set(path, behaviour);
		},
		at: (path: string) => received.filter((r) => r.path === path),
		/** Forgets what was received and how often each path was called (a new suite). */
		reset() {
			received.length = 0;
			calls.clear();
			behaviours.clear();
		},
		async close() {
			for (const res of hanging) res.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
