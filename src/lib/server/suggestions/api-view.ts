import type { Database } from '../db';
import { NotFound } from '../platform/errors';
import type { Actor } from './actor';
import { getSuggestion } from './queries';

/** Readers through the API see what a leader sees: every live suggestion, no contact details. */
export const API_READER: Actor = { id: 0, role: 'leader', unitId: null };

/**
 * One suggestion of `campaignId` for the API: its fields, reply, plan and history (newest first),
 * never its source answers (they carry who raised it). 404 for an id of another campaign.
 */
export async function suggestionForApi(db: Database, actor: Actor, campaignId: number, id: number) {
	const {
		suggestion: s,
		category,
		department,
		overdue,
		planExpired,
		events
	} = await getSuggestion(db, actor, id);
	if (s.campaignId !== campaignId) throw new NotFound('no such suggestion in this campaign');
	return {
		id: s.id,
		title: s.title,
		category: category?.key ?? null,
		nature: s.nature,
		status: s.status,
		department,
		deadline: s.deadline,
		overdue,
		targetDate: s.targetDate,
		planExpired,
		published: s.published,
		measures: s.measures,
		reply: s.reply,
		plan: s.plan,
		createdAt: s.createdAt.toISOString(),
		closedAt: s.closedAt?.toISOString() ?? null,
		history: events.map((e) => ({
			at: e.at.toISOString(),
			by: e.user,
			kind: e.kind,
			data: e.data as Record<string, unknown>
		}))
	};
}
