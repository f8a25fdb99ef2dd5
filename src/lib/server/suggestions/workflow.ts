import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { CLOSED_STATUSES, type Nature, type SuggestionStatus } from '../../domain';
import { recordAudit } from '../platform/audit';
import type { Database } from '../db';
import {
	categories,
	handlingRequests,
	suggestionEvents,
	suggestionItems,
	suggestions,
	units,
	type Suggestion
} from '../db/schema';
import { Forbidden, Invalid, NotFound } from '../platform/errors';
import { assertReviewer, canWork, settableStatuses, visibleTo, type Actor } from './actor';
import { splitItem } from './items';
import { assertPublishable } from './publishing';
import { suggestionsChanged } from './changes';
import { emitWebhookEvent } from '../webhooks/events';
import { notify, proposersOf } from '../notifications/notify';

/**
 * One entry in the item's history and the audit log, in the caller's transaction. The change is
 * announced by `change` once that transaction commits, not here.
 */
export async function recordEvent(
	tx: Database,
	actor: Actor | null,
	suggestion: { id: number },
	kind: string,
	data: Record<string, unknown> = {},
	before?: unknown
): Promise<void> {
	await tx
		.insert(suggestionEvents)
		.values({ suggestionId: suggestion.id, userId: actor?.id ?? null, kind, data });
	await recordAudit(tx, {
		actorId: actor?.id ?? null,
		action: `suggestion.${kind}`,
		entity: 'suggestion',
		entityId: suggestion.id,
		before,
		after: data
	});
}

/**
 * A reviewer's or handler's change in one transaction, announced once it has committed: a cache
 * that rebuilds on the signal would otherwise read the rows before the change, and a rollback
 * changed nothing. (Called with a transaction, the announcement comes when its savepoint is
 * released: the workflow functions are called with the database, not inside another transaction.)
 */
export async function change<T>(db: Database, run: (tx: Database) => Promise<T>): Promise<T> {
	const result = await db.transaction(run);
	suggestionsChanged('review');
	return result;
}

/** The suggestions an actor may change, locked for the transaction; any missing one is a 404. */
export async function lockVisible(
	tx: Database,
	actor: Actor,
	ids: number[]
): Promise<Suggestion[]> {
	const unique = [...new Set(ids)];
	if (!unique.length) throw new Invalid('nothing_selected');
	const rows = await tx
		.select()
		.from(suggestions)
		.where(and(inArray(suggestions.id, unique), visibleTo(actor)))
		.for('update');
	if (rows.length !== unique.length) throw new NotFound();
	return rows;
}

const STAGE: Record<SuggestionStatus, number> = {
	new: 0,
	categorised: 1,
	assigned: 2,
	in_progress: 3,
	resolved: 4,
	planned: 4,
	not_adopted: 4
};

type SurvivorCandidate = Pick<Suggestion, 'id' | 'status' | 'published' | 'reply' | 'createdAt'>;

/**
 * Which of the suggestions being merged survives when the reviewer does not choose: the one
 * furthest along, so no proposer loses an answer they were shown — a published reply first, then
 * the status, then the oldest.
 */
export function pickSurvivor<T extends SurvivorCandidate>(rows: T[]): T {
	const answered = (r: SurvivorCandidate) => (r.published && r.reply.trim() ? 1 : 0);
	return [...rows].sort(
		(a, b) =>
			answered(b) - answered(a) ||
			STAGE[b.status] - STAGE[a.status] ||
			a.createdAt.getTime() - b.createdAt.getTime() ||
			a.id - b.id
	)[0];
}

export async function categorise(
	db: Database,
	actor: Actor,
	ids: number[],
	input: { categoryId: number; nature: Nature | null }
) {
	assertReviewer(actor);
	const [category] = await db.select().from(categories).where(eq(categories.id, input.categoryId));
	if (!category) throw new Invalid('invalid', { categoryId: 'invalid' });
	await change(db, async (tx) => {
		const rows = await lockVisible(tx, actor, ids);
		// A deactivated category stays on the items that have it (saving their nature keeps it),
		// but no item is newly put into it.
		if (!category.active && rows.some((s) => s.categoryId !== category.id)) {
			throw new Invalid('invalid', { categoryId: 'invalid' });
		}
		for (const s of rows) {
			const status = STAGE[s.status] < STAGE.categorised ? 'categorised' : s.status;
			await tx
				.update(suggestions)
				.set({
					categoryId: category.id,
					nature: input.nature ?? s.nature,
					status,
					updatedAt: new Date()
				})
				.where(eq(suggestions.id, s.id));
			await recordEvent(
				tx,
				actor,
				s,
				'categorise',
				{ category: category.key, nature: input.nature ?? s.nature, status },
				{ categoryId: s.categoryId, nature: s.nature, status: s.status }
			);
			await emitWebhookEvent(tx, 'suggestion.categorised', {
				suggestionId: s.id,
				campaignId: s.campaignId,
				category: category.key,
				nature: input.nature ?? s.nature,
				status
			});
		}
	});
}

export async function assign(
	db: Database,
	actor: Actor,
	ids: number[],
	input: { departmentId: number; deadline: string | null }
) {
	assertReviewer(actor);
	const [unit] = await db.select().from(units).where(eq(units.id, input.departmentId));
	if (!unit?.active) throw new Invalid('invalid', { departmentId: 'invalid' });
	await change(db, async (tx) => {
		for (const s of await lockVisible(tx, actor, ids)) {
			const status = STAGE[s.status] < STAGE.assigned ? 'assigned' : s.status;
			// Routed afresh: no longer sent back, a new deadline (no extension on it yet), and what the
			// previous department asked is withdrawn when the department changes.
			const moved = s.departmentId !== unit.id;
			const deadlineChanged = input.deadline !== s.deadline;
			await tx
				.update(suggestions)
				.set({
					departmentId: unit.id,
					deadline: input.deadline,
					originalDeadline: deadlineChanged ? null : s.originalDeadline,
					sentBackAt: null,
					status,
					updatedAt: new Date()
				})
				.where(eq(suggestions.id, s.id));
			if (moved) {
				await tx
					.update(handlingRequests)
					.set({ status: 'refused', decidedBy: actor.id, decidedAt: new Date() })
					.where(
						and(eq(handlingRequests.suggestionId, s.id), eq(handlingRequests.status, 'pending'))
					);
			}
			await recordEvent(
				tx,
				actor,
				s,
				'assign',
				{ department: unit.name, deadline: input.deadline, status },
				{ departmentId: s.departmentId, deadline: s.deadline, status: s.status }
			);
			await emitWebhookEvent(tx, 'suggestion.assigned', {
				suggestionId: s.id,
				campaignId: s.campaignId,
				departmentId: unit.id,
				department: unit.name,
				deadline: input.deadline,
				status
			});
			const item = { ...s, departmentId: unit.id, deadline: input.deadline };
			if (s.departmentId !== unit.id) {
				await notify(tx, { event: 'assigned', suggestion: item, to: 'department' });
			}
		}
	});
}

export interface StatusInput {
	status: SuggestionStatus;
	reply: string;
	plan: string;
	targetDate: string | null;
	measures: string;
}

/**
 * Moves a suggestion along: handlers may work on their own department's items (in progress,
 * measures, reply, close, reopen); reviewers on all (`settableStatuses`). Closing needs the reply
 * to the proposers, "planned" also a plan and a target date.
 */
export async function setStatus(
	db: Database,
	actor: Actor,
	id: number,
	input: StatusInput
): Promise<void> {
	if (!canWork(actor)) throw new Forbidden();
	const closing = CLOSED_STATUSES.includes(input.status);
	const errors: Record<string, string> = {};
	if (!settableStatuses(actor).includes(input.status)) errors.status = 'status_not_settable';
	if (closing && !input.reply.trim()) errors.reply = 'reply_required';
	if (input.status === 'planned' && !input.plan.trim()) errors.plan = 'plan_required';
	if (input.status === 'planned' && !input.targetDate) errors.targetDate = 'target_required';
	if (Object.keys(errors).length) throw new Invalid(Object.values(errors)[0], errors);
	await change(db, async (tx) => {
		const [s] = await lockVisible(tx, actor, [id]);
		if (STAGE[input.status] >= STAGE.assigned && !s.departmentId) {
			throw new Invalid('assign_first', { status: 'assign_first' });
		}
		const reopened = CLOSED_STATUSES.includes(s.status) && !closing;
		await tx
			.update(suggestions)
			.set({
				status: input.status,
				reply: input.reply.trim(),
				plan: input.status === 'planned' ? input.plan.trim() : s.plan,
				targetDate: input.status === 'planned' ? input.targetDate : s.targetDate,
				measures: input.measures.trim(),
				closedAt: closing ? (CLOSED_STATUSES.includes(s.status) ? s.closedAt : new Date()) : null,
				// A reply taken back opens the next 回访 round: the next reply is asked about afresh.
				followUpRound: reopened ? s.followUpRound + 1 : s.followUpRound,
				updatedAt: new Date()
			})
			.where(eq(suggestions.id, s.id));
		const kind = reopened ? 'reopen' : closing ? 'close' : 'status';
		await recordEvent(
			tx,
			actor,
			s,
			kind,
			{
				status: input.status,
				reply: input.reply.trim(),
				plan: input.plan.trim(),
				targetDate: input.targetDate,
				measures: input.measures.trim()
			},
			{ status: s.status, reply: s.reply, measures: s.measures }
		);
		if (kind === 'close' || kind === 'reopen') {
			await emitWebhookEvent(tx, kind === 'close' ? 'suggestion.answered' : 'suggestion.reopened', {
				suggestionId: s.id,
				campaignId: s.campaignId,
				status: input.status,
				...(kind === 'close'
					? { reply: input.reply.trim(), plan: input.plan.trim(), targetDate: input.targetDate }
					: { by: 'staff' })
			});
		}
		if (kind === 'close') {
			// Once per round: a closed item's status changed again tells no one twice.
			const key = `answered:${s.id}:${s.followUpRound}`;
			await notify(tx, { event: 'answered', suggestion: s, to: await proposersOf(tx, s.id), key });
		}
	});
}

export async function retitle(
	db: Database,
	actor: Actor,
	id: number,
	title: string
): Promise<void> {
	assertReviewer(actor);
	await change(db, async (tx) => {
		const [s] = await lockVisible(tx, actor, [id]);
		await tx
			.update(suggestions)
			.set({ title, updatedAt: new Date() })
			.where(eq(suggestions.id, s.id));
		await recordEvent(tx, actor, s, 'retitle', { title }, { title: s.title });
	});
}

export async function setPublished(
	db: Database,
	actor: Actor,
	id: number,
	published: boolean
): Promise<void> {
	assertReviewer(actor);
	await change(db, async (tx) => {
		const [s] = await lockVisible(tx, actor, [id]);
		// Taking an item off the board is never refused; putting one on is (see publishing.ts).
		if (published) assertPublishable(s);
		await tx
			.update(suggestions)
			.set({ published, updatedAt: new Date() })
			.where(eq(suggestions.id, s.id));
		await recordEvent(tx, actor, s, published ? 'publish' : 'unpublish', { published });
	});
}

export async function addComment(
	db: Database,
	actor: Actor,
	id: number,
	text: string
): Promise<void> {
	if (!canWork(actor)) throw new Forbidden();
	await change(db, async (tx) => {
		const [s] = await lockVisible(tx, actor, [id]);
		await recordEvent(tx, actor, s, 'comment', { text });
	});
}

/**
 * Merges suggestions into one: their items move to the survivor — the reviewer's choice among
 * them, or `pickSurvivor`'s — which keeps its own category, status, reply, plan, department,
 * deadline and published flag; the others stay (hidden, their columns untouched) with `mergedInto`
 * set. The merge event records exactly what moved, so an unmerge restores each one as it was.
 */
export async function merge(
	db: Database,
	actor: Actor,
	ids: number[],
	survivorId: number | null | undefined,
	title: string
): Promise<void> {
	assertReviewer(actor);
	if (new Set(ids).size < 2) throw new Invalid('merge_needs_two');
	if (survivorId != null && !ids.includes(survivorId)) {
		throw new Invalid('merge_survivor', { survivorId: 'merge_survivor' });
	}
	await change(db, async (tx) => {
		const rows = await lockVisible(tx, actor, ids);
		if (new Set(rows.map((r) => r.campaignId)).size > 1) throw new Invalid('merge_same_campaign');
		const target = rows.find((r) => r.id === survivorId) ?? pickSurvivor(rows);
		const targetId = target.id;
		const others = rows.filter((r) => r.id !== targetId).map((r) => r.id);
		const moved = await tx
			.update(suggestionItems)
			.set({ suggestionId: targetId })
			.where(inArray(suggestionItems.suggestionId, others))
			.returning({ id: suggestionItems.id });
		// Anything merged into the merged ones earlier now points at the new target too.
		const repointed = await tx
			.update(suggestions)
			.set({ mergedInto: targetId })
			.where(inArray(suggestions.mergedInto, others))
			.returning({ id: suggestions.id });
		await tx
			.update(suggestions)
			.set({ mergedInto: targetId, updatedAt: new Date() })
			.where(inArray(suggestions.id, others));
		if (title.trim()) {
			await tx
				.update(suggestions)
				.set({ title: title.trim(), updatedAt: new Date() })
				.where(eq(suggestions.id, targetId));
		}
		await recordEvent(tx, actor, { id: targetId }, 'merge', {
			merged: others,
			title: title.trim(),
			previousTitle: target.title,
			items: moved.map((m) => m.id),
			repointed: repointed.map((r) => r.id)
		});
		for (const id of others) {
			await recordEvent(tx, actor, { id }, 'merged_into', { target: targetId });
		}
	});
}

/** Undoes the latest merge into this suggestion: exactly the suggestions and items it took in come back. */
export async function unmerge(db: Database, actor: Actor, id: number): Promise<number[]> {
	assertReviewer(actor);
	return change(db, async (tx) => {
		const [s] = await lockVisible(tx, actor, [id]);
		const [last] = await tx
			.select()
			.from(suggestionEvents)
			.where(
				and(
					eq(suggestionEvents.suggestionId, s.id),
					inArray(suggestionEvents.kind, ['merge', 'unmerge'])
				)
			)
			.orderBy(desc(suggestionEvents.id))
			.limit(1);
		if (!last || last.kind !== 'merge') throw new Invalid('nothing_to_unmerge');
		const data = last.data as {
			merged: number[];
			items?: number[];
			repointed?: number[];
			previousTitle?: string;
		};
		const restored = data.merged;
		if (data.items?.length) {
			// Each item goes back to the suggestion it belonged to: its origin, or the merged suggestion that held it.
			const items = await tx
				.select()
				.from(suggestionItems)
				.where(inArray(suggestionItems.id, data.items));
			for (const item of items) {
				const home = restored.includes(item.originId)
					? item.originId
					: await homeOf(tx, item.originId, restored);
				await tx
					.update(suggestionItems)
					.set({ suggestionId: home })
					.where(eq(suggestionItems.id, item.id));
			}
		}
		await tx
			.update(suggestions)
			.set({ mergedInto: null, updatedAt: new Date() })
			.where(inArray(suggestions.id, restored));
		for (const r of await tx
			.select()
			.from(suggestions)
			.where(inArray(suggestions.id, data.repointed ?? [-1]))) {
			await tx
				.update(suggestions)
				.set({ mergedInto: await homeOf(tx, r.id, restored) })
				.where(eq(suggestions.id, r.id));
		}
		if (data.previousTitle) {
			await tx
				.update(suggestions)
				.set({ title: data.previousTitle })
				.where(eq(suggestions.id, s.id));
		}
		await recordEvent(tx, actor, s, 'unmerge', { restored, merge: last.id });
		for (const r of restored) {
			await recordEvent(tx, actor, { id: r }, 'unmerged_from', { from: s.id });
		}
		return restored;
	});
}

/**
 * Which of the restored suggestions held a suggestion (or an item's origin) before the merge:
 * follow its `merged_into` history events until one of them is reached.
 */
async function homeOf(tx: Database, suggestionId: number, restored: number[]): Promise<number> {
	let cursor = suggestionId;
	for (let hop = 0; hop < 50; hop++) {
		if (restored.includes(cursor)) return cursor;
		const [event] = await tx
			.select({ data: suggestionEvents.data })
			.from(suggestionEvents)
			.where(
				and(eq(suggestionEvents.suggestionId, cursor), eq(suggestionEvents.kind, 'merged_into'))
			)
			.orderBy(desc(suggestionEvents.id))
			.limit(1);
		if (!event) break;
		cursor = (event.data as { target: number }).target;
	}
	return restored[0];
}

export async function split(
	db: Database,
	actor: Actor,
	itemId: number,
	parts: string[]
): Promise<number[]> {
	assertReviewer(actor);
	return change(db, async (tx) => {
		const [item] = await tx
			.select({ suggestionId: suggestionItems.suggestionId })
			.from(suggestionItems)
			.where(eq(suggestionItems.id, itemId));
		if (!item) throw new NotFound();
		await lockVisible(tx, actor, [item.suggestionId]);
		const ids = await splitItem(tx, actor.id, itemId, parts);
		if (!ids.length) throw new Invalid('split_needs_two');
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'suggestion.split',
			entity: 'suggestion',
			entityId: item.suggestionId,
			after: { itemId, into: ids }
		});
		return ids;
	});
}

/** How many live suggestions and raw answers a campaign has (182 and 602 in the demo). */
export async function countLive(db: Database, campaignId: number) {
	const [row] = await db
		.select({
			live: sql<number>`count(*) filter (where ${suggestions.mergedInto} is null)::int`,
			all: sql<number>`count(*)::int`
		})
		.from(suggestions)
		.where(eq(suggestions.campaignId, campaignId));
	return row;
}
