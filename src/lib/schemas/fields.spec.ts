// Impossible dates and ids past the database's integer give a field error, never reach a service
// (where PostgreSQL would refuse them with a 500): every schema that reads one.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrors } from './form-data';
import { campaignInput } from './campaign';
import { distributionRow } from './distribution';
import { unitInput, userUpdate } from './admin';
import {
	assignInput,
	categoriseInput,
	mergeInput,
	selectedIds,
	splitInput,
	statusInput
} from './suggestion';

function errorOf(schema: z.ZodType, input: Record<string, unknown>, field: string) {
	const result = schema.safeParse(input);
	return result.success ? undefined : fieldErrors(result.error)[field];
}

const campaign = { title: '调查', slug: 'survey', anonymous: 'true' };
const row = { channel: 'paper', issued: '10' };

describe('dates', () => {
	it.each(['2024-99-99', '2024-02-30', '2024-02-31', '2024-13-01', '2023-02-29'])(
		'%s is a date_format error in every form that asks for a day',
		(day) => {
			expect(errorOf(campaignInput, { ...campaign, startsOn: day }, 'startsOn')).toBe(
				'date_format'
			);
			expect(errorOf(campaignInput, { ...campaign, endsOn: day }, 'endsOn')).toBe('date_format');
			expect(errorOf(assignInput, { departmentId: '3', deadline: day }, 'deadline')).toBe(
				'date_format'
			);
			expect(errorOf(statusInput, { status: 'planned', targetDate: day }, 'targetDate')).toBe(
				'date_format'
			);
			expect(errorOf(distributionRow, { ...row, issuedOn: day }, 'issuedOn')).toBe('date_format');
		}
	);

	it('keeps a real day, a leap day, and empty as none', () => {
		expect(assignInput.parse({ departmentId: '3', deadline: '2024-02-29' }).deadline).toBe(
			'2024-02-29'
		);
		expect(statusInput.parse({ status: 'planned', targetDate: '' }).targetDate).toBeNull();
		expect(
			campaignInput.parse({ ...campaign, startsOn: ' 2026-03-01 ', endsOn: '' })
		).toMatchObject({ startsOn: '2026-03-01', endsOn: null });
		expect(distributionRow.parse({ ...row, issuedOn: '2026-03-05' }).issuedOn).toBe('2026-03-05');
	});
});

describe('ids', () => {
	it.each(['99999999999', '2147483648', '0', '-4', '1.5', 'x'])(
		'%s is an invalid id in every form that takes one',
		(bad) => {
			expect(errorOf(categoriseInput, { categoryId: bad }, 'categoryId')).toBe('invalid');
			expect(errorOf(assignInput, { departmentId: bad }, 'departmentId')).toBe('invalid');
			expect(errorOf(splitInput, { itemId: bad, parts: 'a' }, 'itemId')).toBe('invalid');
			expect(errorOf(mergeInput, { survivorId: bad }, 'survivorId')).toBe('invalid');
			expect(errorOf(distributionRow, { ...row, groupId: bad }, 'groupId')).toBe('invalid');
			expect(
				errorOf(unitInput, { name: '部门', kind: 'department', parentId: bad }, 'parentId')
			).toBe('invalid');
			expect(
				errorOf(userUpdate, { displayName: '李', role: 'handler', unitId: bad }, 'unitId')
			).toBe('invalid');
		}
	);

	it('keeps the largest id the database holds', () => {
		expect(categoriseInput.parse({ categoryId: '2147483647' }).categoryId).toBe(2147483647);
		expect(distributionRow.parse({ ...row, areaId: '2147483647' }).areaId).toBe(2147483647);
	});

	it('drops ticked ids the database could not hold', () => {
		const form = new FormData();
		for (const v of ['4', '99999999999', '2147483647', '0', 'x']) form.append('id', v);
		expect(selectedIds(form)).toEqual([4, 2147483647]);
	});
});
