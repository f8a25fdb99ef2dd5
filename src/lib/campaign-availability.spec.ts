import { describe, expect, it } from 'vitest';
import { campaignAvailability, localDate } from './campaign-availability';

describe('campaignAvailability', () => {
	const open = { status: 'open' as const, startsOn: '2014-03-17', endsOn: '2014-08-17' };

	it('counts days in the organisation’s time zone, not the server’s', () => {
		// 16:30 UTC on 16 March is already 17 March in China.
		expect(localDate(new Date('2014-03-16T16:30:00Z'))).toBe('2014-03-17');
		expect(campaignAvailability(open, new Date('2014-03-16T16:30:00Z'))).toBe('open');
		expect(campaignAvailability(open, new Date('2014-03-16T15:30:00Z'))).toBe('not_started');
	});

	it('includes the last day and says why it is not open otherwise', () => {
		expect(campaignAvailability(open, new Date('2014-08-17T15:00:00Z'))).toBe('open');
		expect(campaignAvailability(open, new Date('2014-08-17T16:30:00Z'))).toBe('ended');
		expect(campaignAvailability({ ...open, status: 'closed' }, new Date('2014-05-01'))).toBe(
			'closed'
		);
		expect(campaignAvailability({ ...open, status: 'draft' }, new Date('2014-05-01'))).toBe(
			'draft'
		);
		expect(campaignAvailability({ ...open, endsOn: null }, new Date('2030-01-01'))).toBe('open');
	});
});
