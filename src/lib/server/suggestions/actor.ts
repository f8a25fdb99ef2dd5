import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { SUGGESTION_STATUSES, type Role, type SuggestionStatus } from '../../domain';
import { hasRole, REVIEWERS, SUGGESTION_WORKERS } from '../../roles';
import { coHandlers, suggestions } from '../db/schema';
import { Forbidden } from '../platform/errors';

/** Who is acting: services scope every query by it (a handler sees only their department). */
export interface Actor {
	id: number;
	role: Role;
	unitId: number | null;
}

export function canReview(actor: Actor): boolean {
	return hasRole(actor.role, REVIEWERS);
}

/** Rows this actor may see: live (not merged away) suggestions, a handler's own department only. */
export function visibleTo(actor: Actor): SQL {
	const live = isNull(suggestions.mergedInto);
	if (actor.role === 'handler') {
		// A handler without a unit sees nothing rather than everything.
		return and(live, eq(suggestions.departmentId, actor.unitId ?? -1))!;
	}
	return live;
}

/**
 * Rows this actor may read: `visibleTo`, and for a handler also the items their department
 * co-handles (协办). Reading only: changing an item still goes through `visibleTo` (the lead
 * department), except the co-handlers' progress notes.
 */
export function readableBy(actor: Actor): SQL {
	if (actor.role !== 'handler') return visibleTo(actor);
	const unit = actor.unitId ?? -1;
	return and(
		isNull(suggestions.mergedInto),
		or(
			eq(suggestions.departmentId, unit),
			sql`exists (select 1 from ${coHandlers} c where c.suggestion_id = ${suggestions.id} and c.unit_id = ${unit})`
		)
	)!;
}

/** Records status, progress and comments: reviewers and handlers, not leaders or clerks. */
export function canWork(actor: Actor): boolean {
	return hasRole(actor.role, SUGGESTION_WORKERS);
}

/** What filing, categorising and assigning lead to: reviewers' work, before a department's starts. */
const REVIEW_STAGES: readonly SuggestionStatus[] = ['new', 'categorised', 'assigned'];

/**
 * The statuses this actor may set: a reviewer any, a handler only from "in progress" on, anyone
 * else none. The status menu offers exactly these and `setStatus` refuses any other.
 */
export function settableStatuses(actor: Actor): SuggestionStatus[] {
	if (!canWork(actor)) return [];
	if (canReview(actor)) return [...SUGGESTION_STATUSES];
	return SUGGESTION_STATUSES.filter((s) => !REVIEW_STAGES.includes(s));
}

export function assertReviewer(actor: Actor): void {
	if (!canReview(actor)) throw new Forbidden();
}
