import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { campaignAvailability, type Availability } from '../../campaign-availability';
import { parseAnswers, type FormFields, type TypedValues } from '../../questionnaire/answers';
import { formPages } from '../../questionnaire/conditions';
import { isSection } from '../../questionnaire/sections';
import type { Question } from '../../questionnaire/types';
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
/** Without JavaScript a form with conditions comes in pages: the one shown, and the way asked. */
export const PAGE_FIELD = '_page';
export const NAV_FIELD = '_nav';

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
			/** The page to show the form on again (a form in pages, without JavaScript). */
			page: number;
			typed: TypedValues;
			token: string;
			formCode: string;
	  }
	| {
			kind: 'invalid';
			/** The page to show the form on again: the first with an error at a question. */
			page: number;
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
	const posted = postedPage(version.questions, form);
	if (Object.keys(errors).length) {
		const page = pageOfErrors(version.questions, errors, posted);
		return { kind: 'invalid', page, errors, typed: parsed.typed, token, formCode: keptCode };
	}

	const key = await clientKey(db, 'submit', clientAddress);
	const rate = await hitRateLimit(db, key, submissionRateLimit());
	if (!rate.allowed) {
		return {
			kind: 'rate_limited',
			retryAfter: rate.retryAfter,
			page: posted,
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
		return { kind: 'invalid', page: posted, errors, typed: parsed.typed, token, formCode: '' };
	}
}

export type PageOutcome =
	| { kind: 'unavailable'; availability: Availability }
	| {
			kind: 'page';
			/** The page to show: an index of formPages, or their count for "all answered, send". */
			page: number;
			errors: Record<string, string>;
			typed: TypedValues;
			token: string;
			formCode: string;
	  };

/** The page a posted form was on (0 when missing or out of range). */
export function postedPage(questions: Question[], form: FormFields): number {
	const n = Number(form.get(PAGE_FIELD));
	return Number.isInteger(n) && n >= 0 && n <= formPages(questions).length ? n : 0;
}

/**
 * The page to show a refused submission on: the first page with an error at a question, else the
 * page it was sent from.
 */
export function pageOfErrors(
	questions: Question[],
	errors: Record<string, string>,
	posted: number
): number {
	const pages = formPages(questions);
	const at = pages.findIndex((page) => page.some((i) => errors[questions[i].id]));
	return at >= 0 ? at : Math.min(posted, pages.length);
}

/**
 * Next or Back on a form in pages (no JavaScript). Nothing is stored and nothing is counted
 * against the submission limit: the answers travel in the form itself (every page's fields are in
 * it, the pages not shown are hidden), with the same submission token, to the last page's send,
 * which goes through `submitPublicForm` like any other. Next checks the page being left; Back
 * keeps whatever is there, unchecked. Pages whose questions the answers hide are passed over; when
 * none is left after this one, the "all answered" page with the send button comes next.
 */
export async function turnFormPage(
	db: Database,
	slug: string,
	form: FormFields
): Promise<PageOutcome> {
	const { version, availability } = await loadPublicForm(db, slug);
	if (availability !== 'open' || !version) return { kind: 'unavailable', availability };
	const questions = version.questions;
	const rawToken = form.get(TOKEN_FIELD);
	const token =
		typeof rawToken === 'string' && TOKEN_PATTERN.test(rawToken) ? rawToken : newSubmissionToken();
	const formCode = String(form.get(FORM_CODE_FIELD) ?? '')
		.trim()
		.slice(0, 40);
	const parsed = parseAnswers(questions, form);
	const hidden = new Set(parsed.hidden);
	const pages = formPages(questions);
	const current = postedPage(questions, form);
	// A page shows when a question on it does (a section heading alone is not worth a page).
	const shows = (k: number) =>
		pages[k].some((i) => !hidden.has(questions[i].id) && !isSection(questions[i]));
	const base = { kind: 'page' as const, typed: parsed.typed, token, formCode };
	if (form.get(NAV_FIELD) === 'back') {
		let page = Math.min(current, pages.length) - 1;
		while (page > 0 && !shows(page)) page--;
		return { ...base, page: Math.max(page, 0), errors: {} };
	}
	const onPage = (pages[current] ?? []).map((i) => questions[i].id);
	const errors = Object.fromEntries(
		onPage.flatMap((id) => (parsed.errors[id] ? [[id, parsed.errors[id]]] : []))
	);
	if (Object.keys(errors).length) return { ...base, page: current, errors };
	let page = current + 1;
	while (page < pages.length && !shows(page)) page++;
	return { ...base, page: Math.min(page, pages.length), errors: {} };
}
