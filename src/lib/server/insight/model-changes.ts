/**
 * How many times a categoriser model has been stored, as far as this process knows: a process
 * compares its own model against the newest stored one when this changes (and now and then anyway,
 * for a message lost on the way). Models stored by other app processes on the same PostgreSQL
 * count too: platform/change-signals.ts tells them of this process's and counts theirs here.
 */
const counts = { stored: 0 };
export const modelChanges: Readonly<typeof counts> = counts;

const listeners = new Set<() => void>();

/** Call after the transaction that stored a model has committed. */
export function modelStored(): void {
	counts.stored++;
	for (const listener of listeners) listener();
}

/** Another app process stored a model (and has committed): count it, and tell no one. */
export function modelStoredElsewhere(): void {
	counts.stored++;
}

/** Calls `listener` after each model stored by this process; answers a function that stops it. */
export function onModelStored(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}
