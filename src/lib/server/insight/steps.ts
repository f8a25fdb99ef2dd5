/**
 * Long computations written as generators that pause (yield) now and then: `runSteps` runs one to
 * the end at once (CLI, tests); a server runs it with `runStepsPolitely`, letting other requests in
 * at every pause instead of stalling them for seconds.
 */
export type Steps<T> = Generator<void, T>;

export function runSteps<T>(steps: Steps<T>): T {
	let step = steps.next();
	while (!step.done) step = steps.next();
	return step.value;
}

export async function runStepsPolitely<T>(steps: Steps<T>): Promise<T> {
	let step = steps.next();
	while (!step.done) {
		await new Promise((resolve) => setImmediate(resolve));
		step = steps.next();
	}
	return step.value;
}

/** The same steps, stopped between two of them once `signal` is aborted (shutdown). */
export function* stoppable<T>(steps: Steps<T>, signal?: AbortSignal): Steps<T> {
	let step = steps.next();
	while (!step.done) {
		signal?.throwIfAborted();
		yield;
		step = steps.next();
	}
	return step.value;
}
