import type { Database } from '../db';
import { requestRetrainsThrough } from '../insight/categoriser-service';
import { requestPairRetrainsThrough } from '../insight/pair-model-service';
import { ServiceError } from '../platform/errors';
import { recordAudit } from '../platform/audit';
import { onNotify } from '../notifications/notify';
import { onWebhookEvent } from '../webhooks/events';
import {
	APP_JOBS,
	categoriserRetrain,
	notificationDelivery,
	pairModelRetrain,
	webhookDelivery
} from './kinds';
import { jobQueueOf, startJobQueue, type JobQueue, type JobQueueOptions } from './queue';

export { jobOverview, type JobOverview } from './job-view';

/**
 * Starts the app's job queue (startup.ts) and sends the categoriser's retrains through it. When the
 * queue cannot start (a database user without the right to create its schema), the server still
 * runs: each process then retrains its own categoriser, as before the queue.
 */
export async function startJobs(
	db: Database,
	options: JobQueueOptions = {}
): Promise<{ stop(): Promise<void> } | null> {
	let queue: JobQueue;
	try {
		queue = await startJobQueue(db, APP_JOBS, options);
	} catch (e) {
		console.error(
			'Xinkan: the job queue could not start; the categoriser retrains in this process instead:',
			e
		);
		return null;
	}
	const stopRequests = requestRetrainsThrough(db, () => queue.enqueue(categoriserRetrain.name));
	const stopPairRequests = requestPairRetrainsThrough(db, () =>
		queue.enqueue(pairModelRetrain.name)
	);
	// A notification written: deliver now rather than at the next minute's run.
	onNotify(() => {
		queue.enqueue(notificationDelivery.name).catch(() => {});
	});
	onWebhookEvent(() => {
		queue.enqueue(webhookDelivery.name).catch(() => {});
	});
	return {
		async stop() {
			onNotify(null);
			onWebhookEvent(null);
			stopRequests();
			stopPairRequests();
			await queue.stop();
		}
	};
}

/**
 * An admin's "run now": a retrain of the categoriser and of the pair model even if they are up to date. Answers false when one is
 * already waiting to run (it will train on the same decisions).
 */
export async function retrainNow(db: Database, actorId: number): Promise<boolean> {
	const queue = jobQueueOf(db);
	if (!queue) throw new ServiceError('jobs_unavailable', 503);
	const id = await queue.enqueue(categoriserRetrain.name, { force: true });
	// The duplicate model too: it learns from the same reviewers (a waiting one is not doubled).
	await queue.enqueue(pairModelRetrain.name, { force: true });
	if (id) {
		await recordAudit(db, { actorId, action: 'job.run', entity: 'job', entityId: id });
	}
	return id !== null;
}
