import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getCampaign, latestVersion } from '../campaigns/queries';
import type { Database } from '../db';
import { suggestionItems } from '../db/schema';
import { seedDemo } from '../demo/seed';
import { submitPublicForm } from '../intake/public-form';
import { findReceipt } from '../intake/receipt-lookup';
import type { Actor } from '../suggestions/actor';
import { suggestionsOfResponse } from '../suggestions/reports';
import { split } from '../suggestions/workflow';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { duplicateCandidates, possibleDuplicates } from './duplicate-hints';

const SMOKE = '沙市村三组的变压器傍晚嗡嗡响还冒烟，村民很担心起火';

describeEachDatabase('duplicate hints', (current) => {
	let campaignId = 0;
	let reviewer: Actor;
	let sent = 0;

	/** One public response with one suggestion answer: its suggestion's id. */
	async function respond(db: Database, text: string): Promise<number> {
		const version = await latestVersion(db, campaignId);
		const form = new FormData();
		form.set('submission_token', 'd'.repeat(31) + 'abcdefghijklmnopqrstuvxyz'[++sent]);
		form.set('q_group', version!.questions.find((q) => q.type === 'group')!.options[2].id);
		form.set('q_supply', '2');
		form.set('q_service', '3');
		form.set('q_improve', text);
		const outcome = await submitPublicForm(db, 'liuyang-2014', form, `10.8.0.${sent}`);
		if (outcome.kind !== 'stored') throw new Error(outcome.kind);
		const { responseId } = (await findReceipt(db, outcome.receiptCode))!;
		return (await suggestionsOfResponse(db, responseId))[0].id;
	}

	it('never offers the parts of one split answer as duplicates of each other', async () => {
		const { db } = current();
		await seedDemo(db, 'demo-password');
		campaignId = (await getCampaign(db, 'liuyang-2014')).id;
		reviewer = await makeActor(db, 'dh-rev', 'reviewer', null);
		// Someone else raising the same point: a real duplicate, which stays a candidate.
		const twin = await respond(db, SMOKE);
		// An answer saying it twice, split by the reviewer: even word for word, its parts are its own.
		const whole = await respond(db, `${SMOKE}。${SMOKE}`);
		const [item] = await db
			.select()
			.from(suggestionItems)
			.where(eq(suggestionItems.suggestionId, whole));
		const [second] = await split(db, reviewer, item.id, [SMOKE, SMOKE]);

		const hints = await duplicateCandidates(db, campaignId, [whole, second]);
		const of = (id: number) => (hints.get(id) ?? []).map((h) => h.id);
		expect(of(whole)).toContain(twin);
		expect(of(second)).toContain(twin);
		expect(of(whole)).not.toContain(second);
		expect(of(second)).not.toContain(whole);

		const clusters = await possibleDuplicates(db, campaignId);
		expect(clusters.some((c) => c.ids.includes(twin))).toBe(true);
		expect(clusters.filter((c) => c.ids.includes(whole) && c.ids.includes(second))).toEqual([]);
	});
});
