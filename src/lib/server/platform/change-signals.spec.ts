import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCampaignStatus } from '../campaigns/campaigns';
import { publicCampaign } from '../campaigns/public-copy';
import type { DatabaseHandle } from '../db';
import { modelChanges, modelStored } from '../insight/model-changes';
import { submitPublicForm } from '../intake/public-form';
import { suggestionChanges, suggestionsChanged } from '../suggestions/changes';
import { twoInstancesWithOpenCampaign, yesForm, type TwoInstances } from '../test/two-instances';
import { CHANGES_CHANNEL, startChangeSignals, type ChangeSignals } from './change-signals';

/** Polls `check` until it holds or `ms` have passed; answers how long it took, or null. */
async function within(ms: number, check: () => boolean | Promise<boolean>) {
	const start = performance.now();
	while (performance.now() - start < ms) {
		if (await check()) return performance.now() - start;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	return null;
}

// Two app instances are two connection pools on one PostgreSQL database (PGlite allows one).
const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

onPostgres('changes made by one app instance reach the others', () => {
	let two: TwoInstances;
	let other: DatabaseHandle;
	let signals: ChangeSignals;
	let watcher: postgres.Sql;
	const heard: string[] = [];
	beforeAll(async () => {
		two = await twoInstancesWithOpenCampaign('signals');
		other = two.b;
		// Instance B listens; instance A only writes.
		signals = startChangeSignals(other)!;
		// What goes over the channel, as a third process would hear it.
		watcher = postgres(two.a.url!, { max: 1, onnotice: () => {} });
		await watcher.listen(CHANGES_CHANNEL, (payload) => heard.push(payload));
		expect(await within(10_000, () => signals.connects === 1)).not.toBeNull();
	});
	afterAll(async () => {
		await signals?.stop();
		await watcher?.end({ timeout: 5 });
		await two?.dispose();
	});

	it('a campaign closed on A is refused by B long before B’s 5 s copy would have expired', async () => {
		// B has just taken a copy of the open campaign: without a signal it would keep it 5 s.
		expect((await publicCampaign(other.db, 'signals')).campaign.status).toBe('open');
		await setCampaignStatus(two.a.db, null, 'signals', 'closed');
		const took = await within(1_000, async () => {
			const outcome = await submitPublicForm(
				other.db,
				'signals',
				yesForm('c'.repeat(32)),
				'10.30.0.1'
			);
			return outcome.kind === 'unavailable';
		});
		expect(took).not.toBeNull();
		// Opened again on A: B takes answers again just as soon.
		expect((await publicCampaign(other.db, 'signals')).campaign.status).toBe('closed');
		await setCampaignStatus(two.a.db, null, 'signals', 'open');
		const reopened = await within(1_000, async () => {
			const outcome = await submitPublicForm(
				other.db,
				'signals',
				yesForm('d'.repeat(32)),
				'10.30.0.1'
			);
			return outcome.kind === 'stored';
		});
		expect(reopened).not.toBeNull();
	});

	it('announces this process’s suggestion changes, reviews at once and new answers at most every quarter second', async () => {
		heard.length = 0;
		suggestionsChanged('review');
		for (let i = 0; i < 20; i++) suggestionsChanged('intake');
		expect(await within(2_000, () => heard.some((p) => p.startsWith('intake:')))).not.toBeNull();
		expect(heard.filter((p) => p.startsWith('review:'))).toHaveLength(1);
		expect(heard.filter((p) => p.startsWith('intake:'))).toHaveLength(1);
	});

	it('counts another process’s suggestion changes, so kept duplicate indexes are rebuilt', async () => {
		const before = { ...suggestionChanges };
		await two.a.db.execute(
			(await import('drizzle-orm')).sql`select pg_notify(${CHANGES_CHANNEL}, 'review:another')`
		);
		expect(
			await within(1_000, () => suggestionChanges.reviews === before.reviews + 1)
		).not.toBeNull();
		expect(suggestionChanges.intake).toBe(before.intake);
	});

	it('announces a stored categoriser model, and counts another process’s, so it is loaded at once', async () => {
		heard.length = 0;
		modelStored();
		expect(await within(2_000, () => heard.some((p) => p.startsWith('model:')))).not.toBeNull();
		const before = modelChanges.stored;
		await watcher`select pg_notify(${CHANGES_CHANNEL}, 'model:another')`;
		expect(await within(1_000, () => modelChanges.stored === before + 1)).not.toBeNull();
	});

	it('listens again after losing its connection, and then drops everything it kept', async () => {
		const kept = await publicCampaign(other.db, 'signals');
		expect(await publicCampaign(other.db, 'signals')).toBe(kept);
		const reviews = suggestionChanges.reviews;
		await watcher`select pg_terminate_backend(pid) from pg_stat_activity
			where application_name = 'xinkan-change-signals' and datname = current_database()`;
		expect(await within(5_000, () => signals.connects === 2)).not.toBeNull();
		// Nothing changed, yet the copy is read afresh: what was sent while deaf is not trusted.
		expect(await publicCampaign(other.db, 'signals')).not.toBe(kept);
		expect(suggestionChanges.reviews).toBeGreaterThan(reviews);
		// And it hears again.
		await setCampaignStatus(two.a.db, null, 'signals', 'closed');
		expect(
			await within(
				1_000,
				async () => (await publicCampaign(other.db, 'signals')).campaign.status === 'closed'
			)
		).not.toBeNull();
	});
});
