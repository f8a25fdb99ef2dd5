import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getCampaign } from '../campaigns/queries';
import { insightModels, suggestionEvents, suggestions } from '../db/schema';
import { merge, unmerge } from '../suggestions/workflow';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { demoRespondent } from '../test/demo-response';
import { duplicateCandidates } from './duplicate-hints';
import { modelStored } from './model-changes';
import type { PairModel } from './pair-model';
import { DEFAULT_PAIR_MODEL } from './pair-model-default';
import { PAIR_RETRAIN_EVERY, pairModelSettled } from './pair-model-service';

// Reviewers' merges teach the organisation's own pair model (issue 19, item 3): the hints a new
// answer gets are then scored by it, and ten more duplicate decisions fit it again.
describeEachDatabase(
	'the pair model learns from the reviewers’ merges',
	(current) => {
		const respondent = demoRespondent('p', '10.9.0.');

		async function storedPairModels() {
			const { db } = current();
			return db.select().from(insightModels).where(eq(insightModels.kind, 'pair'));
		}

		it('fits a model on the demo’s merges, stores it for every process, and the next hints use it', async () => {
			const { db } = current();
			const campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			expect(await storedPairModels()).toEqual([]);
			const fresh = (await respondent(db, '建议供电所多安排人员下村检修线路，台区电压太低')).id;

			// The first hints: the built-in model (the organisation's one is being fitted meanwhile).
			const before = await duplicateCandidates(db, campaignId, [fresh]);
			const model = await pairModelSettled(db);
			expect(model.source).toMatch(/organisation’s merges: \d+ items, \d+ duplicate clusters/);
			expect(model).not.toEqual(DEFAULT_PAIR_MODEL);
			const [stored] = await storedPairModels();
			const [{ decisions }] = await db
				.select({ decisions: sql<number>`count(*)::int` })
				.from(suggestionEvents)
				.where(inArray(suggestionEvents.kind, ['merge', 'unmerge', 'split']));
			expect(stored.examples).toBe(decisions);

			// The same new answer, now scored by what the reviewers taught.
			const after = await duplicateCandidates(db, campaignId, [fresh]);
			const scores = (hints: typeof before) => (hints.get(fresh) ?? []).map((h) => h.score);
			expect(scores(after).length).toBeGreaterThan(0);
			expect(scores(after)).not.toEqual(scores(before));
		});

		it('fits again after ten more duplicate decisions, unmerges counted', async () => {
			const { db } = current();
			const campaign = await getCampaign(db, 'liuyang-2014');
			const reviewer = await makeActor(db, 'pm-rev', 'reviewer', null);
			const [first] = await storedPairModels();
			const live = await db
				.select({ id: suggestions.id })
				.from(suggestions)
				.where(
					and(
						eq(suggestions.campaignId, campaign.id),
						isNull(suggestions.mergedInto),
						isNotNull(suggestions.categoryId)
					)
				)
				.orderBy(suggestions.id)
				.limit(2 * PAIR_RETRAIN_EVERY);
			for (let i = 0; i + 1 < PAIR_RETRAIN_EVERY; i++) {
				await merge(db, reviewer, [live[2 * i].id, live[2 * i + 1].id], live[2 * i].id, '');
			}
			// Nine decisions: still the same model.
			await pairModelSettled(db);
			expect((await storedPairModels()).map((m) => m.id)).toEqual([first.id]);

			await unmerge(db, reviewer, live[0].id);
			await pairModelSettled(db);
			const [second] = await storedPairModels();
			expect(second.id).toBeGreaterThan(first.id);
			expect(second.examples).toBe(first.examples + PAIR_RETRAIN_EVERY);
		});

		it('answers with the built-in model, and fits a new one at once, when the stored one is of an earlier version', async () => {
			const { db } = current();
			const campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			// A model fitted before a feature was added: one feature and weight fewer.
			const [latest] = await storedPairModels();
			const fitted = latest.model as PairModel;
			const added = fitted.features.indexOf('ngramContainment');
			const older = {
				...fitted,
				features: fitted.features.filter((_, k) => k !== added),
				weights: fitted.weights.filter((_, k) => k !== added)
			};
			await db.delete(insightModels).where(eq(insightModels.kind, 'pair'));
			const [stale] = await db
				.insert(insightModels)
				.values({ kind: 'pair', model: older, examples: latest.examples, trainedAt: new Date() })
				.returning();
			modelStored();

			const fresh = (await respondent(db, '台区经理的电话打不通，有事找不到人')).id;
			const hints = await duplicateCandidates(db, campaignId, [fresh]);
			expect(hints.get(fresh)).toBeDefined();
			const model = await pairModelSettled(db);
			expect(model.features).toContain('ngramContainment');
			expect(model.source).toMatch(/organisation’s merges/);
			const [refitted] = await storedPairModels();
			expect(refitted.id).toBeGreaterThan(stale.id);
		});
	},
	{ demo: true }
);
