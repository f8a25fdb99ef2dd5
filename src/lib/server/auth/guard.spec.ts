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
});
