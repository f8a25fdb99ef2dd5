/**
 * How code that wrote work for a job in its transaction (a notification, a webhook event) asks the
 * job queue to run it now rather than at the next scheduled run. The queue (jobs/index.ts) sets
 * the callback; without a queue ringing does nothing and the schedule still delivers. The ring
 * waits a little so the caller's transaction has committed when the job looks.
 */
export interface Wake {
	on(callback: (() => void) | null): void;
	ring(): void;
}

export function wakeSignal(delayMs = 200): Wake {
	// One per process by design: it only shortens a wait; the job's schedule is the guarantee.
	let callback: (() => void) | null = null;
	return {
		on(next) {
			callback = next;
		},
		ring() {
			if (callback) setTimeout(callback, delayMs).unref?.();
		}
	};
}
