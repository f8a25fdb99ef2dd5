import { describe, expect, it } from 'vitest';
import { isPrivatePath, securityHeadersFor } from './security-headers';

describe('security headers', () => {
	it('add HSTS only when the site is served over https', () => {
		const names = (origin?: string) => securityHeadersFor({ ORIGIN: origin }).map(([n]) => n);
		expect(names('https://xinkan.example.org')).toContain('strict-transport-security');
		expect(names('HTTPS://xinkan.example.org')).toContain('strict-transport-security');
		expect(names('http://localhost:3000')).not.toContain('strict-transport-security');
		expect(names(undefined)).not.toContain('strict-transport-security');
		expect(names('http://localhost:3000')).toEqual([
			'x-content-type-options',
			'referrer-policy',
			'x-frame-options'
		]);
	});

	it('keep staff pages, exports, the API and receipts out of every cache, not the public form', () => {
		for (const path of [
			'/admin',
			'/admin/campaigns/liuyang-2014/responses/export.csv',
			'/api/v1/campaigns/liuyang-2014/suggestions',
			'/r/ABCD1234',
			'/r',
			'/f/liuyang-2014/thanks'
		]) {
			expect(isPrivatePath(path), path).toBe(true);
		}
		for (const path of [
			'/',
			'/f/liuyang-2014',
			'/board/liuyang-2014',
			'/login',
			'/administer',
			'/rss'
		]) {
			expect(isPrivatePath(path), path).toBe(false);
		}
	});
});
