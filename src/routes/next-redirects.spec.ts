// Every route that sends the browser on to a `next` taken from the address goes through `safeNext`:
// a hostile value lands on the route's own fallback, never on another host and never as a 500
// (a raw line feed in a `Location` header makes the response itself fail).
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { GET as switchLanguage } from './lang/[locale]/+server';
import { GET as switchLargeType } from './prefs/large/+server';
import { load as loginPage } from './(auth)/login/+page.server';

const HOSTILE = ['/\t/127.0.0.1:4399/x', '/\n/x', '/\r/evil.example', '/\u3000/evil.example'];

function eventAt(path: string, next: string, extra: object = {}): RequestEvent {
	const url = new URL(path, 'http://localhost');
	url.searchParams.set('next', next);
	const cookies = { set: () => {} } as unknown as Cookies;
	return { url, cookies, params: { locale: 'en' }, ...extra } as unknown as RequestEvent;
}

async function locationOf(run: () => unknown): Promise<string> {
	try {
		await run();
	} catch (thrown) {
		const { status, location } = thrown as { status: number; location: string };
		expect(status).toBe(303);
		return location;
	}
	throw new Error('expected a redirect');
}

describe('routes that redirect to `next`', () => {
	it.each(HOSTILE)('send %j to their fallback', async (next) => {
		const lang = eventAt('/lang/en', next);
		expect(await locationOf(() => switchLanguage(lang as never))).toBe('/');
		const large = eventAt('/prefs/large?on=1', next);
		expect(await locationOf(() => switchLargeType(large as never))).toBe('/');
		const login = eventAt('/login', next, { locals: { user: { id: 1, role: 'admin' } } });
		expect(await locationOf(() => loginPage(login as never))).toBe('/admin');
	});

	it('keep a path on this site', async () => {
		const lang = eventAt('/lang/en', '/admin/suggestions?status=new#x');
		expect(await locationOf(() => switchLanguage(lang as never))).toBe(
			'/admin/suggestions?status=new#x'
		);
	});
});
