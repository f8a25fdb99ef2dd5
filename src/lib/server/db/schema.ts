import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	serial,
	smallint,
	text,
	timestamp,
	unique,
	uniqueIndex,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import type {
	AreaKind,
	CampaignStatus,
	Channel,
	FollowUpMethod,
	Nature,
	Role,
	SatisfactionLevel,
	SuggestionStatus,
	UnitKind
} from '../../domain';
import type { Answers, Question } from '../../questionnaire/types';

export { AREA_KINDS, CAMPAIGN_STATUSES, CHANNELS, ROLES, UNIT_KINDS } from '../../domain';
export type { AreaKind, CampaignStatus, Channel, Role, UnitKind } from '../../domain';

const timestamps = {
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
};

/** The organisation's tree: company → departments and supply stations. */
export const units = pgTable(
	'units',
	{
		id: serial('id').primaryKey(),
		parentId: integer('parent_id').references((): AnyPgColumn => units.id),
		name: text('name').notNull(),
		kind: text('kind').$type<UnitKind>().notNull(),
		sortOrder: integer('sort_order').notNull().default(0),
		active: boolean('active').notNull().default(true),
		...timestamps
	},
	(t) => [
		index('units_parent_idx').on(t.parentId),
		// Siblings need distinct names or a handler's department becomes ambiguous.
		uniqueIndex('units_parent_name_uq').on(sql`coalesce(${t.parentId}, 0)`, t.name)
	]
);

/** Townships and streets where respondents live. */
export const areas = pgTable('areas', {
	id: serial('id').primaryKey(),
	name: text('name').notNull().unique(),
	kind: text('kind').$type<AreaKind>().notNull().default('township'),
	sortOrder: integer('sort_order').notNull().default(0),
	active: boolean('active').notNull().default(true),
	...timestamps
});

/** Respondent groups (对象类别), configurable per organisation. */
export const respondentGroups = pgTable('respondent_groups', {
	id: serial('id').primaryKey(),
	key: text('key').notNull().unique(),
	nameZh: text('name_zh').notNull(),
	nameEn: text('name_en').notNull(),
	sortOrder: integer('sort_order').notNull().default(0),
	active: boolean('active').notNull().default(true),
	...timestamps
});

export const users = pgTable(
	'users',
	{
		id: serial('id').primaryKey(),
		username: text('username').notNull(),
		displayName: text('display_name').notNull().default(''),
		passwordHash: text('password_hash').notNull(),
		role: text('role').$type<Role>().notNull(),
		// Handlers act for one department; other roles may name their unit for information.
		unitId: integer('unit_id').references(() => units.id),
		active: boolean('active').notNull().default(true),
		...timestamps
	},
	(t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`)]
);

/** Only the SHA-256 of the session token is stored, so a database leak yields no usable session. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Failed logins, kept in the database so the throttle holds across server processes. */
export const loginFailures = pgTable(
	'login_failures',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		key: text('key').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('login_failures_key_at_idx').on(t.key, t.at)]
);

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorId: integer('actor_id').references(() => users.id),
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		before: jsonb('before'),
		after: jsonb('after')
	},
	(t) => [
		index('audit_log_at_idx').on(t.at),
		index('audit_log_entity_idx').on(t.entity, t.entityId)
	]
);

export type Unit = typeof units.$inferSelect;
export type Area = typeof areas.$inferSelect;
export type RespondentGroup = typeof respondentGroups.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

// ---------------------------------------------------------------- campaigns and responses

export const campaigns = pgTable('campaigns', {
	id: serial('id').primaryKey(),
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	introduction: text('introduction').notNull().default(''),
	/** Calendar dates in the organisation's time zone; null = no limit on that side. */
	startsOn: date('starts_on'),
	endsOn: date('ends_on'),
	/** Anonymous campaigns allow no contact question and store no IP address or user agent. */
	anonymous: boolean('anonymous').notNull().default(true),
	status: text('status').$type<CampaignStatus>().notNull().default('draft'),
	/** The builder's working copy; publishing freezes it into questionnaire_versions. */
	draftQuestions: jsonb('draft_questions').$type<Question[]>().notNull().default([]),
	/**
	 * The campaign this one was copied from (questionnaire, plan rows): the results page compares
	 * with it unless the reader picks another.
	 */
	copiedFrom: integer('copied_from').references((): AnyPgColumn => campaigns.id),
	/**
	 * 回访: how many days after a reply the proposers may say whether it satisfied them; an item
	 * with no answer by then counts as "not followed up" (未回访), never as satisfied.
	 */
	followUpDays: integer('follow_up_days').notNull().default(15),
	createdBy: integer('created_by').references(() => users.id),
	...timestamps
});

export const questionnaireVersions = pgTable(
	'questionnaire_versions',
	{
		id: serial('id').primaryKey(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		version: integer('version').notNull(),
		questions: jsonb('questions').$type<Question[]>().notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
		publishedBy: integer('published_by').references(() => users.id)
	},
	(t) => [uniqueIndex('questionnaire_versions_campaign_version_uq').on(t.campaignId, t.version)]
);

export const responses = pgTable(
	'responses',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		versionId: integer('version_id')
			.notNull()
			.references(() => questionnaireVersions.id),
		receiptCode: text('receipt_code').notNull().unique(),
		/**
		 * One per rendered form of one campaign (unique with campaign_id): a repeated POST finds the
		 * first response instead of adding one.
		 */
		submissionToken: text('submission_token'),
		channel: text('channel').$type<Channel>().notNull().default('online'),
		groupId: integer('group_id').references(() => respondentGroups.id),
		areaId: integer('area_id').references(() => areas.id),
		unitId: integer('unit_id').references(() => units.id),
		answers: jsonb('answers').$type<Answers>().notNull(),
		contactName: text('contact_name'),
		contactPhone: text('contact_phone'),
		/** Personal data like the phone: shown, masked, exported and hidden exactly where it is. */
		contactEmail: text('contact_email'),
		/** The printed form's single-use code; unique, so a code is counted once however it arrives. */
		formCodeId: integer('form_code_id')
			.unique()
			.references((): AnyPgColumn => formCodes.id),
		/** The clerk who typed a paper form in; null for web submissions. */
		enteredBy: integer('entered_by').references(() => users.id),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('responses_campaign_submitted_idx').on(t.campaignId, t.submittedAt),
		index('responses_version_idx').on(t.versionId),
		// Per campaign, as the repeat lookup (findResponseByToken) is: a token sent to another
		// campaign is a new response there, not a conflict nobody can resolve.
		unique('responses_campaign_submission_token_uq').on(t.campaignId, t.submissionToken)
	]
);

/**
 * Roll-up of `responses`, kept by the triggers of drizzle/0008 (never written by the app): per
 * campaign, how many responses name each group, unit, area (key = id as text, null = not given),
 * channel, and day (key = YYYY-MM-DD, the organisation's Asia/Shanghai calendar). A response
 * counts once in each of the five dimensions. Concurrent submissions would all queue on the same
 * "today" and "online" rows, so each figure is spread over 64 slots (the writing transaction's
 * id % 64; see 0008) and readers sum them. The return-rate statistics read this instead
 * of a million responses; `rollups.spec.ts` checks it against a full recount.
 */
export const responseTallies = pgTable(
	'response_tallies',
	{
		campaignId: integer('campaign_id').notNull(),
		dim: text('dim').$type<'group' | 'unit' | 'area' | 'channel' | 'day'>().notNull(),
		key: text('key'),
		slot: smallint('slot').notNull(),
		n: integer('n').notNull()
	},
	(t) => [unique('response_tallies_uq').on(t.campaignId, t.dim, t.key, t.slot).nullsNotDistinct()]
);

/**
 * Roll-up of the answers of `responses` for the results (issue 16), kept by the triggers of
 * drizzle/0012 (never written by the app): per campaign, questionnaire version, group, area, unit,
 * channel and calendar month (first day, Asia/Shanghai) — the dimensions the results' filters and
 * breakdowns use — how many responses there are (question_id and value null), how many answered a
 * multiple-choice or text question (value null), and how often each value of a choice, rating or
 * organisation question was given (a multiple choice counts each option picked). Text answers and
 * contact details are never copied here. One row per figure, without the slots of
 * response_tallies: the results read every row of a campaign, and a million responses from a few
 * hundred kinds of respondent over some months make tens of thousands of rows (see 0012).
 * `results/answer-tallies.spec.ts` checks it against a full recount.
 */
export const answerTallies = pgTable(
	'answer_tallies',
	{
		campaignId: integer('campaign_id').notNull(),
		versionId: integer('version_id').notNull(),
		month: date('month').notNull(),
		groupId: integer('group_id'),
		areaId: integer('area_id'),
		unitId: integer('unit_id'),
		channel: text('channel').$type<Channel>().notNull(),
		questionId: text('question_id'),
		value: text('value'),
		n: integer('n').notNull()
	},
	(t) => [
		unique('answer_tallies_uq')
			.on(
				t.campaignId,
				t.versionId,
				t.month,
				t.groupId,
				t.areaId,
				t.unitId,
				t.channel,
				t.questionId,
				t.value
			)
			.nullsNotDistinct()
	]
);

/** Installation-wide secrets and settings (e.g. the salt of rate-limit keys). */
export const settings = pgTable('settings', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

/**
 * Fixed-window counters of the per-client limits (submissions, code lookups), shared by every app
 * process: `key` is the salted client hash, the scope and the window's start, so each window is
 * one row that expires. UNLOGGED (migration 0013): nothing is written to the WAL for them, a crash
 * empties the table — which, like a restart, only lets a client through sooner — and a streaming
 * replica does not have them, so they are read and written on the primary only.
 * intake/submission-limit.ts counts into it in batches, one statement per batch.
 */
export const rateCounters = pgTable(
	'rate_counters',
	{
		key: text('key').primaryKey(),
		hits: integer('hits').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('rate_counters_expires_at_idx').on(t.expiresAt)]
);

export type Campaign = typeof campaigns.$inferSelect;
export type QuestionnaireVersion = typeof questionnaireVersions.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;

// ---------------------------------------------------------------- distribution and returns

/** How many forms went out per campaign × group × unit or area × channel. */
export const distributions = pgTable(
	'distributions',
	{
		id: serial('id').primaryKey(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		groupId: integer('group_id').references(() => respondentGroups.id),
		unitId: integer('unit_id').references(() => units.id),
		areaId: integer('area_id').references(() => areas.id),
		channel: text('channel').$type<Channel>().notNull(),
		issued: integer('issued').notNull(),
		issuedOn: date('issued_on'),
		note: text('note').notNull().default(''),
		...timestamps
	},
	(t) => [
		index('distributions_campaign_idx').on(t.campaignId),
		check('distributions_issued_nonnegative', sql`${t.issued} >= 0`)
	]
);

/** Single-use codes printed on paper forms; a response may use a code once (unique on responses). */
export const formCodes = pgTable(
	'form_codes',
	{
		id: serial('id').primaryKey(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		distributionId: integer('distribution_id')
			.notNull()
			.references(() => distributions.id),
		code: text('code').notNull().unique(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('form_codes_distribution_idx').on(t.distributionId)]
);

/** Corrections of an entered response: what it said before and after, and who changed it. */
export const responseRevisions = pgTable(
	'response_revisions',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		responseId: bigint('response_id', { mode: 'number' })
			.notNull()
			.references(() => responses.id),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		userId: integer('user_id').references(() => users.id),
		before: jsonb('before').notNull(),
		after: jsonb('after').notNull()
	},
	(t) => [index('response_revisions_response_idx').on(t.responseId)]
);

/**
 * Bearer tokens for the JSON API; only the SHA-256 is stored, the token is shown once. A token
 * reads what its scopes name (`API_SCOPES`), of one campaign or (null) of every published one,
 * until it expires (null: never) or is revoked. Tokens from before scopes keep both.
 */
export const apiTokens = pgTable('api_tokens', {
	id: serial('id').primaryKey(),
	name: text('name').notNull(),
	tokenHash: text('token_hash').notNull().unique(),
	scopes: text('scopes')
		.array()
		.notNull()
		.default(sql`'{returns,suggestions}'::text[]`),
	campaignId: integer('campaign_id').references(() => campaigns.id),
	expiresAt: timestamp('expires_at', { withTimezone: true }),
	createdBy: integer('created_by').references(() => users.id),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
	revokedAt: timestamp('revoked_at', { withTimezone: true })
});

export type Distribution = typeof distributions.$inferSelect;
export type FormCode = typeof formCodes.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;

// ---------------------------------------------------------------- suggestions

export const categories = pgTable('categories', {
	id: serial('id').primaryKey(),
	key: text('key').notNull().unique(),
	nameZh: text('name_zh').notNull(),
	nameEn: text('name_en').notNull(),
	sortOrder: integer('sort_order').notNull().default(0),
	active: boolean('active').notNull().default(true),
	/** Routing: the department an item of this category is proposed to, when categorised. */
	defaultDepartmentId: integer('default_department_id').references(() => units.id),
	/** Service level: the deadline proposed, in China's working days after the day it is routed. */
	serviceDays: integer('service_days'),
	...timestamps
});

/**
 * The organisation's calendar beside weekends: `off` a weekday with no work (法定节假日), `work`
 * a weekend day worked (调休). Deadlines counted in working days read it (src/lib/working-days.ts).
 */
export const holidays = pgTable(
	'holidays',
	{
		day: date('day').primaryKey(),
		kind: text('kind').$type<'off' | 'work'>().notNull(),
		name: text('name').notNull().default(''),
		...timestamps
	},
	(t) => [check('holidays_kind_ck', sql`${t.kind} in ('off', 'work')`)]
);

/**
 * One distinct concern. Raw items (the respondents' answers) are merged into it; a suggestion
 * merged into another keeps its row with `mergedInto` set, so an unmerge can restore it.
 */
export const suggestions = pgTable(
	'suggestions',
	{
		id: serial('id').primaryKey(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		title: text('title').notNull(),
		categoryId: integer('category_id').references(() => categories.id),
		nature: text('nature').$type<Nature>(),
		status: text('status').$type<SuggestionStatus>().notNull().default('new'),
		departmentId: integer('department_id').references(() => units.id),
		measures: text('measures').notNull().default(''),
		deadline: date('deadline'),
		reply: text('reply').notNull().default(''),
		plan: text('plan').notNull().default(''),
		targetDate: date('target_date'),
		published: boolean('published').notNull().default(false),
		mergedInto: integer('merged_into').references((): AnyPgColumn => suggestions.id),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		/**
		 * The 回访 round the current (or next) reply opens: 1 until the item is first reopened, one
		 * more after each reopening, so a second reply is asked about afresh.
		 */
		followUpRound: integer('follow_up_round').notNull().default(1),
		/** How often a 不满意 answer reopened the item (a reply staff take back is not counted here). */
		reopenedCount: integer('reopened_count').notNull().default(0),
		/** The deadline first set, kept once an extension (延期) is granted; `deadline` is then the granted one. */
		originalDeadline: date('original_deadline'),
		/** 退回: when a handler sent the item back to the reviewers; cleared when it is assigned again. */
		sentBackAt: timestamp('sent_back_at', { withTimezone: true }),
		/** 督办: a leader supervises the item (with a note). */
		supervisedAt: timestamp('supervised_at', { withTimezone: true }),
		supervisedBy: integer('supervised_by').references((): AnyPgColumn => users.id),
		supervisedNote: text('supervised_note').notNull().default(''),
		...timestamps
	},
	(t) => [
		check('suggestions_follow_up_round_ck', sql`${t.followUpRound} >= 1`),
		index('suggestions_campaign_status_idx').on(t.campaignId, t.status),
		// The review queue's usual question; 10 → 3 ms at 100,000 suggestions (bench:stats).
		index('suggestions_queue_idx')
			.on(t.campaignId, t.status, t.categoryId, t.id.desc())
			.where(sql`${t.mergedInto} is null`),
		index('suggestions_department_idx').on(t.departmentId),
		index('suggestions_merged_into_idx').on(t.mergedInto),
		index('suggestions_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
		// Statistics and the weekly report at 100,000 suggestions (bench:stats). Open ones by
		// deadline: "overdue" (today's or a week's) is a range of it, read from the index alone.
		index('suggestions_open_deadline_idx')
			.on(t.campaignId, t.deadline, t.id, t.createdAt, t.departmentId, t.categoryId)
			.where(
				sql`${t.mergedInto} is null and ${t.status} not in ('resolved', 'planned', 'not_adopted')`
			),
		// Closed ones by closing time: the week's closed list, and what was still open at a week's end.
		index('suggestions_closed_at_idx')
			.on(
				t.campaignId,
				t.closedAt,
				t.id,
				t.status,
				t.deadline,
				t.createdAt,
				t.departmentId,
				t.categoryId
			)
			.where(
				sql`${t.mergedInto} is null and ${t.status} in ('resolved', 'planned', 'not_adopted')`
			),
		// Days to close, in order: the median is the middle entry, not a sort of every closed one.
		index('suggestions_days_to_close_idx')
			.on(
				t.campaignId,
				sql`(extract(epoch from ${t.closedAt} - ${t.createdAt}) / 86400)`,
				t.closedAt,
				t.createdAt
			)
			.where(
				sql`${t.mergedInto} is null and ${t.status} in ('resolved', 'planned', 'not_adopted') and ${t.closedAt} is not null`
			),
		// The week's new suggestions.
		index('suggestions_created_idx')
			.on(t.campaignId, t.createdAt, t.departmentId, t.categoryId)
			.where(sql`${t.mergedInto} is null`)
	]
);

/**
 * Roll-up of live suggestions (not merged away) and of raw answers, kept by the triggers of
 * drizzle/0008: per campaign, how many live suggestions have each category, nature, status,
 * department (key = id or value as text, null = none), and how many suggestion_items exist
 * (dim 'items', key null). Spread over 64 slots like response_tallies, because every
 * submission with a suggestion adds to the same "new" / "no category" rows.
 */
export const suggestionTallies = pgTable(
	'suggestion_tallies',
	{
		campaignId: integer('campaign_id').notNull(),
		dim: text('dim').$type<'category' | 'nature' | 'status' | 'department' | 'items'>().notNull(),
		key: text('key'),
		slot: smallint('slot').notNull(),
		n: integer('n').notNull()
	},
	(t) => [unique('suggestion_tallies_uq').on(t.campaignId, t.dim, t.key, t.slot).nullsNotDistinct()]
);

/** A respondent's answer (or part of one, after a split) to a suggestion question. */
export const suggestionItems = pgTable(
	'suggestion_items',
	{
		id: serial('id').primaryKey(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => campaigns.id),
		responseId: bigint('response_id', { mode: 'number' })
			.notNull()
			.references(() => responses.id),
		questionId: text('question_id').notNull(),
		text: text('text').notNull(),
		/** The whole answer as written, kept when the item is a split part of it. */
		sourceText: text('source_text').notNull(),
		suggestionId: integer('suggestion_id')
			.notNull()
			.references(() => suggestions.id),
		/** The suggestion created for this item: where an unmerge sends it back. */
		originId: integer('origin_id')
			.notNull()
			.references(() => suggestions.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('suggestion_items_suggestion_idx').on(t.suggestionId),
		index('suggestion_items_response_idx').on(t.responseId),
		index('suggestion_items_text_trgm_idx').using('gin', sql`${t.text} gin_trgm_ops`)
	]
);

/** Everything that happened to a suggestion: who, when, what (the item's history and comments). */
export const suggestionEvents = pgTable(
	'suggestion_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		suggestionId: integer('suggestion_id')
			.notNull()
			.references(() => suggestions.id),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		userId: integer('user_id').references(() => users.id),
		kind: text('kind').notNull(),
		data: jsonb('data').notNull().default({})
	},
	(t) => [
		index('suggestion_events_suggestion_idx').on(t.suggestionId, t.at),
		// The weekly report asks "did this suggestion get such an event in the week".
		index('suggestion_events_suggestion_kind_at_idx').on(t.suggestionId, t.kind, t.at),
		index('suggestion_events_kind_at_idx').on(t.kind, t.at)
	]
);

/**
 * A handler's request that a reviewer decides: 转办 (`transfer`, to `toDepartmentId`) or 延期
 * (`extension`, to `requestedDeadline`). At most one pending request of a kind per suggestion, by
 * the partial unique index; a decision is taken once (`status = 'pending'` in the update's where).
 */
export const handlingRequests = pgTable(
	'handling_requests',
	{
		id: serial('id').primaryKey(),
		suggestionId: integer('suggestion_id')
			.notNull()
			.references(() => suggestions.id),
		kind: text('kind').$type<'transfer' | 'extension'>().notNull(),
		status: text('status').$type<'pending' | 'approved' | 'refused'>().notNull().default('pending'),
		fromDepartmentId: integer('from_department_id')
			.notNull()
			.references(() => units.id),
		toDepartmentId: integer('to_department_id').references(() => units.id),
		currentDeadline: date('current_deadline'),
		requestedDeadline: date('requested_deadline'),
		reason: text('reason').notNull(),
		requestedBy: integer('requested_by')
			.notNull()
			.references(() => users.id),
		decidedBy: integer('decided_by').references(() => users.id),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decisionNote: text('decision_note').notNull().default(''),
		...timestamps
	},
	(t) => [
		uniqueIndex('handling_requests_pending_uq')
			.on(t.suggestionId, t.kind)
			.where(sql`${t.status} = 'pending'`),
		index('handling_requests_suggestion_idx').on(t.suggestionId),
		check('handling_requests_kind_ck', sql`${t.kind} in ('transfer', 'extension')`),
		check('handling_requests_status_ck', sql`${t.status} in ('pending', 'approved', 'refused')`)
	]
);

/** 协办: departments that co-handle an item beside its lead department (they add progress notes). */
export const coHandlers = pgTable(
	'co_handlers',
	{
		suggestionId: integer('suggestion_id')
			.notNull()
			.references(() => suggestions.id),
		unitId: integer('unit_id')
			.notNull()
			.references(() => units.id),
		addedBy: integer('added_by').references(() => users.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('co_handlers_suggestion_unit_uq').on(t.suggestionId, t.unitId),
		index('co_handlers_unit_idx').on(t.unitId)
	]
);

/**
 * 回访: whether a reply satisfied the proposers. Either a proposer's own answer through the receipt
 * code (`responseId` set; one per receipt per suggestion per round, by the unique constraint, and
 * changed in place until the round ends) or a follow-up staff made by phone or visit
 * (`recordedBy` set, `contactedAt` when it happened). `level` is null when nobody could be reached.
 */
export const followUps = pgTable(
	'follow_ups',
	{
		id: serial('id').primaryKey(),
		suggestionId: integer('suggestion_id')
			.notNull()
			.references(() => suggestions.id),
		round: integer('round').notNull(),
		method: text('method').$type<FollowUpMethod>().notNull(),
		level: text('level').$type<SatisfactionLevel>(),
		comment: text('comment').notNull().default(''),
		responseId: bigint('response_id', { mode: 'number' }).references(() => responses.id),
		recordedBy: integer('recorded_by').references(() => users.id),
		contactedAt: timestamp('contacted_at', { withTimezone: true }).notNull().defaultNow(),
		...timestamps
	},
	(t) => [
		unique('follow_ups_receipt_round_uq').on(t.suggestionId, t.round, t.responseId),
		index('follow_ups_suggestion_round_idx').on(t.suggestionId, t.round),
		check(
			'follow_ups_level_ck',
			sql`${t.level} is null or ${t.level} in ('satisfied', 'basic', 'dissatisfied')`
		),
		check('follow_ups_method_ck', sql`${t.method} in ('receipt', 'phone', 'visit')`),
		// A receipt answer names its response and no staff member; a staff record the reverse.
		check(
			'follow_ups_source_ck',
			sql`(${t.method} = 'receipt') = (${t.responseId} is not null and ${t.recordedBy} is null)`
		)
	]
);

/** Trained categoriser models, so learning survives restarts and is shared by all processes. */
export const insightModels = pgTable('insight_models', {
	id: serial('id').primaryKey(),
	kind: text('kind').notNull(),
	model: jsonb('model').notNull(),
	examples: integer('examples').notNull(),
	trainedAt: timestamp('trained_at', { withTimezone: true }).notNull().defaultNow()
});

export type Category = typeof categories.$inferSelect;
export type Suggestion = typeof suggestions.$inferSelect;
export type SuggestionItem = typeof suggestionItems.$inferSelect;
export type FollowUp = typeof followUps.$inferSelect;

// ---------------------------------------------------------------- notifications (notifications/)

/**
 * Each staff member's own choice of channels (the in-app inbox is always on) and where e-mail and
 * SMS go. A table of its own: an account without a row gets the inbox only.
 */
export const notificationSettings = pgTable('notification_settings', {
	userId: integer('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	email: text('email').notNull().default(''),
	phone: text('phone').notNull().default(''),
	emailOn: boolean('email_on').notNull().default(false),
	smsOn: boolean('sms_on').notNull().default(false),
	/** The language of this person's e-mail and SMS. */
	locale: text('locale').notNull().default('zh-CN'),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * The in-app inbox: one row per event and staff member, written in the event's own transaction
 * (the row is the delivery, so it happens exactly once with the event, or not at all). The text is
 * made from the template when read, in the reader's language.
 */
export const notifications = pgTable(
	'notifications',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		eventKey: text('event_key').notNull(),
		event: text('event').notNull(),
		suggestionId: integer('suggestion_id').references(() => suggestions.id),
		params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
		readAt: timestamp('read_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('notifications_event_user_uq').on(t.eventKey, t.userId),
		index('notifications_user_unread_idx')
			.on(t.userId, t.id.desc())
			.where(sql`${t.readAt} is null`),
		index('notifications_user_idx').on(t.userId, t.id.desc())
	]
);

/**
 * The outbox of messages that leave the system (e-mail, SMS): written in the event's transaction,
 * delivered by the `notification-delivery` job. One row per (event, recipient, channel) by the
 * unique constraint. `state`: pending → sending (claimed under a lease; `handedAt` set the moment
 * the message is handed to the provider) → sent; a lease that ran out before `handedAt` goes back
 * to pending; one that ran out after it is resent only where the provider deduplicates (SMS, by
 * the row's key), and otherwise (e-mail) marked `unconfirmed`, never sent twice. `recipient` is
 * `u:<user id>` or `r:<response id>` (a proposer); the address is read at delivery, and `sentTo`
 * keeps it as the log may show it (masked for a proposer).
 */
export const outbox = pgTable(
	'outbox',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		eventKey: text('event_key').notNull(),
		event: text('event').notNull(),
		recipient: text('recipient').notNull(),
		channel: text('channel').$type<'email' | 'sms'>().notNull(),
		suggestionId: integer('suggestion_id').references(() => suggestions.id),
		params: jsonb('params').$type<Record<string, string>>().notNull().default({}),
		state: text('state')
			.$type<'pending' | 'sending' | 'sent' | 'unconfirmed' | 'failed' | 'cancelled'>()
			.notNull()
			.default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		claim: text('claim'),
		leaseUntil: timestamp('lease_until', { withTimezone: true }),
		handedAt: timestamp('handed_at', { withTimezone: true }),
		lastError: text('last_error'),
		messageId: text('message_id'),
		sentTo: text('sent_to'),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('outbox_event_recipient_channel_uq').on(t.eventKey, t.recipient, t.channel),
		index('outbox_due_idx')
			.on(t.nextAttemptAt)
			.where(sql`${t.state} in ('pending', 'sending')`),
		index('outbox_created_idx').on(t.id.desc()),
		check(
			'outbox_state_ck',
			sql`${t.state} in ('pending', 'sending', 'sent', 'unconfirmed', 'failed', 'cancelled')`
		),
		check('outbox_channel_ck', sql`${t.channel} in ('email', 'sms')`)
	]
);

/** The admin's wording of a notification, replacing the default in code for one event and language. */
export const notificationTemplates = pgTable(
	'notification_templates',
	{
		event: text('event').notNull(),
		locale: text('locale').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		updatedBy: integer('updated_by').references(() => users.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('notification_templates_uq').on(t.event, t.locale)]
);

/** A proposer who followed the stop link of a message: nothing more is sent for that receipt. */
export const notificationStops = pgTable('notification_stops', {
	responseId: bigint('response_id', { mode: 'number' })
		.primaryKey()
		.references(() => responses.id),
	stoppedAt: timestamp('stopped_at', { withTimezone: true }).notNull().defaultNow()
});

export type OutboxRow = typeof outbox.$inferSelect;

// ---------------------------------------------------------------- webhooks (webhooks/)

/**
 * An admin's webhook endpoint. The secret signs every delivery (HMAC-SHA256), so it is kept as
 * written, not hashed; it is shown once, when the endpoint is made. `failedEvents` counts events
 * given up in a row (a 2xx sets it back to 0); at WEBHOOK_DISABLE_AFTER the endpoint is disabled
 * (`disabledReason` 'failures') and the admins are told.
 */
export const webhookEndpoints = pgTable('webhook_endpoints', {
	id: serial('id').primaryKey(),
	url: text('url').notNull(),
	events: text('events').array().notNull(),
	secret: text('secret').notNull(),
	/** Contact details and unmasked texts go only to an endpoint with this set. */
	personalData: boolean('personal_data').notNull().default(false),
	/** Targets on loopback, private or link-local addresses are refused unless this is set. */
	allowPrivate: boolean('allow_private').notNull().default(false),
	enabled: boolean('enabled').notNull().default(true),
	disabledReason: text('disabled_reason').$type<'admin' | 'failures'>(),
	failedEvents: integer('failed_events').notNull().default(0),
	createdBy: integer('created_by').references(() => users.id),
	...timestamps
});

/**
 * What happened, written in the transaction of the change itself, only when some enabled endpoint
 * asked for its type. `data` holds ids and non-personal fields; contact details are read from the
 * response at delivery, for endpoints allowed to receive them.
 */
export const webhookEvents = pgTable('webhook_events', {
	id: bigserial('id', { mode: 'number' }).primaryKey(),
	uid: text('uid')
		.notNull()
		.unique()
		.default(sql`gen_random_uuid()::text`),
	type: text('type').notNull(),
	data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
	occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * One row per (event, endpoint), by the unique constraint: the outbox of webhooks. `uid` is the
 * `X-Xinkan-Delivery` header, the same on every attempt so a receiver can deduplicate. `state`:
 * pending → sending (claimed under a lease) → delivered | failed (attempts used up); a lease that
 * ran out goes back to pending and is sent again under the same uid.
 */
export const webhookDeliveries = pgTable(
	'webhook_deliveries',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		uid: text('uid')
			.notNull()
			.unique()
			.default(sql`gen_random_uuid()::text`),
		eventId: bigint('event_id', { mode: 'number' })
			.notNull()
			.references(() => webhookEvents.id, { onDelete: 'cascade' }),
		endpointId: integer('endpoint_id')
			.notNull()
			.references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
		state: text('state')
			.$type<'pending' | 'sending' | 'delivered' | 'failed'>()
			.notNull()
			.default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		claim: text('claim'),
		leaseUntil: timestamp('lease_until', { withTimezone: true }),
		deliveredAt: timestamp('delivered_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('webhook_deliveries_event_endpoint_uq').on(t.eventId, t.endpointId),
		index('webhook_deliveries_due_idx')
			.on(t.nextAttemptAt)
			.where(sql`${t.state} in ('pending', 'sending')`),
		check(
			'webhook_deliveries_state_ck',
			sql`${t.state} in ('pending', 'sending', 'delivered', 'failed')`
		)
	]
);

/**
 * The delivery log: one row per attempt, with the answer's status or what went wrong (`error`: a
 * key the page puts in words — timeout, redirect, private_target, status, network — and `detail`).
 */
export const webhookAttempts = pgTable(
	'webhook_attempts',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		deliveryId: bigint('delivery_id', { mode: 'number' })
			.notNull()
			.references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
		endpointId: integer('endpoint_id')
			.notNull()
			.references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
		attempt: integer('attempt').notNull(),
		status: integer('status'),
		error: text('error'),
		detail: text('detail'),
		durationMs: integer('duration_ms').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('webhook_attempts_endpoint_idx').on(t.endpointId, t.id.desc())]
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
