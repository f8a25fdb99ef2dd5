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

/** One line: method, route pattern (never the raw path: it may hold receipt codes), status, ms. */
export function logRequest(method: string, route: string | null, status: number, started: number) {
	const line = `${method} ${route ?? '(no route)'} ${status} ${(performance.now() - started).toFixed(1)}ms`;
	if (pending.push(line) === 1) setImmediate(flush);
}
