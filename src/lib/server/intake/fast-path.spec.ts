import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { compileFunction } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { clientAddress, parseCookies, replay } from './fast-path';

const fakeRequest = (headers: Record<string, string>, remoteAddress = '10.0.0.9') =>
	({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

/**
 * adapter-node's own getClientAddress, cut out of its installed handler.js (which cannot be
 * imported: it imports the built app), so the comparison follows the adapter when it changes.
 */
function adapterNodeAddress(env: Record<string, string>): (req: IncomingMessage) => string {
	const file = path.resolve(
		import.meta.dirname,
		'../../../../node_modules/@sveltejs/adapter-node/files/handler.js'
	);
	const source = readFileSync(file, 'utf8');
	const open = source.indexOf('{', source.indexOf('getClientAddress: () =>'));
	let nesting = 0;
	let close = open;
	do {
		if (source[close] === '{') nesting++;
		if (source[close] === '}') nesting--;
		close++;
	} while (nesting > 0 && close < source.length);
	const body = source.slice(open + 1, close - 1);
	expect(body).toContain('xff_depth');
	const run = compileFunction(body, ['req', 'address_header', 'xff_depth', 'env_prefix']);
	// As handler.js reads them (with no envPrefix configured in svelte.config.js).
	const header = (env.ADDRESS_HEADER ?? '').toLowerCase();
	const depth = parseInt(env.XFF_DEPTH ?? '1');
	return (req) => run(req, header, depth, '') as string;
}

describe('fast path helpers', () => {
	it('reads cookies as the cookie package does: first value wins, decoded, quotes dropped', () => {
		const cookies = parseCookies(
			'xinkan_lang=en; xinkan_large="1"; xinkan_lang=zh; bad=%E0%A4%A; a=b=c'
		);
		expect(cookies.get('xinkan_lang')).toBe('en');
		expect(cookies.get('xinkan_large')).toBe('1');
		expect(cookies.get('bad')).toBe('%E0%A4%A');
		expect(cookies.get('a')).toBe('b=c');
		expect(parseCookies(undefined).size).toBe(0);
	});

	it('finds the client address as adapter-node does, and gives up where it would refuse', () => {
		const cases: { env: Record<string, string>; headers: Record<string, string> }[] = [];
		const xff = (depth: string, ...values: (string | undefined)[]) => {
			for (const value of values) {
				cases.push({
					env: { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: depth },
					headers: value === undefined ? {} : { 'x-forwarded-for': value }
				});
			}
		};
		cases.push({ env: {}, headers: { 'x-forwarded-for': '6.6.6.6' } });
		// One proxy: the address it appended, whatever the client put to its left; none → refused.
		xff('1', '1.1.1.1', '6.6.6.6, 1.1.1.1', ' 6.6.6.6 ,5.5.5.5,  1.1.1.1 ', undefined, '', ' ');
		// Two proxies: the address the outer one appended; a header from one proxy only → refused.
		xff('2', '1.1.1.1, 2.2.2.2, 3.3.3.3', '2.2.2.2, 3.3.3.3', '3.3.3.3', undefined, '');
		xff('0', '1.1.1.1');
		xff('two', '1.1.1.1');
		cases.push({ env: { ADDRESS_HEADER: 'x-real-ip' }, headers: { 'x-real-ip': '4.4.4.4' } });
		cases.push({ env: { ADDRESS_HEADER: 'x-real-ip' }, headers: {} });

		const outcomes = cases.map(({ env, headers }) => {
			let adapter: string;
			try {
				adapter = adapterNodeAddress(env)(fakeRequest(headers));
			} catch {
				adapter = 'throws';
			}
			return { env, headers, adapter, fastPath: clientAddress(env)(fakeRequest(headers)) };
		});
		for (const { adapter, fastPath, ...input } of outcomes) {
			// Where adapter-node throws (a 500 on any route asking) or finds nothing, the fast path
			// hands the request to SvelteKit, whose hook answers 400.
			const expected = adapter === 'throws' || !adapter.trim() ? null : adapter;
			expect({ ...input, fastPath }).toEqual({ ...input, fastPath: expected });
		}
		expect(outcomes.map((o) => o.adapter)).toEqual([
			...['10.0.0.9'],
			...['1.1.1.1', '1.1.1.1', '1.1.1.1', 'throws', '', ''],
			...['2.2.2.2', '2.2.2.2', 'throws', 'throws', 'throws'],
			...['throws', 'throws'],
			...['4.4.4.4', 'throws']
		]);
	});

	it('replays a request with the body already read', async () => {
		const original = {
			method: 'POST',
			url: '/f/x',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			rawHeaders: [],
			httpVersion: '1.1',
			httpVersionMajor: 1,
			httpVersionMinor: 1,
			socket: { remoteAddress: '10.0.0.1' }
		} as unknown as IncomingMessage;
		const copy = replay(original, Buffer.from('a=1&b=%E4%BD%A0'));
		expect([copy.method, copy.url, copy.httpVersionMajor, copy.socket.remoteAddress]).toEqual([
			'POST',
			'/f/x',
			1,
			'10.0.0.1'
		]);
		const chunks: Buffer[] = [];
		for await (const chunk of copy) chunks.push(chunk as Buffer);
		expect(Buffer.concat(chunks).toString()).toBe('a=1&b=%E4%BD%A0');
	});
});
