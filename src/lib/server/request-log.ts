/**
 * The one-line-per-request log. Lines are gathered and written together once the current burst
 * of work is done (setImmediate): one write instead of one per request, in the same order, and
 * never later than the end of the event-loop turn in which the request finished.
 */
let pending: string[] = [];

function flush() {
	const lines = pending;
	pending = [];
	process.stdout.write(lines.join('\n') + '\n');
}

export function logRequest(line: string): void {
	if (pending.push(line) === 1) setImmediate(flush);
}
