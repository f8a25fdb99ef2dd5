import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getCampaign } from '../campaigns/queries';
import type { Database } from '../db';
import { categories, suggestionItems, suggestions, units } from '../db/schema';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { demoRespondent } from '../test/demo-response';
import { settableStatuses, type Actor } from './actor';
import { suggestionChanges } from './changes';
import { getSuggestion, listQueue, survivorOf } from './queries';
import { suggestionsOfResponse } from './reports';
import {
	addComment,
	assign,
	categorise,
	merge,
	pickSurvivor,
	setPublished,
	setStatus,
	split,
	unmerge
} from './workflow';

const REPLY = '路灯已于本周修复，今后由台区经理每月巡查一次。';

it('picks the survivor furthest along: a published reply, then the status, then the oldest', () => {
	const row = (id: number, status: string, published = false, reply = '') => ({
		id,
		status: status as 'new',
		published,
		reply,
		createdAt: new Date(Date.UTC(2026, 0, id))
	});
	expect(pickSurvivor([row(3, 'new'), row(1, 'new'), row(2, 'new')]).id).toBe(1);
	expect(pickSurvivor([row(1, 'new'), row(2, 'categorised'), row(3, 'assigned')]).id).toBe(3);
	expect(pickSurvivor([row(1, 'in_progress'), row(2, 'resolved', false, REPLY)]).id).toBe(2);
	expect(pickSurvivor([row(1, 'not_adopted'), row(2, 'planned')]).id).toBe(1);
	// Published without a reply is not an answer the proposers have seen.
	expect(pickSurvivor([row(1, 'resolved', false, REPLY), row(2, 'planned', true)]).id).toBe(1);
	expect(pickSurvivor([row(1, 'resolved', false, REPLY), row(2, 'planned', true, REPLY)]).id).toBe(
		2
	);
});

describeEachDatabase(
	'suggestion workflow',
	(current) => {
		let campaignId = 0;
		let reviewer: Actor;
		let handlerA: Actor;
		let handlerB: Actor;

		/** One public response with one suggestion answer: its response id and its suggestion. */
		const respond = demoRespondent('w', '10.9.0.');

		/** A suggestion filed, assigned to the marketing department, closed with a reply, published. */
		async function answered(db: Database, text: string) {
			const r = await respond(db, text);
			const [other] = await db.select().from(categories).where(eq(categories.key, 'other'));
			await categorise(db, reviewer, [r.id], { categoryId: other.id, nature: 'routine' });
			await assign(db, reviewer, [r.id], {
				departmentId: handlerA.unitId!,
				deadline: '2030-06-30'
			});
			await setStatus(db, reviewer, r.id, {
				status: 'resolved',
				reply: REPLY,
				plan: '',
				targetDate: null,
				measures: '更换灯头'
			});
			await setPublished(db, reviewer, r.id, true);
			return r;
		}

		const row = async (db: Database, id: number) =>
			(await db.select().from(suggestions).where(eq(suggestions.id, id)))[0];

		it('sets up the demo organisation', async () => {
			const { db } = current();
			campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			const [marketing] = await db.select().from(units).where(eq(units.name, '营销部'));
			const [maintenance] = await db.select().from(units).where(eq(units.name, '运维检修部'));
			reviewer = await makeActor(db, 'wf-rev', 'reviewer', null);
			handlerA = await makeActor(db, 'wf-ha', 'handler', marketing.id);
			handlerB = await makeActor(db, 'wf-hb', 'handler', maintenance.id);
			expect(campaignId).toBeGreaterThan(0);
		});

		it('offers a handler only the statuses they may set, and says at the field what is missing', async () => {
			const { db } = current();
			expect(settableStatuses(handlerA)).toEqual([
				'in_progress',
				'resolved',
				'planned',
				'not_adopted'
			]);
			expect(settableStatuses(reviewer)).toEqual([
				'new',
				'categorised',
				'assigned',
				'in_progress',
				'resolved',
				'planned',
				'not_adopted'
			]);
			const r = await respond(db, '营业厅的叫号机经常坏，排队全靠喊');
			await assign(db, reviewer, [r.id], { departmentId: handlerA.unitId!, deadline: null });
			const blank = { reply: '', plan: '', targetDate: null, measures: '' };
			// A status before "in progress" is not the handler's: said at the status field, not a bare refusal.
			await expect(
				setStatus(db, handlerA, r.id, { ...blank, status: 'categorised' })
			).rejects.toMatchObject({ status: 400, fields: { status: 'status_not_settable' } });
			await expect(
				setStatus(db, handlerA, r.id, { ...blank, status: 'planned' })
			).rejects.toMatchObject({
				status: 400,
				fields: { reply: 'reply_required', plan: 'plan_required', targetDate: 'target_required' }
			});
			await setStatus(db, handlerA, r.id, { ...blank, status: 'in_progress' });
			expect((await row(db, r.id)).status).toBe('in_progress');
		});

		it('keeps the answered item when a new one is merged with it, for every proposer, and unmerges each back', async () => {
			const { db } = current();
			const old = await answered(db, '后山村三组的路灯坏了三个月，晚上走路看不见。');
			const fresh = await respond(db, '后山村路灯坏好久了冇人修，老人晚上出门不安全');
			expect(fresh.id).toBeGreaterThan(old.id);
			const before = await row(db, old.id);

			// As the queue sends it: the newest first, no survivor chosen.
			await merge(db, reviewer, [fresh.id, old.id], null, '');
			const after = await row(db, old.id);
			expect(after).toMatchObject({
				mergedInto: null,
				title: before.title,
				status: 'resolved',
				reply: REPLY,
				categoryId: before.categoryId,
				departmentId: handlerA.unitId,
				deadline: '2030-06-30',
				published: true
			});
			expect((await row(db, fresh.id)).mergedInto).toBe(old.id);
			for (const proposer of [old, fresh]) {
				expect(await suggestionsOfResponse(db, proposer.responseId)).toMatchObject([
					{ id: old.id, status: 'resolved', reply: REPLY }
				]);
			}

			// The merged-away item leads to its survivor, for those who may see the survivor.
			await expect(getSuggestion(db, reviewer, fresh.id)).rejects.toMatchObject({ status: 404 });
			expect(await survivorOf(db, reviewer, fresh.id)).toBe(old.id);
			expect(await survivorOf(db, handlerA, fresh.id)).toBe(old.id);
			expect(await survivorOf(db, handlerB, fresh.id)).toBeNull();
			expect(await survivorOf(db, reviewer, old.id)).toBeNull();
			expect(await survivorOf(db, reviewer, 999_999)).toBeNull();

			// Unmerging gives each part its own state back.
			await unmerge(db, reviewer, old.id);
			expect(await suggestionsOfResponse(db, fresh.responseId)).toMatchObject([
				{ id: fresh.id, status: 'new', reply: '' }
			]);
			expect(await suggestionsOfResponse(db, old.responseId)).toMatchObject([
				{ id: old.id, status: 'resolved', reply: REPLY }
			]);
			expect(await row(db, old.id)).toMatchObject({ ...after, updatedAt: expect.any(Date) });
			expect(await survivorOf(db, reviewer, fresh.id)).toBeNull();
		});

		it('lets the reviewer choose the survivor, among the selected ones only', async () => {
			const { db } = current();
			const old = await answered(db, '村里的电表箱锈坏了，门都关不上，小孩容易碰到。');
			const fresh = await respond(db, '电表箱门坏了没人管，很危险');
			const third = await respond(db, '希望营业厅周末也开门');
			await expect(merge(db, reviewer, [fresh.id, old.id], third.id, '')).rejects.toMatchObject({
				status: 400,
				message: 'merge_survivor'
			});

			await merge(db, reviewer, [old.id, fresh.id], fresh.id, '电表箱门损坏');
			expect(await row(db, fresh.id)).toMatchObject({
				title: '电表箱门损坏',
				status: 'new',
				mergedInto: null
			});
			expect((await row(db, old.id)).mergedInto).toBe(fresh.id);
			// The answered item was merged away: its proposers follow the survivor, answer or not.
			expect(await suggestionsOfResponse(db, old.responseId)).toMatchObject([
				{ id: fresh.id, status: 'new' }
			]);
			// A handler of the answered item's department cannot follow it to an unassigned survivor.
			expect(await survivorOf(db, handlerA, old.id)).toBeNull();

			await unmerge(db, reviewer, fresh.id);
			expect(await suggestionsOfResponse(db, old.responseId)).toMatchObject([
				{ id: old.id, status: 'resolved', reply: REPLY }
			]);
			expect(await row(db, fresh.id)).toMatchObject({ title: '电表箱门坏了没人管，很危险' });
		});

		it('announces a change only after the transaction commits, and never for one rolled back', async () => {
			const { db } = current();
			const a = await respond(db, '台区电压太低，晚上冰箱启动不了');
			const b = await respond(db, '电压低得空调开不起来');
			const [other] = await db.select().from(categories).where(eq(categories.key, 'other'));

			// A fault in the middle of the transaction, after the history entry is written.
			await db.execute(sql`create or replace function wf_fail() returns trigger language plpgsql as $$
			begin
				if new.action = 'suggestion.comment' and new.after->>'text' = 'fail' then
					raise exception 'injected fault';
				end if;
				return new;
			end $$`);
			await db.execute(
				sql`create trigger wf_fail before insert on audit_log for each row execute function wf_fail()`
			);
			const failing = suggestionChanges.reviews;
			await expect(addComment(db, reviewer, a.id, 'fail')).rejects.toThrow();
			expect(suggestionChanges.reviews).toBe(failing);

			// Watch the counter at the end of each transaction, just before its commit.
			let seenInside: number[] = [];
			const watched = Object.create(db, {
				transaction: {
					value: <T>(run: (tx: Database) => Promise<T>) =>
						db.transaction(async (tx) => {
							const result = await run(tx);
							seenInside.push(suggestionChanges.reviews);
							return result;
						})
				}
			}) as Database;
			const [item] = await db
				.select()
				.from(suggestionItems)
				.where(eq(suggestionItems.suggestionId, a.id));
			const calls: [string, () => Promise<unknown>][] = [
				[
					'categorise',
					() => categorise(watched, reviewer, [a.id, b.id], { categoryId: other.id, nature: null })
				],
				['comment', () => addComment(watched, reviewer, a.id, 'ok')],
				['split', () => split(watched, reviewer, item.id, ['台区电压太低', '晚上冰箱启动不了'])],
				['merge', () => merge(watched, reviewer, [a.id, b.id], null, '')],
				['unmerge', () => unmerge(watched, reviewer, a.id)]
			];
			for (const [name, call] of calls) {
				const start = suggestionChanges.reviews;
				seenInside = [];
				await call();
				expect({ name, inside: seenInside }).toEqual({ name, inside: [start] });
				expect({ name, after: suggestionChanges.reviews }).toEqual({ name, after: start + 1 });
			}
		});

		it('keeps a deactivated category on its items: the nature can change, no item moves into it', async () => {
			const { db } = current();
			const kept = await respond(db, '希望抄表员上门时出示工作证。');
			const other = await respond(db, '希望抄表员上门前先打电话。');
			const [retired] = await db
				.insert(categories)
				.values({
					key: 'meter_reading',
					nameZh: '抄表服务',
					nameEn: 'Meter reading',
					sortOrder: 99
				})
				.returning();
			await categorise(db, reviewer, [kept.id], { categoryId: retired.id, nature: 'routine' });
			await db.update(categories).set({ active: false }).where(eq(categories.id, retired.id));

			// Saving the item with its own (now inactive) category changes only what was changed.
			await categorise(db, reviewer, [kept.id], { categoryId: retired.id, nature: 'legacy' });
			expect(await row(db, kept.id)).toMatchObject({ categoryId: retired.id, nature: 'legacy' });
			// Another item cannot be put into a category that is no longer offered — nor a mix of both.
			for (const ids of [[other.id], [kept.id, other.id]]) {
				await expect(
					categorise(db, reviewer, ids, { categoryId: retired.id, nature: null })
				).rejects.toMatchObject({ fields: { categoryId: 'invalid' } });
			}
			expect((await row(db, other.id)).categoryId).toBeNull();
		});

		it('counts the raw answers of the whole filtered queue, not of the page shown', async () => {
			const { db } = current();
			const filter = { campaignId, sort: 'raised' as const, pageSize: 10 };
			const firstPage = await listQueue(db, reviewer, filter);
			const [{ n }] = await db
				.select({ n: sql<number>`count(*)::int` })
				.from(suggestionItems)
				.innerJoin(suggestions, eq(suggestionItems.suggestionId, suggestions.id))
				.where(
					sql`${suggestions.campaignId} = ${campaignId} and ${suggestions.mergedInto} is null`
				);
			expect(firstPage.total).toBeGreaterThan(10);
			expect(firstPage.rawAnswers).toBe(n);
			// The same figure whatever the sort or page.
			const other = await listQueue(db, reviewer, { ...filter, sort: 'old', page: 2 });
			expect(other.rawAnswers).toBe(n);
		});
	},
	{ demo: true }
);
