// Staff-typed filters that match the pattern but name no day (2024-02-30) or overflow PostgreSQL's
// integer (99999999999) are ignored by the pages that read them, and refused with a 400 by the
// services, rather than reaching the database and failing there as a 500 (issue 14).
import { expect, it } from 'vitest';
import { createCampaign } from '../campaigns/campaigns';
import type { SessionUser } from '../auth/session';
import { Invalid } from '../platform/errors';
import { describeEachDatabase } from '../test/databases';
import { listQueue } from './queries';
import { loadQueue } from './queue';
import { weeklyReport } from './weekly';

const ADMIN: SessionUser = {
	id: 0,
	username: 'admin',
	displayName: '',
	role: 'admin',
	unitId: null
};

describeEachDatabase('impossible staff input', (current) => {
	let campaignId = 0;

	it('the review queue ignores impossible dates and ids in its address', async () => {
		const { db } = current();
		campaignId = (
			await createCampaign(db, null, {
				title: '过滤',
				slug: 'filters',
				introduction: '',
				startsOn: null,
				endsOn: null,
				anonymous: true
			})
		).id;
		const at = (query: string) => new URL(`http://localhost/admin/suggestions?${query}`);
		const bad = [
			'from=2024-99-99',
			'to=2024-02-30',
			'department=99999999999',
			'category=99999999999',
			'area=2147483648',
			`page=${'9'.repeat(30)}`
		].join('&');
		const queue = await loadQueue(db, ADMIN, at(`campaign=${campaignId}&${bad}`));
		expect(queue.rows).toEqual([]);
		expect(queue.page).toBe(1);
		expect(queue.filter.campaign).toBe(String(campaignId));
		// An id past the integer is no campaign: the queue opens on the preferred one, the only one.
		const other = await loadQueue(db, ADMIN, at('campaign=99999999999&page=2147483647'));
		expect(other.filter.campaign).toBe(String(campaignId));
		expect(other.page).toBe(2147483647);
	});

	it('the queue pages up to the largest integer without failing', async () => {
		const { db } = current();
		const queue = await listQueue(db, ADMIN, { campaignId, page: 2147483647 });
		expect(queue.rows).toEqual([]);
	});

	it.each(['2024-13-01', '2024-02-30', '2024-99-99', 'week'])(
		'the weekly report refuses the week of %j with Invalid (400)',
		async (week) => {
			const { db } = current();
			await expect(weeklyReport(db, campaignId, week)).rejects.toBeInstanceOf(Invalid);
		}
	);

	it('the weekly report of a real day answers', async () => {
		const { db } = current();
		const report = await weeklyReport(db, campaignId, '2024-02-29');
		expect(report.monday).toBe('2024-02-26');
	});
});
