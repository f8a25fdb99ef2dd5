import { workingDaysBetween, type WorkCalendar } from '../../working-days';

/**
 * The seam for working days: the notifications only ask "how many working days from today until
 * this date". `deadlineNotices` asks the admin's holiday list (`holidayCalendar`); `weekendsOnly`
 * is what a calendar with no holidays gives.
 */
export interface WorkingCalendar {
	/**
	 * Working days after `from` up to and including `to` (both `YYYY-MM-DD`): 0 when `to` is
	 * `from` or earlier, 1 for the next working day.
	 */
	workingDaysUntil(from: string, to: string): number;
}

const DAY_MS = 86_400_000;

export const weekendsOnly: WorkingCalendar = {
	workingDaysUntil(from, to) {
		const start = Date.parse(`${from}T00:00:00Z`);
		const end = Date.parse(`${to}T00:00:00Z`);
		let n = 0;
		for (let t = start + DAY_MS; t <= end; t += DAY_MS) {
			const day = new Date(t).getUTCDay();
			if (day !== 0 && day !== 6) n++;
		}
		return n;
	}
};

/** China's working days with the admin's holiday list and 调休 days (src/lib/working-days.ts). */
export function holidayCalendar(calendar: WorkCalendar): WorkingCalendar {
	return {
		workingDaysUntil: (from, to) => Math.max(0, workingDaysBetween(from, to, calendar))
	};
}
