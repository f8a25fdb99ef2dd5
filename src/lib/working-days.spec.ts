import { describe, expect, it } from 'vitest';
import {
	addCalendarDays,
	addWorkingDays,
	calendarOf,
	isWorkingDay,
	workingDaysBetween
} from './working-days';

/**
 * The State Council's 2024–2025 arrangements (国务院办公厅通知): 国庆 2024 is 1–7 October off with
 * Sunday 29 September and Saturday 12 October worked; 元旦 2025 is 1 January; 春节 2025 is 28 January
 * – 4 February off with Sunday 26 January and Saturday 8 February worked.
 */
const china = calendarOf([
	...['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'].map((day) => ({
		day,
		kind: 'off' as const
	})),
	{ day: '2024-09-29', kind: 'work' },
	{ day: '2024-10-12', kind: 'work' },
	{ day: '2025-01-01', kind: 'off' },
	...['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04'].map(
		(day) => ({ day, kind: 'off' as const })
	),
	{ day: '2025-01-26', kind: 'work' },
	{ day: '2025-02-08', kind: 'work' }
]);

describe('working days', () => {
	it('knows weekends, days off and 调休 working days', () => {
		expect(isWorkingDay('2024-09-27')).toBe(true); // Friday
		expect(isWorkingDay('2024-09-28')).toBe(false); // Saturday
		expect(isWorkingDay('2024-09-29')).toBe(false); // Sunday, without the calendar
		expect(isWorkingDay('2024-09-29', china)).toBe(true); // worked instead
		expect(isWorkingDay('2024-10-01', china)).toBe(false);
		expect(isWorkingDay('2024-10-05', china)).toBe(false); // a weekend inside the holiday
		expect(isWorkingDay('2024-10-12', china)).toBe(true);
	});

	it('counts across the 国庆 week with its 调休 weekend days', () => {
		// Friday + 1: the Sunday worked instead.
		expect(addWorkingDays('2024-09-27', 1, china)).toBe('2024-09-29');
		expect(addWorkingDays('2024-09-29', 1, china)).toBe('2024-09-30');
		// Monday 30 September + 1: the week off, then Tuesday 8 October.
		expect(addWorkingDays('2024-09-30', 1, china)).toBe('2024-10-08');
		// 8, 9, 10, 11 and the Saturday 12 worked.
		expect(addWorkingDays('2024-09-30', 5, china)).toBe('2024-10-12');
		expect(addWorkingDays('2024-09-30', 6, china)).toBe('2024-10-14');
		// The same span without the calendar counts the holiday as work and the weekend as not.
		expect(addWorkingDays('2024-09-30', 5)).toBe('2024-10-07');
		// 10 working days from a Wednesday before the holiday: 26, 27, 29, 30 September, 8–12 October, 14.
		expect(addWorkingDays('2024-09-25', 10, china)).toBe('2024-10-14');
	});

	it('counts across the year end and 春节', () => {
		expect(addWorkingDays('2024-12-31', 1, china)).toBe('2025-01-02');
		expect(addWorkingDays('2024-12-31', 1)).toBe('2025-01-01');
		expect(addWorkingDays('2024-12-27', 3, china)).toBe('2025-01-02');
		expect(addWorkingDays('2024-12-20', 15, china)).toBe('2025-01-13');
		expect(addWorkingDays('2025-01-24', 1, china)).toBe('2025-01-26');
		expect(addWorkingDays('2025-01-27', 1, china)).toBe('2025-02-05');
		expect(addWorkingDays('2025-02-07', 1, china)).toBe('2025-02-08');
		expect(addWorkingDays('2024-02-28', 1)).toBe('2024-02-29'); // a leap year
		expect(addWorkingDays('2023-02-28', 1)).toBe('2023-03-01');
	});

	it('takes 0 days as the day itself, or the next working day', () => {
		expect(addWorkingDays('2024-09-29', 0, china)).toBe('2024-09-29');
		expect(addWorkingDays('2024-10-01', 0, china)).toBe('2024-10-08');
		expect(addWorkingDays('2024-09-28', 0)).toBe('2024-09-30');
	});

	it('counts the days between as the inverse of adding them', () => {
		for (let offset = 0; offset < 200; offset += 3) {
			const start = addCalendarDays('2024-09-01', offset);
			for (const n of [1, 2, 5, 10, 20]) {
				const due = addWorkingDays(start, n, china);
				expect(workingDaysBetween(start, due, china)).toBe(n);
				expect(workingDaysBetween(due, start, china)).toBe(-n);
			}
		}
		expect(workingDaysBetween('2024-09-30', '2024-10-07', china)).toBe(0);
		expect(workingDaysBetween('2024-10-08', '2024-10-08', china)).toBe(0);
	});

	it('refuses what is not a date or a sensible count', () => {
		expect(() => addWorkingDays('2024-02-30', 1)).toThrow(RangeError);
		expect(() => addWorkingDays('2024-9-30', 1)).toThrow(RangeError);
		expect(() => addWorkingDays('2024-09-30', -1)).toThrow(RangeError);
		expect(() => addWorkingDays('2024-09-30', 1.5)).toThrow(RangeError);
		expect(() => addWorkingDays('2024-09-30', 10_000)).toThrow(RangeError);
		expect(() => workingDaysBetween('2000-01-01', '2030-01-01')).toThrow(RangeError);
	});
});
