import { and, eq, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { categories, insightModels, suggestions } from '../db/schema';
import { categoriserFor, categoriserSettled, learnDecision } from './categoriser-service';
import { getCampaign, latestVersion } from '../campaigns/queries';
import { newSubmissionToken, submitPublicForm } from '../intake/public-form';
import { categorise } from '../suggestions/workflow';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';

describeEachDatabase(
	'categoriser service',
	(current) => {
		it('retrains in the background, keeps what reviewers decide meanwhile, and stores the model', async () => {
			const { db } = current();
			// The demo's reviewers have categorised its suggestions: far more than 50 decisions behind.
			const first = await categoriserFor(db);
			expect(first.exampleCount).toBe(0);
			// Asked again while the retrain runs: the same model answers at once, none is started twice.
			expect(await categoriserFor(db)).toBe(first);
			await learnDecision(db, ['台区电压低，晚上灯都点不亮'], 'voltage_grid');
			await learnDecision(db, ['营业厅周末不开门，交费不方便'], 'payment');

			const trained = await categoriserSettled(db);
			expect(trained).not.toBe(first);
			const [stored] = await db
				.select()
				.from(insightModels)
				.where(eq(insightModels.kind, 'categoriser'));
			expect(stored.examples).toBeGreaterThan(100);
			// The stored model is the retrain's result; the two decisions made during it were replayed.
			expect(trained.exampleCount).toBe(stored.examples + 2);
			expect(trained.suggest('晚上电压太低，灯泡都不亮', 1)[0].category).toBe('voltage_grid');

			// Settled and up to date: no retrain is due, so the same model keeps answering.
			expect(await categoriserFor(db)).toBe(trained);

			// Fifty more decisions by a reviewer make the next retrain due at once.
			const reviewer = await makeActor(db, 'retrain-reviewer', 'reviewer', null);
			const [voltage] = await db
				.select()
				.from(categories)
				.where(eq(categories.key, 'voltage_grid'));
			const version = await latestVersion(db, (await getCampaign(db, 'liuyang-2014')).id);
			const group = version!.questions.find((q) => q.type === 'group')!.options[2].id;
			for (let i = 0; i < 30; i++) {
				const form = new FormData();
				form.set('submission_token', newSubmissionToken());
				form.set('q_group', group);
				form.set('q_supply', '2');
				form.set('q_service', '3');
				form.set('q_improve', `第${i}号台区晚上电压低`);
				form.set('q_difficulty', `第${i}号台区变压器过载`);
				const sent = await submitPublicForm(db, 'liuyang-2014', form, `10.9.0.${i}`);
				expect(sent.kind).toBe('stored');
			}
			const open = await db
				.select({ id: suggestions.id })
				.from(suggestions)
				.where(and(isNull(suggestions.categoryId), isNull(suggestions.mergedInto)));
			expect(open.length).toBeGreaterThanOrEqual(60);
			await categorise(
				db,
				reviewer,
				open.map((r) => r.id),
				{ categoryId: voltage.id, nature: null }
			);
			const retrained = await categoriserSettled(db);
			expect(retrained).not.toBe(trained);
			expect(retrained.exampleCount).toBeGreaterThan(trained.exampleCount);
		}, 120_000); // two full trainings on one core: 15–20 s alone, more beside other suites
	},
	{ demo: true }
);
