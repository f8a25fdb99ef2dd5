import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getCampaign } from '../campaigns/queries';
import type { Database } from '../db';
import { suggestionItems } from '../db/schema';
import { seedDemo } from '../demo/seed';
import type { Actor } from '../suggestions/actor';
import { split } from '../suggestions/workflow';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { demoRespondent } from '../test/demo-response';
import { duplicateCandidates, possibleDuplicates } from './duplicate-hints';

const SMOKE = '沙市村三组的变压器傍晚嗡嗡响还冒烟，村民很担心起火';

describeEachDatabase('duplicate hints', (current) => {
	let campaignId = 0;
	let reviewer: Actor;

	/** One public response with one suggestion answer: its suggestion's id. */
	const respondent = demoRespondent('d', '10.8.0.');
	const respond = async (db: Database, text: string) => (await respondent(db, text)).id;

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
