import { and, count, eq, gte, sql } from 'drizzle-orm';
import { localDate } from '../../campaign-availability';
import { CHANNELS, type Channel } from '../../domain';
import { parseAnswers } from '../../questionnaire/answers';
import { entryToForm } from '../../questionnaire/entry';
import { getCampaign, latestVersion } from '../campaigns/queries';
import type { Database } from '../db';
import { responses } from '../db/schema';
import { Conflict, Forbidden, Invalid } from '../platform/errors';
import { resolveFormCode } from './form-codes';
import { newSubmissionToken, TOKEN_FIELD, TOKEN_PATTERN } from '../intake/public-form';
import { findResponseByToken, recordResponse } from '../intake/record-response';

export type EntryOutcome =
	| { kind: 'stored'; receiptCode: string; repeated: boolean; enteredToday: number }
	| {
			kind: 'invalid';
			errors: Record<string, string>;
			typed: Record<string, string>;
			token: string;
			/** The response a used form code already belongs to: the form is in, not to be typed again. */
			enteredResponseId?: number;
	  };

/** Paper forms are typed in while a campaign is open and after it has closed, not in draft or archive. */
async function entryTarget(db: Database, slug: string) {
	const campaign = await getCampaign(db, slug);
	if (campaign.status === 'archived') throw new Forbidden('archived_read_only');
	const version = await latestVersion(db, campaign.id);
	if (campaign.status === 'draft' || !version) throw new Invalid('publish_first');
	return { campaign, version };
}

export async function loadEntry(db: Database, slug: string, clerkId: number) {
	const { campaign, version } = await entryTarget(db, slug);
	return {
		questions: version.questions,
		versionId: version.id,
		enteredToday: await countEnteredToday(db, campaign.id, clerkId)
	};
}

/**
 * One typed-in paper form: the same checks and the same exactly-once storage as the web form.
 * `versionId` is the questionnaire version the clerk's screen showed (the entry page's hidden
 * field, or a form queued offline): when a newer version has replaced it the form is refused with
 * that reason, never read against questions the clerk did not see.
 */
export async function enterPaperForm(
	db: Database,
	slug: string,
	clerkId: number,
	entry: FormData,
	options: { versionId?: number } = {}
): Promise<EntryOutcome> {
	const { campaign, version } = await entryTarget(db, slug);
	const { form, errors: numberErrors, typed } = entryToForm(version.questions, entry);
	const parsed = parseAnswers(version.questions, form);
	// A hidden question (skip logic) is skipped whatever was typed for it, option numbers included.
	const hidden = new Set(parsed.hidden);
	const errors: Record<string, string> = { ...parsed.errors };
	for (const [id, error] of Object.entries(numberErrors)) if (!hidden.has(id)) errors[id] = error;
	const rawToken = String(entry.get(TOKEN_FIELD) ?? '');
	const token = TOKEN_PATTERN.test(rawToken) ? rawToken : newSubmissionToken();
	const codeInput = String(entry.get('form_code') ?? '').trim();
	const channelInput = String(entry.get('channel') ?? 'paper');
	typed.form_code = codeInput;
	typed.channel = channelInput;
	const channel: Channel = (CHANNELS as readonly string[]).includes(channelInput)
		? (channelInput as Channel)
		: 'paper';
	const formCode = codeInput ? await resolveFormCode(db, campaign.id, codeInput) : null;
	if (codeInput && !formCode) errors.form_code = 'form_code_unknown';
	if (formCode?.used) {
		// A double Enter re-sends this very form: answer with its receipt, store nothing new.
		const first = await findResponseByToken(db, campaign.id, token);
		if (first) {
			const enteredToday = await countEnteredToday(db, campaign.id, clerkId);
			return { kind: 'stored', receiptCode: first.receiptCode, repeated: true, enteredToday };
		}
		// Said at once with any other mistakes; a race for the code is still caught when storing.
		return alreadyEntered(formCode.responseId, errors, typed, token);
	}
	if (options.versionId !== undefined && options.versionId !== version.id) {
		errors.version = 'version_replaced';
	}
	if (Object.keys(errors).length) return { kind: 'invalid', errors, typed, token };
	try {
		const stored = await recordResponse(db, {
			campaignId: campaign.id,
			versionId: version.id,
			questions: version.questions,
			anonymous: campaign.anonymous,
			submissionToken: token,
			parsed,
			channel,
			enteredBy: clerkId,
			formCode
		});
		const enteredToday = await countEnteredToday(db, campaign.id, clerkId);
		return {
			kind: 'stored',
			receiptCode: stored.receiptCode,
			repeated: stored.repeated,
			enteredToday
		};
	} catch (e) {
		if (!(e instanceof Conflict)) throw e;
		const holder = await resolveFormCode(db, campaign.id, codeInput);
		return alreadyEntered(holder?.responseId ?? null, {}, typed, token);
	}
}

/**
 * A used form code on a clerk's entry: that paper form is already in (typed or sent online). Say
 * so and point to its response; unlike a respondent, the clerk is never invited to send it again
 * without the code, which would count one paper form twice. What was typed stays, in case the
 * code itself was mistyped.
 */
function alreadyEntered(
	responseId: number | null,
	errors: Record<string, string>,
	typed: Record<string, string>,
	token: string
): EntryOutcome {
	errors.form_code = 'form_code_entered';
	const outcome: EntryOutcome = { kind: 'invalid', errors, typed, token };
	return responseId === null ? outcome : { ...outcome, enteredResponseId: responseId };
}

export async function countEnteredToday(
	db: Database,
	campaignId: number,
	clerkId: number
): Promise<number> {
	const midnight = sql`(${localDate(new Date())}::date::timestamp at time zone 'Asia/Shanghai')`;
	const [row] = await db
		.select({ n: count() })
		.from(responses)
		.where(
			and(
				eq(responses.campaignId, campaignId),
				eq(responses.enteredBy, clerkId),
				gte(responses.submittedAt, midnight)
			)
		);
	return row.n;
}
