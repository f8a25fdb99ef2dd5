import { and, eq } from 'drizzle-orm';
import type { Channel } from '../../domain';
import type { ParsedAnswers } from '../../questionnaire/answers';
import { organisationIdOf } from '../campaigns/questionnaire';
import { isEmbedded, queryPrepared, type Database } from '../db';
import { responses } from '../db/schema';
import type { Question } from '../../questionnaire/types';
import { Conflict } from '../platform/errors';
import { suggestionAnswers, titleFrom } from '../suggestions/items';
import type { ResolvedFormCode } from '../returns/form-codes';
import { generateReceiptCode } from './receipt-code';
import { suggestionsChanged } from '../suggestions/changes';
import { isDatabaseUnavailable } from '../db/availability';
import { groupCommit } from './group-commit';
import { INTAKE_WEBHOOK_CTES, webhookEventsWritten } from '../webhooks/events';

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

/** One response as the batch statement takes it (jsonb_to_recordset column names). */
interface ResponseRow {
	campaign_id: number;
	version_id: number;
	receipt_code: string;
	submission_token: string | null;
	channel: string;
	group_id: number | null;
	area_id: number | null;
	unit_id: number | null;
	form_code_id: number | null;
	answers: unknown;
	contact_name: string | null;
	contact_phone: string | null;
	contact_email: string | null;
	entered_by: number | null;
	/** The suggestion answers, each to become a suggestion with its raw item. */
	items: { q: string; body: string; title: string }[];
}

/** The batch statement of insertResponses: $1 is the rows as JSON text. */
const INSERT_RESPONSES = `with x as (
	select * from jsonb_to_recordset($1::text::jsonb) as x(k int, campaign_id int, version_id int,
		receipt_code text, submission_token text, channel text, group_id int, area_id int, unit_id int,
		form_code_id int, answers jsonb, contact_name text, contact_phone text, contact_email text, entered_by int, items jsonb)
), r as (
	insert into responses (campaign_id, version_id, receipt_code, submission_token, channel,
		group_id, area_id, unit_id, form_code_id, answers, contact_name, contact_phone, contact_email, entered_by)
	select campaign_id, version_id, receipt_code, submission_token, channel,
		group_id, area_id, unit_id, form_code_id, answers, contact_name, contact_phone, contact_email, entered_by
	from x order by k
	on conflict do nothing
	returning id, receipt_code, submission_token, campaign_id, channel
), m as (
	-- Each stored response with its own row of the batch: the first with its receipt code, campaign
	-- and token (rows go in in order, so a later one with the same key was the one skipped).
	select distinct on (r.id) r.id as rid, r.campaign_id, x.k, x.items
	from r join x on x.receipt_code = r.receipt_code and x.campaign_id = r.campaign_id
		and x.submission_token is not distinct from r.submission_token
	order by r.id, x.k
), t as (
	select nextval(pg_get_serial_sequence('suggestions', 'id'))::int as sid, z.*
	from (
		select m.rid, m.campaign_id, y.q, y.body, y.title
		from m, jsonb_array_elements(m.items) with ordinality as e(item, ord),
			jsonb_to_record(e.item) as y(q text, body text, title text)
		order by m.k, e.ord
	) z
), s as (
	insert into suggestions (id, campaign_id, title) select sid, campaign_id, title from t
), i as (
	insert into suggestion_items (campaign_id, response_id, question_id, text, source_text, suggestion_id, origin_id)
	select campaign_id, rid, q, body, body, sid, sid from t
)${INTAKE_WEBHOOK_CTES}
select id, receipt_code, campaign_id, submission_token, (select count(*) from hd)::int as hooks from r`;

/**
 * Stores a batch of responses in one statement: each response, a suggestion per suggestion answer
 * and its raw item — or, for a response that hits a unique conflict (its token, form code or
 * receipt code is taken), nothing at all for it. Atomic without a transaction, one round trip for
 * the batch. Returns the new response id per row, or null where the row was skipped.
 */
async function insertResponses(db: Database, rows: ResponseRow[]): Promise<(number | null)[]> {
	const batch = JSON.stringify(rows.map((row, k) => ({ ...row, k })));
	const stored = await queryPrepared<{
		id: number;
		receipt_code: string;
		campaign_id: number;
		submission_token: string | null;
		hooks: number;
	}>(db, INSERT_RESPONSES, [batch]);
	if (stored.some((row) => Number(row.hooks) > 0)) webhookEventsWritten();
	// A stored row is known by its receipt code, campaign and token together: two rows of one batch
	// may draw the same receipt code (one is skipped), and a double-sent form has the same token
	// twice (unique per campaign: the same token in two campaigns is two responses). The
	// first row of a key gets the id, as the insert goes in row order; a later one gets null and
	// recordResponse sorts it out (a new code, or the first receipt for a repeated token).
	const ids = new Map(stored.map((row) => [rowKey(row), Number(row.id)]));
	const results = rows.map((row) => {
		const id = ids.get(rowKey(row)) ?? null;
		ids.delete(rowKey(row));
		return id;
	});
	if (rows.some((row, i) => row.items.length && results[i] !== null)) suggestionsChanged('intake');
	return results;
}

const rowKey = (row: {
	receipt_code: string;
	campaign_id: number;
	submission_token: string | null;
}) => `${row.receipt_code}|${Number(row.campaign_id)}|${row.submission_token ?? ''}`;

/**
 * Public submissions arrive many at a time: those that come in while a batch is being written go
 * together in the next (group-commit). A batch that fails for any reason but an outage is written
 * again row by row, so one bad row fails alone.
 */
const batchers = new WeakMap<Database, (row: ResponseRow) => Promise<number | null>>();

function batchedInsert(db: Database): (row: ResponseRow) => Promise<number | null> {
	let insert = batchers.get(db);
	if (!insert) {
		insert = groupCommit(
			(rows: ResponseRow[]) => insertResponses(db, rows),
			(e) => !isDatabaseUnavailable(e),
			{
				maxBatch: 200,
				// PGlite has one connection: a second batch would only wait inside it, half as full.
				concurrency: Math.max(
					1,
					Number(process.env.XINKAN_INTAKE_WRITERS) || (isEmbedded(db) ? 1 : 2)
				)
			}
		);
		batchers.set(db, insert);
	}
	return insert;
}

/**
 * Stores one response exactly once. The insert skips on any unique conflict; if the token is then
 * found in this campaign (tokens are unique per campaign), this was a repeat (double click, reload, retry) and the first receipt is returned; if the
 * form code is held by another response, that code was already used. Otherwise the conflict was a
 * (rare) receipt-code collision and another code is tried.
 */
export async function recordResponse(db: Database, input: NewResponse): Promise<RecordedResponse> {
	const { parsed, formCode } = input;
	const planned = formCode?.distribution;
	// Anonymous campaigns keep no contact details, whatever a crafted request sends.
	const contact = input.anonymous ? null : parsed.contact;
	const items = suggestionAnswers(input.questions, parsed.answers).map((a) => ({
		q: a.questionId,
		body: a.text,
		title: titleFrom(a.text)
	}));
	const insert = batchedInsert(db);
	for (let attempt = 0; attempt < 5; attempt++) {
		const receiptCode = generateReceiptCode();
		const id = await insert({
			campaign_id: input.campaignId,
			version_id: input.versionId,
			receipt_code: receiptCode,
			submission_token: input.submissionToken,
			channel: planned?.channel ?? input.channel,
			group_id: planned ? planned.groupId : organisationIdOf(parsed.groupOption),
			area_id: planned ? planned.areaId : organisationIdOf(parsed.areaOption),
			unit_id: planned ? planned.unitId : organisationIdOf(parsed.unitOption),
			form_code_id: formCode?.id ?? null,
			answers: parsed.answers,
			contact_name: contact?.name || null,
			contact_phone: contact?.phone || null,
			contact_email: contact?.email || null,
			entered_by: input.enteredBy ?? null,
			items
		});
		if (id !== null) return { id, receiptCode, repeated: false };
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
