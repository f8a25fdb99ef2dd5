import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getCampaign } from '../campaigns/queries';
import type { Database } from '../db';
import { suggestionItems, suggestions } from '../db/schema';
import type { Actor } from '../suggestions/actor';
import { split } from '../suggestions/workflow';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { demoRespondent } from '../test/demo-response';
import { categoriserSettled } from './categoriser-service';
import { duplicateCandidates, possibleDuplicates } from './duplicate-hints';

const SMOKE = '沙市村三组的变压器傍晚嗡嗡响还冒烟，村民很担心起火';

describeEachDatabase(
	'duplicate hints',
	(current) => {
		let campaignId = 0;
		let reviewer: Actor;

		/** One public response with one suggestion answer: its suggestion's id. */
		const respondent = demoRespondent('d', '10.8.0.');
		const respond = async (db: Database, text: string) => (await respondent(db, text)).id;

		it('never offers the parts of one split answer as duplicates of each other', async () => {
			const { db } = current();
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

		it('offers a near-verbatim copy of an existing suggestion first, before anyone categorises it', async () => {
			const { db } = current();
			// A demo suggestion of the campaign, worded "建议开通手机支付宝微信交电费" (categorised, with
			// five answers in other words); the copy adds punctuation, full-width letters and a space.
			const [original] = await db
				.select({ id: suggestions.id })
				.from(suggestions)
				.where(
					and(
						eq(suggestions.campaignId, campaignId),
						eq(suggestions.title, '建议开通手机支付宝微信交电费')
					)
				);
			expect(original).toBeDefined();
			// Uncategorised, as the reviewer first sees it: the original is the first hint.
			const copy = await respond(db, '建议开通手机支付宝、微信交电费');
			const [first] = (await duplicateCandidates(db, campaignId, [copy])).get(copy) ?? [];
			expect(first).toMatchObject({ id: original.id, sameWords: true });

			// Other spellings of the same words: the original is among the same-worded hints, which come
			// before every other hint.
			for (const text of [
				'建议开通手机支付宝，微信交电费！',
				'建议开通 手机支付宝、微信 交电费。'
			]) {
				const again = await respond(db, text);
				const hints = (await duplicateCandidates(db, campaignId, [again])).get(again) ?? [];
				const same = hints.filter((h) => h.sameWords);
				expect(same.map((h) => h.id)).toEqual(expect.arrayContaining([original.id, copy]));
				expect(hints.slice(0, same.length)).toEqual(same);
			}
		});

		it('calls no suggestion the same words as one unlike any other', async () => {
			const { db } = current();
			const lone = await respond(db, '食堂的饭菜口味太咸，希望换个厨师');
			const hints = await duplicateCandidates(db, campaignId, [lone]);
			expect(hints.get(lone)?.filter((h) => h.sameWords)).toEqual([]);
			// The hints asked the categoriser, whose retrain (due after the demo's decisions) must end
			// before the database closes.
			await categoriserSettled(db);
		});
	},
	{ demo: true }
);
