import { and, desc, eq, sql } from 'drizzle-orm';
import type { Channel } from '../domain';
import type { ParsedAnswers } from '../questionnaire/answers';
import { organisationIdOf } from './campaigns';
import { queryRows, type Database } from './db';
import { campaigns, questionnaireVersions, responses } from './db/schema';
import type { Question } from '../questionnaire/types';
import { Conflict } from './errors';
import { suggestionAnswers, titleFrom } from './suggestions/items';
import type { ResolvedFormCode } from './form-codes';
import { generateReceiptCode } from './receipt-code';
import { suggestionsChanged } from './insight-service';

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
	// Anonymous campaigns keep no contact details, whatever a crafted request sends.
	const contact = input.anonymous ? null : parsed.contact;
	const suggested = suggestionAnswers(input.questions, parsed.answers);
	const items = JSON.stringify(
		suggested.map((a, ord) => ({ q: a.questionId, body: a.text, title: titleFrom(a.text), ord }))
	);
	const campaignId = input.campaignId;
	for (let attempt = 0; attempt < 5; attempt++) {
		const receiptCode = generateReceiptCode();
		// One statement stores the response, a suggestion per suggestion answer and its raw item, or
		// nothing at all: atomic without a transaction, and one round trip on the busiest path.
		const [row] = await queryRows<{ id: number; receipt_code: string }>(
			db,
			sql`with r as (
				insert into responses (campaign_id, version_id, receipt_code, submission_token, channel,
					group_id, area_id, unit_id, form_code_id, answers, contact_name, contact_phone, entered_by)
				values (${campaignId}, ${input.versionId}, ${receiptCode}, ${input.submissionToken},
					${planned?.channel ?? input.channel},
					${planned ? planned.groupId : organisationIdOf(parsed.groupOption)},
					${planned ? planned.areaId : organisationIdOf(parsed.areaOption)},
					${planned ? planned.unitId : organisationIdOf(parsed.unitOption)},
					${formCode?.id ?? null}, ${JSON.stringify(parsed.answers)}::jsonb,
					${contact?.name || null}, ${contact?.phone || null}, ${input.enteredBy ?? null})
				on conflict do nothing
				returning id, receipt_code
			), t as (
				select nextval(pg_get_serial_sequence('suggestions', 'id'))::int as sid, x.q, x.body, x.title
				from r, (select * from jsonb_to_recordset(${items}::jsonb) as y(q text, body text, title text, ord int) order by ord) x
			), s as (
				insert into suggestions (id, campaign_id, title) select sid, ${campaignId}, title from t
			), i as (
				insert into suggestion_items (campaign_id, response_id, question_id, text, source_text, suggestion_id, origin_id)
				select ${campaignId}, r.id, t.q, t.body, t.body, t.sid, t.sid from r, t
			)
			select id, receipt_code from r`
		);
		if (row) {
			if (suggested.length) suggestionsChanged('intake');
			return { id: Number(row.id), receiptCode: row.receipt_code, repeated: false };
		}
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
