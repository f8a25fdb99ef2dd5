import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { campaignAvailability, type Availability } from '../../campaign-availability';
import { parseAnswers, type FormFields, type TypedValues } from '../../questionnaire/answers';
import { publicCampaign } from '../campaigns/public-copy';
import type { Database } from '../db';
import type { Campaign, QuestionnaireVersion } from '../db/schema';
import { clientKey, hitRateLimit, lookupThrottle, submissionRateLimit } from './submission-limit';
import { Conflict } from '../platform/errors';
import { resolveFormCode } from '../returns/form-codes';
import { randomBytes } from '../platform/random';
import { findResponseByToken, recordResponse } from './record-response';

export const TOKEN_FIELD = 'submission_token';
/** Hidden from people (off-screen, out of tab order); bots that fill every field fill this too. */
export const HONEYPOT_FIELD = 'website';
export const FORM_CODE_FIELD = 'form_code';

export function newSubmissionToken(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

/** What `newSubmissionToken` makes; anything else is not a token of ours. */
export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export interface PublicForm {
	campaign: Campaign;
	version: QuestionnaireVersion | null;
	availability: Availability;
}

export async function loadPublicForm(
	db: Database,
	slug: string,
	now = new Date()
): Promise<PublicForm> {
	const { campaign, version } = await publicCampaign(db, slug);
	const availability = version ? campaignAvailability(campaign, now) : 'draft';
	return { campaign, version, availability };
}

/**
 * A printed form's code carried in `?c=` (its QR code) as the form is opened: kept in the form if
 * it can still be used; otherwise the notice to show. Nothing has been typed yet, so the notice
 * says only what is wrong with the code and that the form can be answered without it.
 */
export async function formCodeOnOpen(
	db: Database,
	campaignId: number,
	input: string,
	clientAddress: string
): Promise<{
	formCode: string;
	notice:
		| 'form_code_used_on_open'
		| 'form_code_unknown_on_open'
		| 'form_code_rate_limited_on_open'
		| null;
}> {
	// A client that has missed too many codes gets the form without checking this one.
	const throttle = await lookupThrottle(db, clientAddress);
	if (!(await throttle.check()).allowed) {
		return { formCode: '', notice: 'form_code_rate_limited_on_open' };
	}
	const code = await resolveFormCode(db, campaignId, input);
	if (!code) {
		await throttle.missed();
		return { formCode: '', notice: 'form_code_unknown_on_open' };
	}
	if (code.used) return { formCode: '', notice: 'form_code_used_on_open' };
	return { formCode: code.code, notice: null };
}

export type SubmitOutcome =
	| { kind: 'stored'; receiptCode: string; repeated: boolean }
	| { kind: 'unavailable'; availability: Availability }
	| {
			kind: 'rate_limited';
			retryAfter: number;
			typed: TypedValues;
			token: string;
			formCode: string;
	  }
	| {
			kind: 'invalid';
			errors: Record<string, string>;
			typed: TypedValues;
			token: string;
			/** The form code to keep in the form, or '' when it must be dropped (used or unknown). */
			formCode: string;
	  };

/**
 * A public submission, in the order that protects the respondent's work: availability, the
 * one-time token, the honeypot, answers, then the rate limit. Every refusal hands back what was
 * typed so the page can show it again.
 */
export async function submitPublicForm(
	db: Database,
	slug: string,
	form: FormFields,
	clientAddress: string
): Promise<SubmitOutcome> {
	const { campaign, version, availability } = await loadPublicForm(db, slug);
	if (availability !== 'open' || !version) return { kind: 'unavailable', availability };

	const rawToken = form.get(TOKEN_FIELD);
	const tokenOk = typeof rawToken === 'string' && TOKEN_PATTERN.test(rawToken);
	const token = tokenOk ? rawToken : newSubmissionToken();
	const parsed = parseAnswers(version.questions, form);
	const errors = { ...parsed.errors };
	if (!tokenOk) errors._form = 'form_expired';
	const honeypot = form.get(HONEYPOT_FIELD);
	if (typeof honeypot === 'string' && honeypot.trim() !== '') errors._form = 'honeypot';
	const codeInput = String(form.get(FORM_CODE_FIELD) ?? '').trim();
	// Codes are checked under the same per-client limit of misses as at /r (submission-limit.ts).
	let formCode: Awaited<ReturnType<typeof resolveFormCode>> = null;
	let codeBlocked = false;
	if (codeInput) {
		const throttle = await lookupThrottle(db, clientAddress);
		codeBlocked = !(await throttle.check()).allowed;
		if (!codeBlocked) {
			formCode = await resolveFormCode(db, campaign.id, codeInput);
			if (!formCode) await throttle.missed();
		}
	}
	if (formCode?.used && tokenOk) {
		// The code may be used by this very form: a repeat of a stored submission gets its receipt.
		const first = await findResponseByToken(db, campaign.id, token);
		if (first) return { kind: 'stored', receiptCode: first.receiptCode, repeated: true };
	}
	if (codeBlocked) errors._form = 'form_code_rate_limited';
	else if (codeInput && (!formCode || formCode.used)) {
		errors._form = formCode ? 'form_code_used' : 'form_code_unknown';
	}
	const keptCode = formCode && !formCode.used ? formCode.code : '';
	if (Object.keys(errors).length) {
		return { kind: 'invalid', errors, typed: parsed.typed, token, formCode: keptCode };
	}

	const key = await clientKey(db, 'submit', clientAddress);
	const rate = await hitRateLimit(db, key, submissionRateLimit());
	if (!rate.allowed) {
		return {
			kind: 'rate_limited',
			retryAfter: rate.retryAfter,
			typed: parsed.typed,
			token,
			formCode: keptCode
		};
	}

	try {
		const stored = await recordResponse(db, {
			campaignId: campaign.id,
			versionId: version.id,
			questions: version.questions,
			anonymous: campaign.anonymous,
			submissionToken: token,
			parsed,
			channel: formCode ? 'paper' : 'online',
			formCode
		});
		return { kind: 'stored', receiptCode: stored.receiptCode, repeated: stored.repeated };
	} catch (e) {
		// Lost a race for the code: say so plainly, keep the answers, and let them send it without.
		if (!(e instanceof Conflict)) throw e;
		const errors = { _form: 'form_code_used' };
		return { kind: 'invalid', errors, typed: parsed.typed, token, formCode: '' };
	}
}
