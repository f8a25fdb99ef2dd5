import { and, desc, eq } from 'drizzle-orm';
import type { Channel } from '../domain';
import type { ParsedAnswers } from '../questionnaire/answers';
import { organisationIdOf } from './campaigns';
import type { Database } from './db';
import { campaigns, questionnaireVersions, responses } from './db/schema';
import { generateReceiptCode } from './receipt-code';

export interface NewResponse {
	campaignId: number;
	versionId: number;
	anonymous: boolean;
	/** The form's one-time token; null for entries that have no rendered form behind them. */
	submissionToken: string | null;
	parsed: ParsedAnswers;
	channel: Channel;
	enteredBy?: number | null;
}

export interface RecordedResponse {
	id: number;
	receiptCode: string;
	/** True when this token had already been stored: nothing new was written. */
	repeated: boolean;
}

/**
 * Stores one response exactly once. The insert skips on any unique conflict; if the token is then
 * found, this was a repeat (double click, reload, retry) and the first receipt is returned. If not,
 * the conflict was a (rare) receipt-code collision and another code is tried.
 */
export async function recordResponse(db: Database, input: NewResponse): Promise<RecordedResponse> {
	const { parsed } = input;
	// Anonymous campaigns keep no contact details, whatever a crafted request sends.
	const contact = input.anonymous ? null : parsed.contact;
	for (let attempt = 0; attempt < 5; attempt++) {
		const receiptCode = generateReceiptCode();
		const [row] = await db
			.insert(responses)
			.values({
				campaignId: input.campaignId,
				versionId: input.versionId,
				receiptCode,
				submissionToken: input.submissionToken,
				channel: input.channel,
				groupId: organisationIdOf(parsed.groupOption),
				areaId: organisationIdOf(parsed.areaOption),
				unitId: organisationIdOf(parsed.unitOption),
				answers: parsed.answers,
				contactName: contact?.name || null,
				contactPhone: contact?.phone || null,
				enteredBy: input.enteredBy ?? null
			})
			.onConflictDoNothing()
			.returning({ id: responses.id, receiptCode: responses.receiptCode });
		if (row) return { ...row, repeated: false };
		if (input.submissionToken) {
			const [first] = await db
				.select({ id: responses.id, receiptCode: responses.receiptCode })
				.from(responses)
				.where(
					and(
						eq(responses.submissionToken, input.submissionToken),
						eq(responses.campaignId, input.campaignId)
					)
				);
			if (first) return { ...first, repeated: true };
		}
	}
	throw new Error('could not allocate a unique receipt code');
}

/** What a receipt code may reveal: when and to which campaign it was submitted — no answers, no contact. */
export async function findReceipt(db: Database, code: string) {
	const [row] = await db
		.select({
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

export async function listResponses(db: Database, campaignId: number, limit = 50) {
	return db
		.select({
			id: responses.id,
			receiptCode: responses.receiptCode,
			channel: responses.channel,
			submittedAt: responses.submittedAt,
			answers: responses.answers,
			version: questionnaireVersions.version,
			questions: questionnaireVersions.questions
		})
		.from(responses)
		.innerJoin(questionnaireVersions, eq(responses.versionId, questionnaireVersions.id))
		.where(eq(responses.campaignId, campaignId))
		.orderBy(desc(responses.id))
		.limit(limit);
}
