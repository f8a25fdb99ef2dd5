import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { CLOSED_STATUSES, type SatisfactionLevel } from '../../domain';
import type { Database } from '../db';
import {
	campaigns,
	followUps,
	suggestionItems,
	suggestions,
	users,
	type Suggestion
} from '../db/schema';
import { Conflict, Forbidden, Invalid, NotFound } from '../platform/errors';
import { canWork, type Actor } from './actor';
import { change, lockVisible, recordEvent } from './workflow';
import { emitWebhookEvent } from '../webhooks/events';
import { notify } from '../notifications/notify';

/*
 * 回访 (follow-up satisfaction). A reply opens a round: for the campaign's `followUpDays` after the
 * item was answered (resolved, planned or not adopted), each proposer may say through their
 * receipt code whether it satisfied them, and staff may record what a phone call or visit heard.
 * 不满意 reopens the item to its department; the next reply opens the next round. A round with no
 * answer by its end counts as 未回访 (satisfaction.ts), never as satisfied.
 */

const DAY_MS = 86_400_000;

/** When the current round of an answered item ends (null while the item is not answered). */
export function roundEnds(s: Pick<Suggestion, 'status' | 'closedAt'>, days: number): Date | null {
	if (!CLOSED_STATUSES.includes(s.status) || !s.closedAt) return null;
	return new Date(s.closedAt.getTime() + days * DAY_MS);
}

/** The answered suggestion, locked, and its round's end; refused unless the round is open at `now`. */
async function lockOpenRound(tx: Database, s: Suggestion, now: Date) {
	const [campaign] = await tx
		.select({ days: campaigns.followUpDays })
		.from(campaigns)
		.where(eq(campaigns.id, s.campaignId));
	const ends = roundEnds(s, campaign.days);
	if (!ends) throw new Conflict('follow_up_not_answered');
	if (now >= ends) throw new Conflict('follow_up_round_ended');
	return ends;
}

/** 不满意: back to its department with the comment, one more reopening, the next round waiting. */
async function reopenDissatisfied(
	tx: Database,
	actor: Actor | null,
	s: Suggestion,
	comment: string
): Promise<void> {
	await tx
		.update(suggestions)
		.set({
			status: 'in_progress',
			closedAt: null,
			followUpRound: s.followUpRound + 1,
			reopenedCount: s.reopenedCount + 1,
			updatedAt: new Date()
		})
		.where(eq(suggestions.id, s.id));
	await recordEvent(
		tx,
		actor,
		s,
		'reopen_dissatisfied',
		{ status: 'in_progress', round: s.followUpRound, comment, reopened: s.reopenedCount + 1 },
		{ status: s.status, closedAt: s.closedAt }
	);
	await notify(tx, { event: 'reopened', suggestion: s, to: 'department', params: { comment } });
	await emitWebhookEvent(tx, 'suggestion.reopened', {
		suggestionId: s.id,
		campaignId: s.campaignId,
		status: 'in_progress',
		by: 'follow_up',
		comment
	});
}

export interface ReceiptAnswer {
	level: SatisfactionLevel;
	comment: string;
}

/**
 * A proposer's answer through their receipt code. One row per receipt, suggestion and round (the
 * unique constraint: a repeat or a race changes that row, never adds one), changeable until the
 * round ends. The suggestion must have come (in part) from this response; anything else is a 404,
 * as an unknown code is.
 */
export async function answerFollowUp(
	db: Database,
	responseId: number,
	suggestionId: number,
	input: ReceiptAnswer,
	now = new Date()
): Promise<{ reopened: boolean }> {
	return change(db, async (tx) => {
		const [s] = await tx
			.select()
			.from(suggestions)
			.where(
				and(
					eq(suggestions.id, suggestionId),
					isNull(suggestions.mergedInto),
					sql`exists (select 1 from ${suggestionItems} i where i.suggestion_id = ${suggestions.id} and i.response_id = ${responseId})`
				)
			)
			.for('update');
		if (!s) throw new NotFound();
		await lockOpenRound(tx, s, now);
		await tx
			.insert(followUps)
			.values({
				suggestionId: s.id,
				round: s.followUpRound,
				method: 'receipt',
				responseId,
				level: input.level,
				comment: input.comment,
				contactedAt: now
			})
			.onConflictDoUpdate({
				target: [followUps.suggestionId, followUps.round, followUps.responseId],
				set: { level: input.level, comment: input.comment, contactedAt: now, updatedAt: now }
			});
		await recordEvent(tx, null, s, 'follow_up', {
			method: 'receipt',
			round: s.followUpRound,
			level: input.level,
			comment: input.comment
		});
		await emitWebhookEvent(tx, 'followup.answered', {
			suggestionId: s.id,
			campaignId: s.campaignId,
			responseId,
			method: 'receipt',
			round: s.followUpRound,
			level: input.level,
			comment: input.comment
		});
		const reopened = input.level === 'dissatisfied';
		if (reopened) await reopenDissatisfied(tx, null, s, input.comment);
		return { reopened };
	});
}

export interface StaffFollowUp {
	method: 'phone' | 'visit';
	contactedAt: Date;
	/** Null: nobody could be reached. */
	level: SatisfactionLevel | null;
	note: string;
}

/**
 * A follow-up staff made by phone or visit: who (the acting user), when, how, what was heard, a
 * note. Reviewers, organisers and the item's department's handlers, within the round; 不满意
 * reopens the item as a proposer's own answer does.
 */
export async function recordFollowUp(
	db: Database,
	actor: Actor,
	suggestionId: number,
	input: StaffFollowUp,
	now = new Date()
): Promise<{ reopened: boolean }> {
	if (!canWork(actor)) throw new Forbidden();
	if (input.contactedAt.getTime() > now.getTime() + 5 * 60_000) {
		throw new Invalid('follow_up_in_future', { contactedAt: 'follow_up_in_future' });
	}
	return change(db, async (tx) => {
		const [s] = await lockVisible(tx, actor, [suggestionId]);
		await lockOpenRound(tx, s, now);
		if (input.contactedAt < s.closedAt!) {
			throw new Invalid('follow_up_before_reply', { contactedAt: 'follow_up_before_reply' });
		}
		await tx.insert(followUps).values({
			suggestionId: s.id,
			round: s.followUpRound,
			method: input.method,
			recordedBy: actor.id,
			level: input.level,
			comment: input.note,
			contactedAt: input.contactedAt
		});
		await recordEvent(tx, actor, s, 'follow_up', {
			method: input.method,
			round: s.followUpRound,
			level: input.level,
			comment: input.note,
			contactedAt: input.contactedAt.toISOString()
		});
		await emitWebhookEvent(tx, 'followup.answered', {
			suggestionId: s.id,
			campaignId: s.campaignId,
			method: input.method,
			round: s.followUpRound,
			level: input.level,
			comment: input.note
		});
		const reopened = input.level === 'dissatisfied';
		if (reopened) await reopenDissatisfied(tx, actor, s, input.note);
		return { reopened };
	});
}

/**
 * The follow-ups of one item for its page (the caller has checked the item is visible to the
 * user): every round, newest first, with the staff member who recorded each; a receipt answer
 * names no one.
 */
export async function followUpsOf(db: Database, suggestionId: number) {
	return db
		.select({
			id: followUps.id,
			round: followUps.round,
			method: followUps.method,
			level: followUps.level,
			comment: followUps.comment,
			contactedAt: followUps.contactedAt,
			recordedBy: sql<string | null>`coalesce(nullif(${users.displayName}, ''), ${users.username})`
		})
		.from(followUps)
		.leftJoin(users, eq(users.id, followUps.recordedBy))
		.where(eq(followUps.suggestionId, suggestionId))
		.orderBy(desc(followUps.round), desc(followUps.contactedAt), asc(followUps.id));
}

/** The item's current round: its number, when it ends, and whether it is open now. */
export async function followUpRoundOf(db: Database, s: Suggestion, now = new Date()) {
	const [campaign] = await db
		.select({ days: campaigns.followUpDays })
		.from(campaigns)
		.where(eq(campaigns.id, s.campaignId));
	const ends = roundEnds(s, campaign.days);
	return { round: s.followUpRound, ends, open: ends !== null && now < ends };
}
