/**
 * How many suggestion changes this process has made: kept results (the categoriser's decision
 * count, the review queue's duplicate indexes) compare against these to know they are stale.
 */
const counts = { reviews: 0, intake: 0 };
export const suggestionChanges: Readonly<typeof counts> = counts;

/**
 * Call when suggestions change: by a reviewer's decision, or by new answers coming in — after the
 * transaction that changed them has committed (never inside it, never on a rollback), or a kept
 * result rebuilt on the signal could read the rows as they were before.
 */
export function suggestionsChanged(kind: 'review' | 'intake'): void {
	if (kind === 'review') counts.reviews++;
	else counts.intake++;
}
