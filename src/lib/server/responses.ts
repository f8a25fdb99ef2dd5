import { and, desc, eq } from 'drizzle-orm';
import type { Channel } from '../domain';
import type { ParsedAnswers } from '../questionnaire/answers';
import { organisationIdOf } from './campaigns';
import type { Database } from './db';
import { campaigns, questionnaireVersions, responses } from './db/schema';
import type { Question } from '../questionnaire/types';
import { Conflict } from './errors';
import { createItemsForResponse } from './suggestions/items';
import type { ResolvedFormCode } from './form-codes';
import { generateReceiptCode } from './receipt-code';

export interface NewResponse {
	campaignId: number;
	versionId: number;
	/** The version's questions: suggestion answers become items for the reviewers. */
	questions: Question[];
	anonymous: boolean;
	/** The form's one-time token; null for entries that have no rendered form behind them. */
	submissionToken: string | null;
	parsed: ParsedAnswers;
	channel: Channel;
	enteredBy?: number | null;
	/** A printed form's code: it decides group, unit, area and channel, and can be used once. */
	formCode?: ResolvedFormCode | null;
}

export interface RecordedResponse {
	id: number;
	receiptCode: string;
	/** True when this token had already been stored: nothing new was written. */
	repeated: boolean;
}

/**
 * Stores one response exactly once. The insert skips on any unique conflict; if the token is then
 * found, this was a repeat (double click, reload, retry) and the first receipt is returned; if the
 * form code is held by another response, that code was already used. Otherwise the conflict was a
 * (rare) receipt-code collision and another code is tried.
 */
export async function recordResponse(db: Database, input: NewResponse): Promise<RecordedResponse> {
	const { parsed, formCode } = input;
	const planned = formCode?.distribution;
	const hasSuggestions = input.questions.some(
		(q) => q.type === 'suggestion' && typeof parsed.answers[q.id] === 'string'
	);
	// Anonymous campaigns keep no contact details, whatever a crafted request sends.
	const contact = input.anonymous ? null : parsed.contact;
	for (let attempt = 0; attempt < 5; attempt++) {
		const receiptCode = generateReceiptCode();
		const insert = async (tx: Database) => {
			const [row] = await tx
				.insert(responses)
				.values({
					campaignId: input.campaignId,
					versionId: input.versionId,
					receiptCode,
					submissionToken: input.submissionToken,
					channel: planned?.channel ?? input.channel,
					groupId: planned ? planned.groupId : organisationIdOf(parsed.groupOption),
					areaId: planned ? planned.areaId : organisationIdOf(parsed.areaOption),
					unitId: planned ? planned.unitId : organisationIdOf(parsed.unitOption),
					formCodeId: formCode?.id ?? null,
					answers: parsed.answers,
					contactName: contact?.name || null,
					contactPhone: contact?.phone || null,
					enteredBy: input.enteredBy ?? null
				})
				.onConflictDoNothing()
				.returning({ id: responses.id, receiptCode: responses.receiptCode });
			if (row && hasSuggestions) {
				await createItemsForResponse(
					tx,
					{ id: row.id, campaignId: input.campaignId },
					input.questions,
					parsed.answers
				);
			}
			return row;
		};
		// Only responses with suggestion answers need a transaction (response + its items, or neither).
		const row = hasSuggestions ? await db.transaction(insert) : await insert(db);
		if (row) return { ...row, repeated: false };
		if (input.submissionToken) {
			const first = await findResponseByToken(db, input.campaignId, input.submissionToken);
			if (first) return { ...first, repeated: true };
		}
		if (formCode) {
			const [holder] = await db
				.select({ id: responses.id })
				.from(responses)
				.where(eq(responses.formCodeId, formCode.id));
			if (holder) throw new Conflict('form_code_used', { form_code: 'form_code_used' });
		}
	}
	throw new Error('could not allocate a unique receipt code');
}

export async function findResponseByToken(db: Database, campaignId: number, token: string) {
	const [first] = await db
		.select({ id: responses.id, receiptCode: responses.receiptCode })
		.from(responses)
		.where(and(eq(responses.submissionToken, token), eq(responses.campaignId, campaignId)));
	return first ?? null;
}

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
