import type { Role } from './domain';

/*
 * Who may do what, named once: the guards (requireRole, requireApiReader), the services' checks
 * and the admin menu all use these sets. An admin passes every check on top of them (`hasRole`).
 */

/** Every staff account: the admin area itself. */
export const STAFF = [
	'organiser',
	'clerk',
	'reviewer',
	'handler',
	'leader'
] as const satisfies Role[];
/** Campaign pages: the list, a campaign's overview and its responses. */
export const CAMPAIGN_READERS = [
	'organiser',
	'clerk',
	'reviewer',
	'leader'
] as const satisfies Role[];
/** Reports, the statistics API and the response exports. */
export const REPORT_READERS = ['organiser', 'reviewer', 'leader'] as const satisfies Role[];
/**
 * The department figures and ranking (考核): the report readers, and handlers for their own
 * department's row only (`figuresFor`).
 */
export const DEPARTMENT_FIGURE_READERS = [...REPORT_READERS, 'handler'] as const satisfies Role[];
/**
 * A campaign's results page, its XLSX and API: the report readers, and handlers for their own
 * unit when the questionnaire asks for it (server/results/access.ts narrows them).
 */
export const RESULTS_READERS = [...REPORT_READERS, 'handler'] as const satisfies Role[];
/** The review queue and a suggestion's page (a handler sees only their department's items). */
export const SUGGESTION_READERS = [
	'reviewer',
	'organiser',
	'handler',
	'leader'
] as const satisfies Role[];
/** Categorise, assign, merge, split and publish suggestions; edit the taxonomy. */
export const REVIEWERS = ['reviewer', 'organiser'] as const satisfies Role[];
/** Record status, progress and comments on suggestions; the inbox. */
export const SUGGESTION_WORKERS = ['reviewer', 'organiser', 'handler'] as const satisfies Role[];
/** Decide a handler's 延期 (extension) request: reviewers, and leaders. 转办 is the reviewers' alone. */
export const EXTENSION_DECIDERS = [...REVIEWERS, 'leader'] as const satisfies Role[];
/** Mark items 督办 (supervised). */
export const SUPERVISORS = ['leader'] as const satisfies Role[];
/** Type in paper forms and correct stored responses. */
export const CLERKS = ['clerk', 'organiser'] as const satisfies Role[];
/** Campaigns, questionnaires, distribution plans and the organisation's lists. */
export const ORGANISERS = ['organiser'] as const satisfies Role[];
/** Respondents' names and phone numbers wherever they are: see `canSeeContact`. */
export const CONTACT_READERS = ['organiser'] as const satisfies Role[];

export function hasRole(role: Role, set: readonly Role[]): boolean {
	return role === 'admin' || set.includes(role);
}

/** Whose contact details: the department handling the item they came in on, and consent. */
export interface ContactContext {
	department?: number | null;
	/**
	 * The respondent agreed to be contacted. The schema records no separate consent: leaving a
	 * name or phone on a non-anonymous campaign (anonymous ones have no contact question) is it.
	 */
	consented?: boolean;
}

/**
 * The one rule for respondents' names and phone numbers (DESIGN.md, "Personal data rule"): admin
 * and organiser see them; a handler only on an item of their own department whose respondent
 * consented; clerks never after entry, reviewers and leaders not, public pages never. Response
 * pages, exports and a suggestion's sources all ask here, and the services leave the columns out.
 */
export function canSeeContact(
	viewer: { role: Role; unitId?: number | null },
	context: ContactContext = {}
): boolean {
	if (hasRole(viewer.role, CONTACT_READERS)) return true;
	return (
		viewer.role === 'handler' &&
		context.consented === true &&
		viewer.unitId != null &&
		context.department === viewer.unitId
	);
}
