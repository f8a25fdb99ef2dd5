import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Role } from '../../domain';
import { hasRole, REVIEWERS, SUGGESTION_WORKERS } from '../../roles';
import { suggestions } from '../db/schema';
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

/** Contact details go to those who need them to get back to people, not to every reader. */
export function canSeeContact(actor: Actor): boolean {
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

/** Records status, progress and comments: reviewers and handlers, not leaders or clerks. */
export function canWork(actor: Actor): boolean {
	return hasRole(actor.role, SUGGESTION_WORKERS);
}

export function assertReviewer(actor: Actor): void {
	if (!canReview(actor)) throw new Forbidden();
}
