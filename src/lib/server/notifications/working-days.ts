/**
 * The seam for working days. Today weekends only; the holiday-aware calendar (China's 调休 and the
 * admin's holiday list) replaces `weekendsOnly` where `deadlineNotices` is called — the rest of the
 * notifications only ask "how many working days from today until this date".
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
