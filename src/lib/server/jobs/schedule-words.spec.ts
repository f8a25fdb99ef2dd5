import { describe, expect, it } from 'vitest';
import { dailyHousekeeping } from './kinds';
import { scheduleInWords } from './schedule-words';

describe('schedule in words', () => {
	it('says the daily housekeeping time in both languages', () => {
		const cron = dailyHousekeeping.schedule!.cron;
		expect(scheduleInWords(cron, 'zh-CN')).toBe('在03:30');
		expect(scheduleInWords(cron, 'en')).toBe('At 03:30');
	});

	it('says other forms too, and shows a cron it cannot read as it is', () => {
		expect(scheduleInWords('0 */6 * * 1-5', 'en')).toBe(
			'On the hour, every 6 hours, Monday through Friday'
		);
		expect(scheduleInWords('not a cron', 'zh-CN')).toBe('not a cron');
	});
});
