import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { CLOSED_STATUSES, type SatisfactionLevel, type SuggestionStatus } from '../../domain';
import { createPrng } from '../insight/prng';
import type { Database } from '../db';
import { followUps, suggestionEvents, suggestionItems, suggestions } from '../db/schema';

const DAY_MS = 86_400_000;

/** How often a reply of each kind was first answered 不满意 (and so reopened and answered again). */
const DISSATISFIED: Partial<Record<SuggestionStatus, number>> = {
	resolved: 0.08,
	planned: 0.18,
	not_adopted: 0.35
};

/** How often a proposer answers at all, and how often a closed item got no answer (未回访). */
const ANSWERS = 0.6;
const SILENT = 0.1;

/**
 * 回访 answers on the demo's closed items, so the reports show satisfaction (deterministic: one
 * seeded random stream over the items in id order). The rules of the real thing hold: the current
 * round of a closed item has only 满意 / 基本满意 answers (a 不满意 would have reopened it), so each
 * 不满意 sits in a first round that reopened the item, answered again before its present reply; a
 * tenth of the items got no answer at all and count as 未回访 (their 2014 windows have ended).
 */
export async function seedDemoFollowUps(db: Database, campaignId: number): Promise<void> {
	const closed = await db
		.select({ id: suggestions.id, status: suggestions.status, closedAt: suggestions.closedAt })
		.from(suggestions)
		.where(
			and(
				eq(suggestions.campaignId, campaignId),
				isNull(suggestions.mergedInto),
				inArray(suggestions.status, CLOSED_STATUSES),
				isNotNull(suggestions.closedAt)
			)
		)
		.orderBy(asc(suggestions.id));
	if (!closed.length) return;
	const items = await db
		.selectDistinct({
			suggestionId: suggestionItems.suggestionId,
			responseId: suggestionItems.responseId
		})
		.from(suggestionItems)
		.where(
			inArray(
				suggestionItems.suggestionId,
				closed.map((s) => s.id)
			)
		)
		.orderBy(asc(suggestionItems.suggestionId), asc(suggestionItems.responseId));
	const random = createPrng(1915);
	const content = (): SatisfactionLevel => (random() < 0.68 ? 'satisfied' : 'basic');
	const answers: (typeof followUps.$inferInsert)[] = [];
	const events: (typeof suggestionEvents.$inferInsert)[] = [];
	const reopened: number[] = [];
	for (const s of closed) {
		const closedAt = s.closedAt!;
		const proposers = items.filter((i) => i.suggestionId === s.id).map((i) => i.responseId);
		const u = random();
		if (u < SILENT || !proposers.length) continue;
		const answer = (round: number, responseId: number, level: SatisfactionLevel, at: Date) => {
			answers.push({
				suggestionId: s.id,
				round,
				method: 'receipt',
				responseId,
				level,
				contactedAt: at,
				createdAt: at,
				updatedAt: at
			});
			events.push({
				suggestionId: s.id,
				kind: 'follow_up',
				at,
				data: { method: 'receipt', round, level, comment: '' }
			});
		};
		const sentBack = u < SILENT + (DISSATISFIED[s.status] ?? 0);
		let round = 1;
		if (sentBack) {
			// The first reply, 12 days before the present one; the first proposer was not satisfied.
			const firstReply = new Date(closedAt.getTime() - 12 * DAY_MS);
			const at = new Date(firstReply.getTime() + 2 * DAY_MS);
			events.push({
				suggestionId: s.id,
				kind: 'close',
				at: firstReply,
				data: { status: s.status, reply: '' }
			});
			answer(1, proposers[0], 'dissatisfied', at);
			events.push({
				suggestionId: s.id,
				kind: 'reopen_dissatisfied',
				at,
				data: { status: 'in_progress', round: 1, comment: '', reopened: 1 }
			});
			reopened.push(s.id);
			round = 2;
		}
		proposers.forEach((responseId, i) => {
			if (i > 0 && random() >= ANSWERS) return;
			const at = new Date(closedAt.getTime() + (1 + Math.floor(random() * 5)) * DAY_MS);
			answer(round, responseId, content(), at);
		});
	}
	for (let i = 0; i < answers.length; i += 500) {
		await db
			.insert(followUps)
			.values(answers.slice(i, i + 500))
			.onConflictDoNothing();
	}
	for (let i = 0; i < events.length; i += 500) {
		await db.insert(suggestionEvents).values(events.slice(i, i + 500));
	}
	if (reopened.length) {
		await db
			.update(suggestions)
			.set({ followUpRound: 2, reopenedCount: 1 })
			.where(inArray(suggestions.id, reopened));
	}
}
