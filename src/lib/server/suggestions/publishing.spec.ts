import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getCampaign } from '../campaigns/queries';
import type { Database } from '../db';
import { categories, suggestions, units } from '../db/schema';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { demoRespondent } from '../test/demo-response';
import type { Actor } from './actor';
import { boardItems, suggestionsOfResponse } from './reports';
import { assign, categorise, retitle, setPublished, setStatus } from './workflow';

const RAW = '我叫周八，电话13512345678，家住幸福村12号，门口路灯坏了一个月';

describeEachDatabase(
	'nothing private becomes public',
	(current) => {
		let campaignId = 0;
		let reviewer: Actor;

		/** One public response whose suggestion answer is `text`: its response id and its suggestion. */
		const respond = demoRespondent('p', '10.8.0.');

		async function categorised(db: Database, id: number) {
			const [other] = await db.select().from(categories).where(eq(categories.key, 'other'));
			await categorise(db, reviewer, [id], { categoryId: other.id, nature: 'routine' });
		}

		const published = async (db: Database, id: number) =>
			(await db.select().from(suggestions).where(eq(suggestions.id, id)))[0].published;

		it('sets up the demo organisation', async () => {
			const { db } = current();
			campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			reviewer = await makeActor(db, 'pd-rev', 'reviewer', null);
			expect(campaignId).toBeGreaterThan(0);
		});

		it('refuses to publish an uncategorised item', async () => {
			const { db } = current();
			const r = await respond(db, '希望停电前提前三天发短信通知');
			await expect(setPublished(db, reviewer, r.id, true)).rejects.toMatchObject({
				status: 400,
				message: 'publish_uncategorised'
			});
			expect(await published(db, r.id)).toBe(false);
		});

		it('refuses to publish while the title still holds personal data, listing what it found', async () => {
			const { db } = current();
			const r = await respond(db, RAW);
			await categorised(db, r.id);
			await expect(setPublished(db, reviewer, r.id, true)).rejects.toMatchObject({
				status: 400,
				message: 'personal_data_public',
				spans: [
					{ field: 'title', kind: 'name', text: '周八' },
					{ field: 'title', kind: 'mobile', text: '13512345678' },
					{ field: 'title', kind: 'house_number', text: '12' }
				]
			});
			expect(await published(db, r.id)).toBe(false);
			await retitle(db, reviewer, r.id, '幸福村路灯坏了一个月');
			await setPublished(db, reviewer, r.id, true);
			expect(await published(db, r.id)).toBe(true);
			// Taking an item off the board is never refused.
			await setPublished(db, reviewer, r.id, false);
			await setPublished(db, reviewer, r.id, true);
		});

		it('masks the receipt page and the board whatever is stored', async () => {
			const { db } = current();
			// Uncategorised: /r shows the raw title.
			const r = await respond(db, RAW);
			const [mine] = await suggestionsOfResponse(db, r.responseId);
			expect(mine.title).not.toContain('13512345678');
			expect(mine.title).toBe('我叫周*，电话135****5678，家住幸福村**号，门口路灯坏了一个月');

			// A reply written after publishing, and data published before the check existed.
			await categorised(db, r.id);
			await retitle(db, reviewer, r.id, '幸福村路灯坏了');
			await setPublished(db, reviewer, r.id, true);
			const [marketing] = await db.select().from(units).where(eq(units.name, '营销部'));
			await assign(db, reviewer, [r.id], { departmentId: marketing.id, deadline: '2030-06-30' });
			await setStatus(db, reviewer, r.id, {
				status: 'planned',
				reply: '已联系周八（13512345678），年内更换。',
				plan: '联系人：王小明 0731-83212345',
				targetDate: '2030-06-30',
				measures: ''
			});
			await db
				.update(suggestions)
				.set({ title: '邮箱 zhou@example.com 的路灯问题' })
				.where(eq(suggestions.id, r.id));
			const board = (await boardItems(db, campaignId, {})).find((b) => b.id === r.id)!;
			expect(board).toMatchObject({
				title: '邮箱 ***@*** 的路灯问题',
				reply: '已联系周八（135****5678），年内更换。',
				plan: '联系人：王** 0731-****2345'
			});
			const [again] = await suggestionsOfResponse(db, r.responseId);
			expect(JSON.stringify(again)).not.toMatch(/13512345678|83212345|zhou@example\.com|王小明/);
		});
	},
	{ demo: true }
);
