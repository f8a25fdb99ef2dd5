import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { localDate } from '../../campaign-availability';
import { CLOSED_STATUSES, type Nature, type SuggestionStatus } from '../../domain';
import type { Database } from '../db';
import {
	areas,
	campaigns,
	categories,
	respondentGroups,
	responses,
	suggestionEvents,
	suggestionItems,
	suggestions,
	units,
	users
} from '../db/schema';
import { NotFound } from '../platform/errors';
import { canSeeContact } from '../../roles';
import { addWorkingDays } from '../../working-days';
import { readableBy, visibleTo, type Actor } from './actor';
import { loadCalendar } from './service-levels';

export interface QueueFilter {
	campaignId?: number;
	categoryId?: number;
	nature?: Nature;
	status?: SuggestionStatus;
	departmentId?: number;
	groupKey?: string;
	areaId?: number;
	from?: string;
	to?: string;
	q?: string;
	overdue?: boolean;
	/** Only "planned" items whose target date has passed (`planExpiredSql`). */
	planExpired?: boolean;
	published?: boolean;
	sort?: 'new' | 'old' | 'raised' | 'deadline';
	page?: number;
	pageSize?: number;
}

/** The closing states as an SQL list, for `status in (…)`. */
export const closedList = sql.raw(CLOSED_STATUSES.map((s) => `'${s}'`).join(','));

/**
 * Past its deadline and not closed, counted in the organisation's calendar. Without a deadline it
 * is false, not null (`null < today`): readers of the API get a boolean.
 */
export function overdueSql(today = localDate(new Date())): SQL {
	return sql`(${suggestions.deadline} is not null and ${suggestions.deadline} < ${today} and ${suggestions.status} not in (${closedList}))`;
}

/**
 * A plan not kept: "planned" (a closing state: the proposers were told what will be done and by
 * when) with its target date passed, in the organisation's calendar. The queue, inbox, reports,
 * API and board flag these so a promise does not silently lapse.
 */
export function planExpiredSql(today = localDate(new Date())): SQL {
	return sql`(${suggestions.status} = 'planned' and ${suggestions.targetDate} is not null and ${suggestions.targetDate} < ${today})`;
}

/** Whole days past the deadline for an overdue item (as the queue and weekly report count them), else null. */
function overdueDaysSql(today = localDate(new Date())): SQL<number | null> {
	return sql<
		number | null
	>`case when ${overdueSql(today)} then (${today}::date - ${suggestions.deadline})::int end`;
}

const itemsWhere = (condition: SQL) =>
	sql`exists (select 1 from ${suggestionItems} i join ${responses} r on r.id = i.response_id where i.suggestion_id = ${suggestions.id} and ${condition})`;

export function queueWhere(actor: Actor, f: QueueFilter): SQL {
	const parts: (SQL | undefined)[] = [visibleTo(actor)];
	if (f.campaignId) parts.push(eq(suggestions.campaignId, f.campaignId));
	if (f.categoryId) parts.push(eq(suggestions.categoryId, f.categoryId));
	if (f.nature) parts.push(eq(suggestions.nature, f.nature));
	if (f.status) parts.push(eq(suggestions.status, f.status));
	if (f.departmentId) parts.push(eq(suggestions.departmentId, f.departmentId));
	if (f.published !== undefined) parts.push(eq(suggestions.published, f.published));
	if (f.groupKey) {
		parts.push(
			itemsWhere(sql`r.group_id = (select id from respondent_groups where key = ${f.groupKey})`)
		);
	}
	if (f.areaId) parts.push(itemsWhere(sql`r.area_id = ${f.areaId}`));
	if (f.from) {
		parts.push(
			sql`${suggestions.createdAt} >= (${f.from}::date::timestamp at time zone 'Asia/Shanghai')`
		);
	}
	if (f.to) {
		parts.push(
			sql`${suggestions.createdAt} < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`
		);
	}
	if (f.overdue) parts.push(overdueSql());
	if (f.planExpired) parts.push(planExpiredSql());
	if (f.q) {
		// ILIKE is served by the pg_trgm GIN indexes for three characters and more, in Chinese too.
		const pattern = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
		parts.push(
			sql`(${suggestions.title} ilike ${pattern} or exists (select 1 from ${suggestionItems} i where i.suggestion_id = ${suggestions.id} and i.text ilike ${pattern}))`
		);
	}
	return and(...parts)!;
}

const raisedSql = sql<number>`(select count(*)::int from ${suggestionItems} i where i.suggestion_id = ${suggestions.id})`;

export async function listQueue(db: Database, actor: Actor, f: QueueFilter) {
	const pageSize = Math.min(200, f.pageSize ?? 50);
	const page = Math.max(1, f.page ?? 1);
	const where = queueWhere(actor, f);
	const order = {
		new: [desc(suggestions.id)],
		old: [asc(suggestions.id)],
		raised: [desc(raisedSql), asc(suggestions.id)],
		deadline: [sql`${suggestions.deadline} asc nulls last`, asc(suggestions.id)]
	}[f.sort ?? 'new'];
	const [rows, [{ total, rawAnswers }]] = await Promise.all([
		db
			.select({
				id: suggestions.id,
				campaignId: suggestions.campaignId,
				title: suggestions.title,
				status: suggestions.status,
				nature: suggestions.nature,
				categoryId: suggestions.categoryId,
				category: categories.nameZh,
				categoryEn: categories.nameEn,
				categoryKey: categories.key,
				departmentId: suggestions.departmentId,
				department: units.name,
				deadline: suggestions.deadline,
				targetDate: suggestions.targetDate,
				published: suggestions.published,
				createdAt: suggestions.createdAt,
				raised: raisedSql,
				overdue: sql<boolean>`${overdueSql()}`,
				overdueDays: overdueDaysSql(),
				planExpired: sql<boolean>`${planExpiredSql()}`
			})
			.from(suggestions)
			.leftJoin(categories, eq(suggestions.categoryId, categories.id))
			.leftJoin(units, eq(suggestions.departmentId, units.id))
			.where(where)
			.orderBy(...order)
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		// The header's figures are the whole filter's: the suggestions, and the raw answers in them.
		db
			.select({
				total: sql<number>`count(distinct ${suggestions.id})::int`,
				rawAnswers: sql<number>`count(${suggestionItems.id})::int`
			})
			.from(suggestions)
			.leftJoin(suggestionItems, eq(suggestionItems.suggestionId, suggestions.id))
			.where(where)
	]);
	return { rows, total, rawAnswers, page, pageSize };
}

/** The source answers of suggestions, with who raised them (group, area, channel). */
export async function sourcesOf(db: Database, actor: Actor, suggestionIds: number[]) {
	if (!suggestionIds.length) return [];
	const rows = await db
		.select({
			id: suggestionItems.id,
			suggestionId: suggestionItems.suggestionId,
			text: suggestionItems.text,
			sourceText: suggestionItems.sourceText,
			questionId: suggestionItems.questionId,
			responseId: responses.id,
			receiptCode: responses.receiptCode,
			submittedAt: responses.submittedAt,
			channel: responses.channel,
			group: respondentGroups.nameZh,
			groupEn: respondentGroups.nameEn,
			groupKey: respondentGroups.key,
			area: areas.name,
			department: suggestions.departmentId,
			anonymous: campaigns.anonymous,
			contactName: responses.contactName,
			contactPhone: responses.contactPhone,
			contactEmail: responses.contactEmail
		})
		.from(suggestionItems)
		.innerJoin(suggestions, eq(suggestionItems.suggestionId, suggestions.id))
		.innerJoin(responses, eq(suggestionItems.responseId, responses.id))
		.innerJoin(campaigns, eq(responses.campaignId, campaigns.id))
		.leftJoin(respondentGroups, eq(responses.groupId, respondentGroups.id))
		.leftJoin(areas, eq(responses.areaId, areas.id))
		.where(inArray(suggestionItems.suggestionId, suggestionIds))
		.orderBy(asc(suggestionItems.id));
	return rows.map(({ department, anonymous, ...r }) => {
		// Contact left on a non-anonymous campaign is the respondent's consent (roles.ts).
		const consented = !anonymous && Boolean(r.contactName || r.contactPhone || r.contactEmail);
		const contact = canSeeContact(actor, { department, consented });
		return {
			...r,
			contactName: contact ? r.contactName : null,
			contactPhone: contact ? r.contactPhone : null,
			contactEmail: contact ? r.contactEmail : null
		};
	});
}

export async function getSuggestion(db: Database, actor: Actor, id: number) {
	const [row] = await db
		.select({
			suggestion: suggestions,
			category: categories,
			department: units.name,
			overdue: sql<boolean>`${overdueSql()}`,
			planExpired: sql<boolean>`${planExpiredSql()}`
		})
		.from(suggestions)
		.leftJoin(categories, eq(suggestions.categoryId, categories.id))
		.leftJoin(units, eq(suggestions.departmentId, units.id))
		.where(and(eq(suggestions.id, id), readableBy(actor)));
	if (!row) throw new NotFound();
	const [sources, events] = await Promise.all([
		sourcesOf(db, actor, [id]),
		db
			.select({
				id: suggestionEvents.id,
				at: suggestionEvents.at,
				user: users.username,
				kind: suggestionEvents.kind,
				data: suggestionEvents.data
			})
			.from(suggestionEvents)
			.leftJoin(users, eq(suggestionEvents.userId, users.id))
			.where(eq(suggestionEvents.suggestionId, id))
			.orderBy(desc(suggestionEvents.id))
	]);
	return { ...row, sources, events };
}

/**
 * Where a merged-away suggestion lives on: the live suggestion it was merged into, if the actor
 * may see that one (a handler only their department's); null for a live or unknown id, or when
 * the survivor is not the actor's to see — then the page answers 404 as before.
 */
export async function survivorOf(db: Database, actor: Actor, id: number): Promise<number | null> {
	const [row] = await db
		.select({ id: suggestions.id })
		.from(suggestions)
		.where(
			and(
				sql`${suggestions.id} = (select m.merged_into from ${suggestions} m where m.id = ${id})`,
				readableBy(actor)
			)
		);
	return row?.id ?? null;
}

/** "Near the deadline" in a handler's inbox: due within this many working days (about a week). */
export const INBOX_NEAR_WORKING_DAYS = 5;

/**
 * A handler's inbox: new assignments, items near (China's working days, the admin's holiday list)
 * or past their deadline, plans whose target date has passed, others' comments.
 */
export async function handlerInbox(db: Database, actor: Actor, options: { today?: string } = {}) {
	const today = options.today ?? localDate(new Date());
	const soon = addWorkingDays(today, INBOX_NEAR_WORKING_DAYS, await loadCalendar(db));
	const mine = and(visibleTo(actor), sql`${suggestions.status} not in (${closedList})`);
	const base = {
		id: suggestions.id,
		title: suggestions.title,
		status: suggestions.status,
		deadline: suggestions.deadline,
		overdue: sql<boolean>`${overdueSql()}`,
		targetDate: suggestions.targetDate
	};
	const [reopened, assigned, dueSoon, planExpired, comments] = await Promise.all([
		// Sent back by a proposer's 不满意 (or a follow-up call) and not answered again yet.
		db
			.select({ ...base, reopenedCount: suggestions.reopenedCount })
			.from(suggestions)
			.where(and(mine, sql`${suggestions.reopenedCount} > 0`))
			.orderBy(desc(suggestions.updatedAt))
			.limit(50),
		db
			.select(base)
			.from(suggestions)
			.where(and(mine, eq(suggestions.status, 'assigned')))
			.orderBy(desc(suggestions.updatedAt))
			.limit(50),
		db
			.select(base)
			.from(suggestions)
			.where(and(mine, sql`${suggestions.deadline} <= ${soon}`))
			.orderBy(asc(suggestions.deadline))
			.limit(50),
		db
			.select(base)
			.from(suggestions)
			.where(and(visibleTo(actor), planExpiredSql()))
			.orderBy(asc(suggestions.targetDate), asc(suggestions.id))
			.limit(50),
		db
			.select({
				id: suggestions.id,
				title: suggestions.title,
				at: suggestionEvents.at,
				user: users.username,
				data: suggestionEvents.data
			})
			.from(suggestionEvents)
			.innerJoin(suggestions, eq(suggestionEvents.suggestionId, suggestions.id))
			.leftJoin(users, eq(suggestionEvents.userId, users.id))
			.where(
				and(
					visibleTo(actor),
					eq(suggestionEvents.kind, 'comment'),
					sql`${suggestionEvents.userId} is distinct from ${actor.id}`
				)
			)
			.orderBy(desc(suggestionEvents.at))
			.limit(20)
	]);
	// With the comment that sent each back (the latest 不满意 of its history).
	const why = reopened.length
		? await db
				.selectDistinctOn([suggestionEvents.suggestionId], {
					id: suggestionEvents.suggestionId,
					data: suggestionEvents.data
				})
				.from(suggestionEvents)
				.where(
					and(
						inArray(
							suggestionEvents.suggestionId,
							reopened.map((r) => r.id)
						),
						eq(suggestionEvents.kind, 'reopen_dissatisfied')
					)
				)
				.orderBy(suggestionEvents.suggestionId, desc(suggestionEvents.id))
		: [];
	const commentOf = (id: number) =>
		String((why.find((w) => w.id === id)?.data as { comment?: string } | undefined)?.comment ?? '');
	return {
		reopened: reopened.map((r) => ({ ...r, comment: commentOf(r.id) })),
		assigned,
		dueSoon,
		planExpired,
		comments
	};
}
