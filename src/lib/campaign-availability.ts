import type { CampaignStatus } from './domain';

export type Availability = 'open' | 'draft' | 'not_started' | 'ended' | 'closed' | 'archived';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Today's date (YYYY-MM-DD) where the organisation is, not where the server is. */
export function localDate(now: Date, timeZone = DEFAULT_TIME_ZONE): string {
	// Every public request asks; the answer is the same for a whole minute (time zones differ from
	// UTC by whole minutes), and formatting costs more than the rest of the check.
	const minute = Math.floor(now.getTime() / 60_000);
	const last = lastDates.get(timeZone);
	if (last?.minute === minute) return last.date;
	const date = dateFormat(timeZone).format(now);
	lastDates.set(timeZone, { minute, date });
	return date;
}

const lastDates = new Map<string, { minute: number; date: string }>();

// Building an Intl.DateTimeFormat costs far more than using one; every public page asks for today.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string): Intl.DateTimeFormat {
	let format = formats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' });
		formats.set(timeZone, format);
	}
	return format;
}

/** Whether a campaign's public form accepts answers now, and if not, why. */
export function campaignAvailability(
	campaign: { status: CampaignStatus; startsOn: string | null; endsOn: string | null },
	now: Date,
	timeZone = DEFAULT_TIME_ZONE
): Availability {
	if (campaign.status !== 'open') return campaign.status;
	const today = localDate(now, timeZone);
	if (campaign.startsOn && today < campaign.startsOn) return 'not_started';
	if (campaign.endsOn && today > campaign.endsOn) return 'ended';
	return 'open';
}
