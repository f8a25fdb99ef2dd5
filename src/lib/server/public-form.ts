import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { campaignAvailability, type Availability } from '../campaign-availability';
import { parseAnswers, type TypedValues } from '../questionnaire/answers';
import { getCampaign, latestVersion } from './campaigns';
import type { Database } from './db';
import type { Campaign, QuestionnaireVersion } from './db/schema';
import { clientKey, hitRateLimit, submissionRateLimit } from './rate-limit';
import { recordResponse } from './responses';

export const TOKEN_FIELD = 'submission_token';
/** Hidden from people (off-screen, out of tab order); bots that fill every field fill this too. */
export const HONEYPOT_FIELD = 'website';

export function newSubmissionToken(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

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
	const campaign = await getCampaign(db, slug);
	const version = await latestVersion(db, campaign.id);
	const availability = version ? campaignAvailability(campaign, now) : 'draft';
	return { campaign, version, availability };
}

export type SubmitOutcome =
	| { kind: 'stored'; receiptCode: string; repeated: boolean }
	| { kind: 'unavailable'; availability: Availability }
	| { kind: 'rate_limited'; retryAfter: number; typed: TypedValues; token: string }
	| { kind: 'invalid'; errors: Record<string, string>; typed: TypedValues; token: string };

/**
 * A public submission, in the order that protects the respondent's work: availability, the
 * one-time token, the honeypot, answers, then the rate limit. Every refusal hands back what was
 * typed so the page can show it again.
 */
export async function submitPublicForm(
	db: Database,
	slug: string,
	form: FormData,
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
	if (Object.keys(errors).length) return { kind: 'invalid', errors, typed: parsed.typed, token };

	const key = await clientKey(db, 'submit', clientAddress);
	const rate = await hitRateLimit(db, key, submissionRateLimit());
	if (!rate.allowed) {
		return { kind: 'rate_limited', retryAfter: rate.retryAfter, typed: parsed.typed, token };
	}

	const stored = await recordResponse(db, {
		campaignId: campaign.id,
		versionId: version.id,
		anonymous: campaign.anonymous,
		submissionToken: token,
		parsed,
		channel: 'online'
	});
	return { kind: 'stored', receiptCode: stored.receiptCode, repeated: stored.repeated };
}
