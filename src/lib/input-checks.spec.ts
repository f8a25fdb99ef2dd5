import { describe, expect, it } from 'vitest';
import { MAX_ID, dateParam, idParam, isCalendarDate, isId } from './input-checks';

describe('isCalendarDate', () => {
	it('accepts days of the calendar, leap days included', () => {
		for (const day of ['2024-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '1999-06-30']) {
			expect(isCalendarDate(day)).toBe(true);
		}
	});

	it.each([
		'2024-99-99',
		'2024-02-30',
		'2024-02-31',
		'2023-02-29',
		'1900-02-29',
		'2024-13-01',
		'2024-00-10',
		'2024-04-31',
		'2024-01-00',
		'0024-01-01',
		'2024-1-1',
		'2024-01-01T00:00',
		' 2024-01-01',
		'２０２４-01-01',
		''
	])('refuses %j', (value) => {
		expect(isCalendarDate(value)).toBe(false);
	});
});

describe('isId', () => {
	it('accepts whole numbers from 1 to the largest PostgreSQL integer', () => {
		expect(isId(1)).toBe(true);
		expect(isId(MAX_ID)).toBe(true);
		expect(MAX_ID).toBe(2 ** 31 - 1);
	});

	it.each([0, -1, 1.5, MAX_ID + 1, 99999999999, Number.NaN, Infinity, '12', null])(
		'refuses %j',
		(value) => {
			expect(isId(value)).toBe(false);
		}
	);
});

describe('idParam and dateParam', () => {
	it('read a good value from the address', () => {
		expect(idParam('12')).toBe(12);
		expect(idParam(String(MAX_ID))).toBe(MAX_ID);
		expect(dateParam('2024-02-29')).toBe('2024-02-29');
	});

	it('treat anything else as absent', () => {
		for (const bad of [null, '', '0', '-1', '1e3', ' 1', '1.0', '2147483648', '99999999999']) {
			expect(idParam(bad)).toBeUndefined();
		}
		expect(idParam('9'.repeat(400))).toBeUndefined();
		for (const bad of [null, '', '2024-99-99', '2024-02-30', '2024-13-01']) {
			expect(dateParam(bad)).toBeUndefined();
		}
	});
});
