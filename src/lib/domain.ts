// Vocabulary shared by server and browser code (the database schema module is server-only).
export const ROLES = ['admin', 'organiser', 'clerk', 'reviewer', 'handler', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ['company', 'department', 'station'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const AREA_KINDS = ['township', 'street'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/**
 * What an API token may read: `returns` — a campaign's return rates (`…/stats`); `suggestions` —
 * its suggestions, one with its reply and history, and their statistics (`…/suggestions`,
 * `…/suggestions/{id}`, `…/suggestions/stats`); `results` — what people answered, per question
 * (`…/results`); `responses` — the stored responses themselves, without contact details
 * (`…/responses`); `contact` — with `responses`, the respondents' names and phone numbers too, when
 * the admin or organiser who made the token may see them (roles.ts, `canSeeContact`). Any live token
 * may list and read the campaigns it is for (`/campaigns`, `/campaigns/{slug}`).
 */
export const API_SCOPES = ['returns', 'suggestions', 'results', 'responses', 'contact'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** What a webhook endpoint may ask to be told about (webhooks/, the admin's endpoint form). */
export const WEBHOOK_EVENTS = [
	'response.created',
	'suggestion.created',
	'suggestion.categorised',
	'suggestion.assigned',
	'suggestion.answered',
	'suggestion.reopened',
	'campaign.opened',
	'campaign.closed',
	'followup.answered'
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
/** The admin's "send test event": sent to one endpoint, whatever events it chose. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Which status may follow which: a closed campaign can reopen; archived is final and read-only. */
export const CAMPAIGN_TRANSITIONS: Record<CampaignStatus, CampaignStatus[]> = {
	draft: ['open', 'archived'],
	open: ['closed'],
	closed: ['open', 'archived'],
	archived: []
};

export const CHANNELS = [
	'paper',
	'letter',
	'suggestion_box',
	'forum',
	'visit',
	'online',
	'qr_poster'
] as const;
export type Channel = (typeof CHANNELS)[number];

export const NATURES = ['routine', 'legacy', 'new'] as const;
export type Nature = (typeof NATURES)[number];

export const SUGGESTION_STATUSES = [
	'new',
	'categorised',
	'assigned',
	'in_progress',
	'resolved',
	'planned',
	'not_adopted'
] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** Closing states: each needs a reply to the proposers; planned also a plan and a target date. */
export const CLOSED_STATUSES: SuggestionStatus[] = ['resolved', 'planned', 'not_adopted'];

/** 回访: what a proposer (or a follow-up call) says of a reply, best first. */
export const SATISFACTION_LEVELS = ['satisfied', 'basic', 'dissatisfied'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

/** How a follow-up came in: the proposer's receipt page, or staff by phone or visit. */
export const FOLLOW_UP_METHODS = ['receipt', 'phone', 'visit'] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];
/** What staff may record: the receipt page's answers come in by themselves. */
export const STAFF_FOLLOW_UP_METHODS = ['phone', 'visit'] as const;
