// Training off the request thread (issue 15, item 6: memory per instance). A retrain allocates
// tens of megabytes of feature vectors and weights for a few seconds; on the request thread V8
// keeps that heap long after (a server that had trained sat at ~210 MiB resident, one that had not
// at ~140 MiB under the same load). Built, a server trains in a process of its own by default
// (XINKAN_TRAINING=process): every byte goes back to the system when it ends, and the request
// thread never pauses for the fit. A worker thread (`thread`) gives its heap back too, but less of
// the process's memory; `steps` is the fit between requests on the request thread.
//
// The thread or process runs this very module: adapter-node bundles server code into
// build/server/chunks, so no separate entry file survives the build, but `import.meta.url` is the
// chunk that holds this module. Loaded as a worker's entry with `workerData.xinkanTraining`, or as
// a process's with XINKAN_TRAINING_CHILD=1, the module trains, sends the result and ends; anywhere
// else the blocks below do nothing. From source (vite dev, Vitest) the module is TypeScript and
// is loaded through tsx.
import { fork, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { trainCategoriserSteps, type CategoriserJson, type TrainingExample } from './categoriser';
import type { LabelledRecord } from './dataset';
import { organisationPairModelSteps, outOfFoldCategoriesSteps } from './pair-learning';
import type { PairModel } from './pair-model';
import { runSteps, runStepsPolitely, stoppable, type Steps } from './steps';

/** Set in a training process's environment: the module then waits for its one task. */
const CHILD_ENV = 'XINKAN_TRAINING_CHILD';

export type TrainingTask =
	| { kind: 'categoriser'; examples: TrainingExample[]; categories: string[] }
	| { kind: 'pair'; records: LabelledRecord[] };

type TrainingResult<T extends TrainingTask> = T extends { kind: 'categoriser' }
	? CategoriserJson
	: { model: PairModel | null; items: number };

/** The training itself, in steps (see steps.ts), on whichever thread runs them. */
export function* trainSteps<T extends TrainingTask>(task: T): Steps<TrainingResult<T>> {
	if (task.kind === 'categoriser') {
		const model = yield* trainCategoriserSteps(task.examples, { categories: task.categories });
		return model.toJSON() as TrainingResult<T>;
	}
	const items = yield* outOfFoldCategoriesSteps(task.records);
	const model = yield* organisationPairModelSteps(items);
	return { model, items: items.length } as TrainingResult<T>;
}

/** The training at once, on the calling thread. */
export function train<T extends TrainingTask>(task: T): TrainingResult<T> {
	return runSteps(trainSteps(task));
}

if (!isMainThread && workerData?.xinkanTraining) {
	parentPort!.postMessage(train(workerData.xinkanTraining as TrainingTask));
}

// Started as a training process (trainInProcess): one task in, its result out, and the process ends.
if (isMainThread && process.env[CHILD_ENV] === '1' && process.send) {
	process.once('message', (task: TrainingTask) => {
		process.send!(train(task), () => process.exit(0));
	});
}

const self = new URL(import.meta.url);
const fromSource = self.pathname.endsWith('.ts');
/** From source, the worker registers tsx (a development dependency) before it loads this module. */
const fromSourceEntry = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(self.href)}); })`;

// Per process by nature: a worker or a training process belongs to the process that started it.
const running = new Set<Worker | ChildProcess>();

/**
 * Trains in a worker thread and answers its result; `signal` ends the worker at once (shutdown),
 * rejecting with the signal's reason.
 */
export function trainInWorker<T extends TrainingTask>(
	task: T,
	signal?: AbortSignal
): Promise<TrainingResult<T>> {
	signal?.throwIfAborted();
	const workerDataOf = { workerData: { xinkanTraining: task } };
	const worker = fromSource
		? new Worker(fromSourceEntry, { ...workerDataOf, eval: true })
		: new Worker(self, workerDataOf);
	return resultOf(worker, () => void worker.terminate(), signal);
}

/**
 * Trains in a process of its own and answers its result; `signal` kills it at once (shutdown),
 * rejecting with the signal's reason. The task and the result cross by IPC (structured clone). When
 * the process ends, every byte the training used goes back to the system, which a thread's heap,
 * freed into this process's allocator, does not quite do.
 */
export function trainInProcess<T extends TrainingTask>(
	task: T,
	signal?: AbortSignal
): Promise<TrainingResult<T>> {
	signal?.throwIfAborted();
	const child = fork(fileURLToPath(self), [], {
		env: { ...process.env, [CHILD_ENV]: '1' },
		// From source the module is TypeScript: tsx (a development dependency) loads it.
		execArgv: fromSource ? ['--import', 'tsx'] : [],
		serialization: 'advanced',
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const result = resultOf<TrainingResult<T>>(
		child,
		() => void (child.exitCode === null && child.kill('SIGKILL')),
		signal
	);
	child.send(task);
	return result;
}

/**
 * The one message a training thread or process sends, or why none came: it failed, it ended
 * first, or `signal` stopped it (`end` then ends it at once, and the promise rejects with the
 * signal's reason). Counted in `running` until settled.
 */
function resultOf<R>(
	runner: Worker | ChildProcess,
	end: () => void,
	signal?: AbortSignal
): Promise<R> {
	const events = runner as EventEmitter;
	running.add(runner);
	return new Promise((resolve, reject) => {
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			running.delete(runner);
			signal?.removeEventListener('abort', stop);
			end();
			outcome();
		};
		const stop = () => settle(() => reject(signal!.reason));
		signal?.addEventListener('abort', stop, { once: true });
		events.on('message', (result: R) => settle(() => resolve(result)));
		events.on('error', (e: Error) => settle(() => reject(e)));
		events.on('exit', (code: number | null, killedBy?: string | null) =>
			settle(() => reject(new Error(`training stopped (${killedBy ?? `exit code ${code}`})`)))
		);
	});
}

/** Where a built server trains: XINKAN_TRAINING=steps|thread|process (README, "Memory per instance"). */
export type TrainingPlace = 'steps' | 'thread' | 'process';
const PLACES: readonly TrainingPlace[] = ['steps', 'thread', 'process'];
// A process: a server that has trained then peaks at ~151 MiB under c=50 submissions, against ~189
// in steps and ~202 in a thread (bench:submit, 3 December 2026; README, "Memory per instance").
const DEFAULT_PLACE: TrainingPlace = 'process';

/**
 * XINKAN_TRAINING, or the default when it is unset or not one of the three: `steps` (between
 * requests on the request thread), `thread` (a worker thread) or `process` (a process of its own).
 */
export function trainingPlace(
	env: Record<string, string | undefined> = process.env
): TrainingPlace {
	const asked = env.XINKAN_TRAINING?.trim() as TrainingPlace | undefined;
	return asked && PLACES.includes(asked) ? asked : DEFAULT_PLACE;
}

/**
 * Trains off the request thread, where XINKAN_TRAINING says when running built; from source (vite
 * dev, Vitest) always in steps between requests on this thread. All three give the same result
 * (training-worker.spec.ts).
 */
export function trainOffThread<T extends TrainingTask>(
	task: T,
	signal?: AbortSignal
): Promise<TrainingResult<T>> {
	const place = fromSource ? 'steps' : trainingPlace();
	if (place === 'thread') return trainInWorker(task, signal);
	if (place === 'process') return trainInProcess(task, signal);
	return runStepsPolitely(stoppable(trainSteps(task), signal));
}

/** How many training threads and processes this process runs (tests). */
export function trainingWorkersRunning(): number {
	return running.size;
}
