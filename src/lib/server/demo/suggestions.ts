import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { SuggestionStatus } from '../../domain';
import { localDate } from '../../campaign-availability';
import { createPrng } from '../insight/prng';
import type { Database } from '../db';
import {
	campaigns,
	categories,
	suggestionEvents,
	suggestionItems,
	suggestions,
	units,
	users
} from '../db/schema';
import { addDays } from '../suggestions/weekly';
import { DEMO_SLUG } from './campaign';
import { seedDemoFollowUps } from './follow-ups';
import { DEMO_CONCERNS, type DemoConcern } from './suggestion-corpus';

const DAY_MS = 86_400_000;

/** A realistic spread of outcomes: most fixed, legacy problems mostly answered with a plan. */
function outcome(concern: DemoConcern, r: number): SuggestionStatus {
	if (concern.nature === 'legacy') {
		return r < 0.6 ? 'planned' : r < 0.8 ? 'in_progress' : 'resolved';
	}
	if (r < 0.58) return 'resolved';
	if (r < 0.66) return 'planned';
	if (r < 0.71) return 'not_adopted';
	if (r < 0.86) return 'in_progress';
	if (r < 0.94) return 'assigned';
	if (r < 0.97) return 'categorised';
	return 'new';
}

/**
 * Sorts the demo's 602 suggestion answers into the real case's 182 suggestions: each concern's
 * variants are merged into one, categorised, assigned with measures and a deadline, and taken to
 * a realistic state (replies, plans with timetables, some published on the board, some overdue).
 * History events carry their 2014 dates, so weekly reports of the campaign's weeks have content.
 */
export async function seedDemoSuggestions(db: Database, adminId: number | null): Promise<void> {
	const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, DEMO_SLUG));
	if (!campaign) return;
	const [sorted] = await db
		.select({ id: suggestions.id })
		.from(suggestions)
		.where(and(eq(suggestions.campaignId, campaign.id), eq(suggestions.status, 'categorised')))
		.limit(1);
	const items = await db
		.select({
			id: suggestionItems.id,
			text: suggestionItems.text,
			suggestionId: suggestionItems.suggestionId,
			createdAt: suggestionItems.createdAt
		})
		.from(suggestionItems)
		.innerJoin(suggestions, eq(suggestions.id, suggestionItems.suggestionId))
		.where(and(eq(suggestionItems.campaignId, campaign.id), isNull(suggestions.mergedInto)));
	if (sorted || items.length === 0) return;
	const [categoryRows, unitRows, reviewers] = await Promise.all([
		db.select().from(categories),
		db.select().from(units),
		db.select().from(users)
	]);
	const categoryId = new Map(categoryRows.map((c) => [c.key, c.id]));
	const unitId = new Map(unitRows.map((u) => [u.name, u.id]));
	const byText = new Map(items.map((i) => [i.text, i]));
	const random = createPrng(182);
	const today = localDate(new Date());
	const actor = adminId ?? reviewers[0]?.id ?? null;

	for (const concern of DEMO_CONCERNS) {
		const own = concern.variants.map((v) => byText.get(v)).filter((i) => i !== undefined);
		if (!own.length) continue;
		own.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
		const target = own[0].suggestionId;
		const others = own.slice(1).map((i) => i.suggestionId);
		const created = own[0].createdAt;
		// Sorted after the first weekly meeting following the answer, assigned a few days later.
		const categorisedAt = new Date(created.getTime() + (1 + Math.floor(random() * 6)) * DAY_MS);
		const assignedAt = new Date(categorisedAt.getTime() + (1 + Math.floor(random() * 4)) * DAY_MS);
		const status = outcome(concern, random());
		const closing = status === 'resolved' || status === 'planned' || status === 'not_adopted';
		const closedAt = closing
			? new Date(assignedAt.getTime() + (5 + Math.floor(random() * 50)) * DAY_MS)
			: null;
		const assigned = status !== 'new' && status !== 'categorised';
		// Open items get deadlines around today, so the overdue lists and the inbox have something to show.
		const deadline = !assigned
			? null
			: closing
				? localDate(new Date(assignedAt.getTime() + 45 * DAY_MS))
				: addDays(today, -20 + Math.floor(random() * 60));
		const reply = closing || status === 'in_progress' ? concern.reply : '';
		if (others.length) {
			await db
				.update(suggestionItems)
				.set({ suggestionId: target })
				.where(inArray(suggestionItems.suggestionId, others));
			await db
				.update(suggestions)
				.set({ mergedInto: target })
				.where(inArray(suggestions.id, others));
		}
		await db
			.update(suggestions)
			.set({
				title: concern.title,
				categoryId: status === 'new' ? null : (categoryId.get(concern.category) ?? null),
				nature: status === 'new' ? null : concern.nature,
				status,
				departmentId: assigned ? (unitId.get(concern.department) ?? null) : null,
				measures: assigned ? concern.measures : '',
				deadline,
				reply: closing ? reply : '',
				plan: status === 'planned' ? concern.measures : '',
				// Plans fall due around today, about one in six already past (the board and the queue
				// flag those), from the item's id so that the rest of the demo stays as it was.
				targetDate:
					status === 'planned'
						? addDays(today, target % 6 === 0 ? -(5 + (target % 25)) : 20 + (target % 120))
						: null,
				published: closing && random() < 0.7,
				closedAt,
				updatedAt: closedAt ?? assignedAt
			})
			.where(eq(suggestions.id, target));
		const events = [
			others.length
				? {
						kind: 'merge',
						at: categorisedAt,
						data: {
							merged: others,
							title: concern.title,
							items: own.slice(1).map((i) => i.id),
							repointed: []
						}
					}
				: null,
			status !== 'new'
				? {
						kind: 'categorise',
						at: categorisedAt,
						data: { category: concern.category, nature: concern.nature }
					}
				: null,
			assigned
				? { kind: 'assign', at: assignedAt, data: { department: concern.department, deadline } }
				: null,
			closing && closedAt ? { kind: 'close', at: closedAt, data: { status, reply } } : null
		].filter((e) => e !== null);
		if (events.length) {
			await db
				.insert(suggestionEvents)
				.values(events.map((e) => ({ suggestionId: target, userId: actor, ...e })));
		}
		if (others.length) {
			await db.insert(suggestionEvents).values(
				others.map((id) => ({
					suggestionId: id,
					userId: actor,
					kind: 'merged_into',
					at: categorisedAt,
					data: { target }
				}))
			);
		}
	}
	await seedDemoFollowUps(db, campaign.id);
}
