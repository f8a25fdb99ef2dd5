// A small keep-alive HTTP(S) client for the reliability suites and `npm run bench:submit`: every
// request has a deadline, bodies are sent as raw bytes (so malformed ones can be sent too), and
// redirects are never followed (a 303 with its Location is what a submission answers).
import http from 'node:http';
import https from 'node:https';
import { randomBytes } from 'node:crypto';

export interface HttpResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
	text: string;
	ms: number;
}

export interface HttpRequest {
	method?: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
	/** Milliseconds before the request is abandoned with an error (default 15 s). */
	timeoutMs?: number;
	/** An https.Agent for https:// addresses (e.g. one that accepts a test's own certificate). */
	agent?: http.Agent;
}

export function keepAliveAgent(maxSockets = 64): http.Agent {
	return new http.Agent({ keepAlive: true, maxSockets });
}

/** One request; rejects on a network error or when the deadline passes. */
export function request(url: string, options: HttpRequest = {}): Promise<HttpResponse> {
	const { method = 'GET', headers = {}, body, timeoutMs = 15_000, agent } = options;
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const transport = url.startsWith('https:') ? https : http;
		const req = transport.request(url, { method, headers, agent }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('error', reject);
			res.on('end', () => {
				clearTimeout(timer);
				const buffer = Buffer.concat(chunks);
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					body: buffer,
					text: buffer.toString('utf8'),
					ms: performance.now() - started
				});
			});
		});
		const timer = setTimeout(
			() => req.destroy(new Error(`${method} ${url}: no answer within ${timeoutMs} ms`)),
			timeoutMs
		);
		req.on('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		if (body !== undefined) req.end(body);
		else req.end();
	});
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A submission token as the form renders one: 32 characters of [a-z2-7]. */
export function randomToken(): string {
	return Array.from(randomBytes(32), (b) => BASE32[b & 31]).join('');
}

/** Headers of a form POST from a browser with JavaScript switched off. */
export function formHeaders(origin: string, extra: Record<string, string> = {}) {
	return {
		'content-type': 'application/x-www-form-urlencoded',
		accept: 'text/html',
		origin,
		...extra
	};
}

export type Fields = [string, string][] | Record<string, string>;

export function encodeForm(fields: Fields): string {
	return new URLSearchParams(fields).toString();
}

/** A complete answer to the demo questionnaire (liuyang-2014), with its own token. */
export function demoAnswers(token: string, suggestion = '希望停电前提前三天发短信通知'): Fields {
	return [
		['submission_token', token],
		['website', ''],
		['q_group', 'g3'],
		['q_township', 'a2'],
		['q_supply', '4'],
		['q_service', '3'],
		['q_improve', suggestion],
		['q_difficulty', '缴费网点太远'],
		['q_priorities', 'repair'],
		['q_priorities', 'payment'],
		['q_contact_name', '李先生'],
		['q_contact_phone', '13800000000']
	];
}

/** The receipt code of a `303 /f/<slug>/thanks?r=CODE` answer, or null. */
export function receiptOf(response: HttpResponse): string | null {
	if (response.status !== 303) return null;
	const location = String(response.headers.location ?? '');
	return /\/thanks\?r=([A-Za-z0-9]+)/.exec(location)?.[1] ?? null;
}

/** The `xinkan_session=…` pair from a login answer, ready for a `cookie` header. */
export function sessionCookie(response: HttpResponse): string | null {
	for (const line of response.headers['set-cookie'] ?? []) {
		const match = /^(xinkan_session=[^;]+)/.exec(line);
		if (match) return match[1];
	}
	return null;
}

/** Logs in through the login form and returns the session cookie, or throws saying why not. */
export async function logInOver(
	origin: string,
	username: string,
	password: string,
	agent?: http.Agent
): Promise<string> {
	const answer = await request(`${origin}/login`, {
		method: 'POST',
		headers: formHeaders(origin),
		body: encodeForm({ username, password }),
		agent
	});
	const cookie = sessionCookie(answer);
	if (!cookie) throw new Error(`login of ${username} failed: ${answer.status}`);
	return cookie;
}

/** The p-th percentile (0–100) of already sorted numbers. */
export function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return 0;
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
