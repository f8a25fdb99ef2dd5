import { deleteEndedSessions } from '../auth/session';
import { retrainCategoriser } from '../insight/categoriser-service';
import { retrainPairModel } from '../insight/pair-model-service';
import { deleteEndedWindows } from '../intake/submission-limit';
import { deadlineNotices } from '../notifications/deadlines';
import { deliverDue } from '../notifications/delivery';
import { transportsFromEnv } from '../notifications/transports';
import { deliverWebhooks } from '../webhooks/delivery';
import { defineJob } from './queue';

/**
 * The categoriser's full retrain (insight/categoriser-service.ts): asked for by any process whose
 * model is RETRAIN_EVERY decisions behind, or by an admin ("run now", `force`). `stately`: however
 * many processes ask at once, one job waits and one runs; a job that finds the stored model
 * already up to date does nothing. Every process then loads the stored model.
 */
export const categoriserRetrain = defineJob<{ force: boolean }>({
	name: 'categoriser-retrain',
	policy: 'stately',
	retryLimit: 3,
	retryDelay: 30,
	retryBackoff: true,
	// 5,000 examples train in about 15 s; a run ten times that long is stuck.
	expireInSeconds: 15 * 60,
	async run(db, data, { signal }) {
		const { trained, decisions, examples } = await retrainCategoriser(db, {
			force: data.force === true,
			signal
		});
		return { trained, decisions, examples };
	}
});

/**
 * The organisation's pair model (insight/pair-model-service.ts), fitted on its reviewers' merges:
 * asked for by a process that counts PAIR_RETRAIN_EVERY duplicate decisions since the stored one,
 * or by an admin ("run now"). Runs once across processes; each then loads the stored model.
 */
export const pairModelRetrain = defineJob<{ force: boolean }>({
	name: 'pair-model-retrain',
	policy: 'stately',
	retryLimit: 3,
	retryDelay: 30,
	retryBackoff: true,
	expireInSeconds: 15 * 60,
	async run(db, data, { signal }) {
		const { trained, decisions, items } = await retrainPairModel(db, {
			force: data.force === true,
			signal
		});
		return { trained, decisions, items };
	}
});

/** Housekeeping that no request needs to wait for: rows that only take up space. */
export const dailyHousekeeping = defineJob({
	name: 'daily-housekeeping',
	policy: 'short',
	schedule: { cron: '30 3 * * *' },
	async run(db) {
		const now = Date.now();
		const [rateWindows, sessions] = await Promise.all([
			deleteEndedWindows(db, now),
			deleteEndedSessions(db, now)
		]);
		return { rateWindows, sessions };
	}
});

/**
 * Sends what waits in the notification outbox (notifications/delivery.ts). Each message keeps its
 * own attempts and backoff in its outbox row, so this job does not fail for a message that could
 * not go out; it is sent after each event (a wake-up) and runs every minute for the retries.
 * `short`: one waits while one runs, however many events ask.
 */
export const notificationDelivery = defineJob({
	name: 'notification-delivery',
	policy: 'short',
	schedule: { cron: '* * * * *' },
	retryLimit: 2,
	retryDelay: 30,
	retryBackoff: true,
	expireInSeconds: 10 * 60,
	async run(db) {
		return deliverDue(db, transportsFromEnv());
	}
});

/** Every morning: deadlines within N working days, and overdue items, to their departments. */
export const notificationDeadlines = defineJob({
	name: 'notification-deadlines',
	policy: 'short',
	schedule: { cron: '0 8 * * *' },
	async run(db) {
		return deadlineNotices(db);
	}
});

/**
 * Sends what waits for webhook endpoints (webhooks/delivery.ts), like the notification delivery:
 * each delivery keeps its own attempts and backoff; woken after each event, every minute besides.
 */
export const webhookDelivery = defineJob({
	name: 'webhook-delivery',
	policy: 'short',
	schedule: { cron: '* * * * *' },
	retryLimit: 2,
	retryDelay: 30,
	retryBackoff: true,
	expireInSeconds: 10 * 60,
	async run(db) {
		return deliverWebhooks(db);
	}
});

/** Every kind of background work the app runs; a new one is added here. */
export const APP_JOBS = [
	categoriserRetrain,
	pairModelRetrain,
	dailyHousekeeping,
	notificationDelivery,
	notificationDeadlines,
	webhookDelivery
];
