import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { campaigns, responses } from '../db/schema';

/** What a receipt code may reveal: when and to which campaign it was submitted — no answers, no contact. */
export async function findReceipt(db: Database, code: string) {
	const [row] = await db
		.select({
			responseId: responses.id,
			receiptCode: responses.receiptCode,
			submittedAt: responses.submittedAt,
			campaignTitle: campaigns.title,
			campaignSlug: campaigns.slug
		})
		.from(responses)
		.innerJoin(campaigns, eq(responses.campaignId, campaigns.id))
		.where(eq(responses.receiptCode, code));
	return row ?? null;
}
