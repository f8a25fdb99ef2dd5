// Plans not kept (issue 13 point 9): a "planned" item whose target date has passed is flagged in
// the queue, the handler's inbox, the overview and weekly reports, the API's rows and the board.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { localDate } from '../../campaign-availability';
import { getCampaign } from '../campaigns/queries';
import { suggestionItems, suggestions } from '../db/schema';
import { describeEachDatabase } from '../test/databases';
import { addDays, weeklyReport } from './weekly';
import { getSuggestion, handlerInbox, listQueue } from './queries';
import { boardItems, suggestionsOfResponse, suggestionStats } from './reports';

const LEADER = { id: 0, role: 'leader' as const, unitId: null };

describeEachDatabase(
	'plans past their target date',
	(current) => {
		it('flags them everywhere, and only them: not a plan due today, not a resolved item', async () => {
			const { db } = current();
			const campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			const today = localDate(new Date());
			const planned = await db
				.select({ id: suggestions.id, departmentId: suggestions.departmentId })
				.from(suggestions)
				.where(
					and(
						eq(suggestions.campaignId, campaignId),
						eq(suggestions.status, 'planned'),
						isNull(suggestions.mergedInto)
					)
				)
				.orderBy(suggestions.id);
			expect(planned.length).toBeGreaterThanOrEqual(2);
			const [late, dueToday, ...rest] = planned;
			// Every plan a month ahead, then one lapsed three days ago and one falling due today.
			await db
				.update(suggestions)
				.set({ targetDate: addDays(today, 30) })
				.where(eq(suggestions.status, 'planned'));
			await db
				.update(suggestions)
				.set({ targetDate: addDays(today, -3), published: true })
				.where(eq(suggestions.id, late.id));
			await db
				.update(suggestions)
				.set({ targetDate: today })
				.where(eq(suggestions.id, dueToday.id));
			// A resolved item keeps its old target date: it was done, nothing lapsed.
			const [resolved] = await db
				.select({ id: suggestions.id })
				.from(suggestions)
				.where(and(eq(suggestions.campaignId, campaignId), eq(suggestions.status, 'resolved')))
				.limit(1);
			await db
				.update(suggestions)
				.set({ targetDate: addDays(today, -30) })
				.where(eq(suggestions.id, resolved.id));

			// Queue: a filter of its own, and a flag on the row with its target date.
			const queue = await listQueue(db, LEADER, { campaignId, planExpired: true });
			expect(queue.rows.map((r) => r.id)).toEqual([late.id]);
			expect(queue.total).toBe(1);
			expect(queue.rows[0]).toMatchObject({ planExpired: true, targetDate: addDays(today, -3) });
			const all = await listQueue(db, LEADER, { campaignId, status: 'planned', pageSize: 200 });
			expect(all.rows.filter((r) => r.planExpired).map((r) => r.id)).toEqual([late.id]);
			expect(all.rows.find((r) => r.id === dueToday.id)?.planExpired).toBe(false);
			expect((await getSuggestion(db, LEADER, late.id)).planExpired).toBe(true);
			expect((await getSuggestion(db, LEADER, resolved.id)).planExpired).toBe(false);

			// Inbox: the handler of its department sees it; a handler of another department does not.
			expect(late.departmentId).not.toBeNull();
			const own = await handlerInbox(db, { id: 0, role: 'handler', unitId: late.departmentId });
			expect(own.planExpired.map((r) => r.id)).toContain(late.id);
			expect(own.planExpired.every((r) => r.id !== dueToday.id)).toBe(true);
			const other = rest.find((p) => p.departmentId !== late.departmentId)?.departmentId ?? -1;
			const elsewhere = await handlerInbox(db, { id: 0, role: 'handler', unitId: other });
			expect(elsewhere.planExpired.map((r) => r.id)).not.toContain(late.id);

			// Overview (and the API that serves it) and the weekly report of this week.
			expect((await suggestionStats(db, campaignId)).planExpired).toBe(1);
			const week = await weeklyReport(db, campaignId, today);
			expect(week.planExpiredTotal).toBe(1);
			expect(week.planExpiredItems).toEqual([
				expect.objectContaining({ id: late.id, targetDate: addDays(today, -3), days: 3 })
			]);
			// Two weeks ago the date had not yet passed.
			expect((await weeklyReport(db, campaignId, addDays(today, -14))).planExpiredTotal).toBe(0);

			// The board and the proposers' receipt page say the date has passed.
			const board = await boardItems(db, campaignId, {});
			expect(board.find((b) => b.id === late.id)?.planExpired).toBe(true);
			expect(board.filter((b) => b.planExpired).length).toBe(1);
			const [item] = await db
				.select({ responseId: suggestionItems.responseId })
				.from(suggestionItems)
				.where(eq(suggestionItems.suggestionId, late.id))
				.limit(1);
			const receipt = await suggestionsOfResponse(db, item.responseId);
			expect(receipt.find((r) => r.id === late.id)?.planExpired).toBe(true);

			// Resolving it ends the flag.
			await db.execute(sql`update suggestions set status = 'resolved' where id = ${late.id}`);
			expect((await suggestionStats(db, campaignId)).planExpired).toBe(0);
		});
	},
	{ demo: true }
);
