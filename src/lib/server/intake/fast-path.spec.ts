import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, parseCookies, replay } from './fast-path';

const fakeRequest = (headers: Record<string, string>, remoteAddress = '10.0.0.9') =>
	({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

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
		expect(clientAddress({})(fakeRequest({}))).toBe('10.0.0.9');
		const xff = clientAddress({ ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '2' });
		expect(xff(fakeRequest({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 3.3.3.3' }))).toBe('2.2.2.2');
		expect(xff(fakeRequest({ 'x-forwarded-for': '3.3.3.3' }))).toBeNull();
		expect(xff(fakeRequest({}))).toBeNull();
		const real = clientAddress({ ADDRESS_HEADER: 'x-real-ip' });
		expect(real(fakeRequest({ 'x-real-ip': '4.4.4.4' }))).toBe('4.4.4.4');
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
