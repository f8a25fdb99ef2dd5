/**
 * How many suggestion changes this process knows of: kept results (the categoriser's decision
 * count, the review queue's duplicate indexes) compare against these to know they are stale.
 * Changes made by other app processes on the same PostgreSQL count too: platform/change-signals.ts
 * sends this process's changes to them and counts theirs here.
 */
export type SuggestionChange = 'review' | 'intake';

const counts = { reviews: 0, intake: 0 };
export const suggestionChanges: Readonly<typeof counts> = counts;

const listeners = new Set<(kind: SuggestionChange) => void>();

function count(kind: SuggestionChange) {
	if (kind === 'review') counts.reviews++;
	else counts.intake++;
}

/**
 * Call when suggestions change: by a reviewer's decision, or by new answers coming in — after the
 * transaction that changed them has committed (never inside it, never on a rollback), or a kept
 * result rebuilt on the signal could read the rows as they were before.
 */
export function suggestionsChanged(kind: SuggestionChange): void {
	count(kind);
	for (const listener of listeners) listener(kind);
}

/** Another app process changed suggestions (and has committed): count it, and tell no one. */
export function suggestionsChangedElsewhere(kind: SuggestionChange): void {
	count(kind);
}

/** Calls `listener` after each change made in this process; answers a function that stops it. */
export function onSuggestionsChanged(listener: (kind: SuggestionChange) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}
