import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { outbox, users } from '../db/schema';
import { problemOf } from './delivery-errors';

export const LOG_PAGE = 100;

/**
 * The delivery log the admin reads: per message its event, channel, recipient (a staff member's
 * name; a proposer only as a masked number), state, attempts, last error and when it was sent.
 * No message text: what was sent is the template with the item's own words.
 */
export async function deliveryLog(db: Database, options: { before?: number; state?: string } = {}) {
	const rows = await db
		.select({
			id: outbox.id,
			event: outbox.event,
			channel: outbox.channel,
			recipient: outbox.recipient,
			state: outbox.state,
			attempts: outbox.attempts,
			lastError: outbox.lastError,
			sentTo: outbox.sentTo,
			sentAt: outbox.sentAt,
			nextAttemptAt: outbox.nextAttemptAt,
			createdAt: outbox.createdAt,
			suggestionId: outbox.suggestionId,
			username: users.username,
			displayName: users.displayName
		})
		.from(outbox)
		.leftJoin(users, sql`${outbox.recipient} = 'u:' || ${users.id}::text`)
		.where(
			and(
				options.before ? lt(outbox.id, options.before) : undefined,
				options.state ? eq(outbox.state, options.state as never) : undefined
			)
		)
		.orderBy(desc(outbox.id))
		.limit(LOG_PAGE + 1);
	const items = rows.slice(0, LOG_PAGE).map((r) => {
		const proposer = r.recipient.startsWith('r:');
		return {
			id: r.id,
			event: r.event,
			channel: r.channel,
			proposer,
			// A proposer's address is shown masked (sentTo is stored masked); never their name.
			recipient: proposer ? (r.sentTo ?? '') : r.displayName || r.username || r.recipient,
			address: proposer ? null : r.sentTo,
			state: r.state,
			attempts: r.attempts,
			lastError: r.lastError,
			// Said in the reader's language on the page; a provider's own words as the detail.
			problem: problemOf(r.lastError, r.state),
			sentAt: r.sentAt,
			nextAttemptAt: r.state === 'pending' ? r.nextAttemptAt : null,
			createdAt: r.createdAt,
			suggestionId: r.suggestionId
		};
	});
	return { items, more: rows.length > LOG_PAGE ? items.at(-1)!.id : null };
}
