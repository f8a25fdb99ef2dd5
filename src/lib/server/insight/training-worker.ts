// Training off the request thread (issue 15, item 6: memory per instance). A retrain allocates
// tens of megabytes of feature vectors and weights for a few seconds; on the request thread V8
// keeps that heap long after (a server that had trained sat at ~210 MiB resident, one that had not
// at ~140 MiB under the same load). In a worker thread the heap is the worker's own and is given
// back whole when the worker ends, and the request thread never pauses for the fit either.
//
// The worker runs this very module: adapter-node bundles server code into build/server/chunks, so
// no separate worker file survives the build, but `import.meta.url` is the chunk that holds this
// module. Loaded as a worker's entry with `workerData.xinkanTraining`, the module trains, posts the
// result and the thread ends; anywhere else the block below does nothing. From source (vite dev,
// Vitest) the module is TypeScript and the worker loads it through tsx.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { trainCategoriserSteps, type CategoriserJson, type TrainingExample } from './categoriser';
import type { LabelledRecord } from './dataset';
import { organisationPairModelSteps, outOfFoldCategoriesSteps } from './pair-learning';
import type { PairModel } from './pair-model';
import { runSteps, runStepsPolitely, stoppable, type Steps } from './steps';

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

const self = new URL(import.meta.url);
const fromSource = self.pathname.endsWith('.ts');
/** From source, the worker registers tsx (a development dependency) before it loads this module. */
const fromSourceEntry = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(self.href)}); })`;

// Per process by nature: a worker belongs to the process that started it.
const running = new Set<Worker>();

/**
 * Trains in a worker thread and answers its result; `signal` ends the worker at once (shutdown),
 * rejecting with the signal's reason.
 */
export function trainInWorker<T extends TrainingTask>(
	task: T,
	signal?: AbortSignal
): Promise<TrainingResult<T>> {
	signal?.throwIfAborted();
	return new Promise((resolve, reject) => {
		const workerDataOf = { workerData: { xinkanTraining: task } };
		const worker = fromSource
			? new Worker(fromSourceEntry, { ...workerDataOf, eval: true })
			: new Worker(self, workerDataOf);
		running.add(worker);
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			running.delete(worker);
			signal?.removeEventListener('abort', stop);
			void worker.terminate();
			outcome();
		};
		const stop = () => settle(() => reject(signal!.reason));
		signal?.addEventListener('abort', stop, { once: true });
		worker.on('message', (result: TrainingResult<T>) => settle(() => resolve(result)));
		worker.on('error', (e) => settle(() => reject(e)));
		worker.on('exit', (code) =>
			settle(() => reject(new Error(`training worker stopped (exit code ${code})`)))
		);
	});
}

/**
 * Whether built retrains go to a worker thread: only with XINKAN_TRAINING_WORKER=1 for now. With
 * it, a server that has trained settles ~50 MiB lower (README, "Memory per instance"), but in two
 * CI runs of the whole suite the built server with workers had minute-long stalls (end-to-end
 * requests timing out while the start-up retrains ran, and the cluster test's retrain job not
 * finishing); until that is understood, the default is the path that landed before: steps on the
 * request thread.
 */
const workerWanted = () => process.env.XINKAN_TRAINING_WORKER === '1';

/**
 * Trains off the request thread: in a worker when running built with XINKAN_TRAINING_WORKER=1;
 * otherwise (and always from source: vite dev, Vitest) in steps between requests on this thread.
 * Both give the same result (training-worker.spec.ts).
 */
export function trainOffThread<T extends TrainingTask>(
	task: T,
	signal?: AbortSignal
): Promise<TrainingResult<T>> {
	return fromSource || !workerWanted()
		? runStepsPolitely(stoppable(trainSteps(task), signal))
		: trainInWorker(task, signal);
}

/** How many training workers run in this process (tests). */
export function trainingWorkersRunning(): number {
	return running.size;
}
