import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { insightModels } from './db/schema';
import { seedDemo } from './demo/seed';
import { categoriserFor, categoriserSettled, learnDecision } from './insight-service';
import { describeEachDatabase } from './test/databases';

describeEachDatabase('categoriser service', (current) => {
	it('retrains in the background, keeps what reviewers decide meanwhile, and stores the model', async () => {
		const { db } = current();
		await seedDemo(db, 'demo-password');
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
	});
});
