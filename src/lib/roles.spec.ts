import { describe, expect, it } from 'vitest';
import { canSeeContact } from './roles';

describe('who sees contact details', () => {
	const own = { department: 7, consented: true };
	it('shows them to admin and organiser', () => {
		expect(canSeeContact({ role: 'admin', unitId: null })).toBe(true);
		expect(canSeeContact({ role: 'organiser', unitId: null })).toBe(true);
	});
	it('shows them to a handler only for their department, and only with consent', () => {
		expect(canSeeContact({ role: 'handler', unitId: 7 }, own)).toBe(true);
		expect(canSeeContact({ role: 'handler', unitId: 8 }, own)).toBe(false);
		expect(canSeeContact({ role: 'handler', unitId: 7 }, { ...own, consented: false })).toBe(false);
		expect(
			canSeeContact({ role: 'handler', unitId: null }, { department: null, consented: true })
		).toBe(false);
		expect(canSeeContact({ role: 'handler', unitId: 7 })).toBe(false);
	});
	it('never shows them to clerks, reviewers or leaders', () => {
		for (const role of ['clerk', 'reviewer', 'leader'] as const) {
			expect(canSeeContact({ role, unitId: 7 }, own)).toBe(false);
		}
	});
});
