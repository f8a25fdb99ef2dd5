import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { Role } from '../db/schema';
import { requireRole, safeNext } from './guard';

function eventFor(role: Role | null): RequestEvent {
	const user = role ? { id: 1, username: 'u', displayName: '', role, unitId: null } : null;
	return {
		locals: { user },
		url: new URL('http://localhost/admin/users?x=1')
	} as unknown as RequestEvent;
}

describe('requireRole', () => {
	it('sends anonymous users to the login page with the way back', () => {
		expect(() => requireRole(eventFor(null), 'organiser')).toThrow(
			expect.objectContaining({ status: 303, location: '/login?next=%2Fadmin%2Fusers%3Fx%3D1' })
		);
	});

	it('answers 403 to a role that is not listed, and lets listed roles and admins through', () => {
		expect(() => requireRole(eventFor('clerk'), 'organiser')).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(requireRole(eventFor('organiser'), 'organiser').role).toBe('organiser');
		expect(requireRole(eventFor('admin'), 'organiser').role).toBe('admin');
	});
});

describe('safeNext', () => {
	it('keeps paths on this site and refuses other hosts', () => {
		expect(safeNext('/admin/units?edit=2')).toBe('/admin/units?edit=2');
		expect(safeNext('//evil.example/x')).toBe('/admin');
		expect(safeNext('/\\evil.example')).toBe('/admin');
		expect(safeNext('https://evil.example')).toBe('/admin');
		expect(safeNext(null, '/')).toBe('/');
	});

	it('keeps a good path with its query and fragment unchanged', () => {
		expect(safeNext('/admin/suggestions?status=new#x')).toBe('/admin/suggestions?status=new#x');
		expect(safeNext('/f/road-survey?c=ABC', '/')).toBe('/f/road-survey?c=ABC');
		expect(safeNext('/', '/admin')).toBe('/');
	});

	// Each value is what `url.searchParams.get('next')` hands over, i.e. already decoded once.
	it.each([
		['%09 (tab) before a second slash', '/\t/127.0.0.1:4399/x'],
		['%0A (line feed)', '/\n/evil.example'],
		['%0D (carriage return)', '/\r/evil.example'],
		['%00 (NUL)', '/\u0000/evil.example'],
		['DEL', '/\u007f/evil.example'],
		['a C1 control (U+0085)', '/\u0085/evil.example'],
		['a backslash', '\\evil.example'],
		['slash then backslash', '/\\evil.example'],
		['backslash later in the path', '/admin\\..\\\\evil.example'],
		['two slashes', '//evil.example'],
		['%2F%2F', '//evil.example/x'],
		['/%E3%80%80 (ideographic space)', '/\u3000/evil.example'],
		['a full-width solidus (U+FF0F)', '/\uff0fevil.example'],
		['a full-width letter', '/\uff41dmin'],
		['a dot segment that resolves to two slashes', '/.//evil.example'],
		['dot-dot that resolves to two slashes', '/x/..//evil.example'],
		['an absolute URL', 'https://evil.example'],
		['a scheme with a single slash', 'https:/evil.example'],
		['javascript:', 'javascript:alert(1)'],
		['a relative path', 'admin'],
		['empty', '']
	])('refuses %s', (_name, next) => {
		expect(safeNext(next)).toBe('/admin');
		expect(safeNext(next, '/')).toBe('/');
	});

	it('answers ASCII only, so a Location header built from it cannot fail', () => {
		expect(safeNext('/admin/campaigns?q=道路')).toBe('/admin/campaigns?q=%E9%81%93%E8%B7%AF');
	});
});
