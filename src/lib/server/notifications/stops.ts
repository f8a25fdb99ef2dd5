import { and, eq, inArray, like } from 'drizzle-orm';
import type { Database } from '../db';
import { notificationStops, outbox } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { DELIVERY_ERRORS } from './delivery-errors';

/** Whether the proposer of this response stopped messages. */
export async function isStopped(db: Database, responseId: number): Promise<boolean> {
	const [row] = await db
		.select()
		.from(notificationStops)
		.where(eq(notificationStops.responseId, responseId));
	return row !== undefined;
}

/**
 * The proposer's stop link (no account: the receipt code is the key): nothing more is written for
 * this response, and what waits in the outbox is cancelled. A repeat changes nothing.
 */
export async function stopMessages(db: Database, responseId: number): Promise<void> {
	await db.transaction(async (tx) => {
		const added = await tx
			.insert(notificationStops)
			.values({ responseId })
			.onConflictDoNothing()
			.returning();
		await tx
			.update(outbox)
			.set({ state: 'cancelled', lastError: DELIVERY_ERRORS.stopped })
			.where(
				and(
					eq(outbox.recipient, `r:${responseId}`),
					inArray(outbox.state, ['pending']),
					like(outbox.recipient, 'r:%')
				)
			);
		if (added.length) {
			await recordAudit(tx, {
				actorId: null,
				action: 'notification.stop',
				entity: 'response',
				entityId: responseId
			});
		}
	});
}
