/**
 * Group commit: callers hand in one item each; items that arrive while earlier ones are being
 * written wait, and go together in the next write. With nothing in flight an item is written at
 * the end of the current event-loop turn, so a quiet server adds no noticeable delay; under load
 * one statement carries many items, and the database's per-statement work (parse, round trip,
 * triggers, commit) is paid once per batch.
 */
export interface GroupCommitOptions {
	/** Most items in one write. */
	maxBatch: number;
	/** Writes in flight at once (connections the batches may hold). */
	concurrency: number;
}

interface Waiting<I, O> {
	item: I;
	resolve(value: O): void;
	reject(reason: unknown): void;
}

/**
 * `write` gets a batch and returns one result per item, in order. If it throws, `split` decides:
 * true retries each item of a batch of several on its own (so one bad item fails alone), false
 * fails every item of the batch with the error (an outage: retrying now would only wait longer).
 */
export function groupCommit<I, O>(
	write: (items: I[]) => Promise<O[]>,
	split: (error: unknown) => boolean,
	{ maxBatch, concurrency }: GroupCommitOptions
): (item: I) => Promise<O> {
	const queue: Waiting<I, O>[] = [];
	let inFlight = 0;

	async function run(batch: Waiting<I, O>[]) {
		try {
			const results = await write(batch.map((w) => w.item));
			batch.forEach((w, i) => w.resolve(results[i]));
		} catch (e) {
			if (batch.length > 1 && split(e)) {
				for (const w of batch) {
					await write([w.item]).then(([result]) => w.resolve(result), w.reject);
				}
			} else {
				for (const w of batch) w.reject(e);
			}
		}
	}

	function pump() {
		while (inFlight < concurrency && queue.length) {
			inFlight++;
			void run(queue.splice(0, maxBatch)).finally(() => {
				inFlight--;
				pump();
			});
		}
	}

	// Writing starts at the end of the current turn of the event loop, so that the requests read
	// in the same turn go together even when nothing is in flight. PGlite runs on this thread and
	// blocks it while it writes: without this, each batch would take the one request that had
	// arrived and the next would wait behind it.
	let scheduled = false;
	function schedule() {
		if (scheduled) return;
		scheduled = true;
		setImmediate(() => {
			scheduled = false;
			pump();
		});
	}

	return (item) =>
		new Promise<O>((resolve, reject) => {
			queue.push({ item, resolve, reject });
			schedule();
		});
}
