import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db';
import { closedList } from './queries';

/*
 * Satisfaction figures (回访), counted in one SQL statement:
 * - satisfied / basic / dissatisfied: answers with that level — a proposer's answer through the
 *   receipt code (one per receipt, suggestion and round) or a follow-up staff recorded — over every
 *   round of the campaign's live suggestions; `answered` is their sum.
 * - rate = (satisfied + basic) ÷ answered; null with no answer.
 * - notFollowedUp (未回访): answered items whose current round has ended with no answer at all;
 *   pending (待回访): answered items whose round is still open with no answer yet. Neither counts
 *   as satisfied, nor in the rate.
 */

export interface SatisfactionCounts {
	satisfied: number;
	basic: number;
	dissatisfied: number;
	answered: number;
	notFollowedUp: number;
	pending: number;
	rate: number | null;
}

export interface SatisfactionRow extends SatisfactionCounts {
	key: string | null;
	label: string | null;
	labelEn: string | null;
}

function countsOf(row: Record<string, unknown>): SatisfactionCounts {
	const n = (k: string) => Number(row[k] ?? 0);
	const answered = n('satisfied') + n('basic') + n('dissatisfied');
	return {
		satisfied: n('satisfied'),
		basic: n('basic'),
		dissatisfied: n('dissatisfied'),
		answered,
		notFollowedUp: n('not_followed_up'),
		pending: n('pending'),
		rate: answered ? (n('satisfied') + n('basic')) / answered : null
	};
}

/**
 * The figures of one campaign (or of every campaign, with null) at `now` (answers given by then; 待回访 and 未回访 from the items'
 * present state, as at `now`): in all, by department and by category. One pass over
 * (kind, department, category) rows — an answer, or an answered item with none in its round —
 * grouped three ways, so the parts add up to the total.
 */
export async function satisfactionFigures(
	db: Database,
	campaignId: number | null,
	now = new Date()
) {
	const scope = campaignId == null ? sql`true` : sql`s.campaign_id = ${campaignId}`;
	const at = sql`${now.toISOString()}::timestamptz`;
	type Row = Record<string, unknown> & {
		gd: number;
		gc: number;
		department_id: number | null;
		category_id: number | null;
		unit: string | null;
		category: string | null;
		name_zh: string | null;
		name_en: string | null;
	};
	const rows = await queryRows<Row>(
		db,
		sql`with live as (
			select s.id, s.department_id, s.category_id, s.status, s.closed_at, s.follow_up_round,
				s.closed_at + c.follow_up_days * interval '1 day' as round_ends
			from suggestions s join campaigns c on c.id = s.campaign_id
			where ${scope} and s.merged_into is null
		), x as (
			select f.level as kind, l.department_id, l.category_id
			from follow_ups f join live l on l.id = f.suggestion_id
			where f.level is not null and f.contacted_at <= ${at}
			union all
			select case when l.round_ends <= ${at} then 'not_followed_up' else 'pending' end,
				l.department_id, l.category_id
			from live l
			where l.status in (${closedList}) and l.closed_at is not null
				and not exists (select 1 from follow_ups f where f.suggestion_id = l.id
					and f.round = l.follow_up_round and f.level is not null)
		), g as (
			select grouping(department_id) as gd, grouping(category_id) as gc, department_id, category_id,
				count(*) filter (where kind = 'satisfied')::int as satisfied,
				count(*) filter (where kind = 'basic')::int as basic,
				count(*) filter (where kind = 'dissatisfied')::int as dissatisfied,
				count(*) filter (where kind = 'not_followed_up')::int as not_followed_up,
				count(*) filter (where kind = 'pending')::int as pending
			from x group by grouping sets ((department_id), (category_id), ())
		)
		select g.*, u.name as unit, c.key as category, c.name_zh, c.name_en from g
		left join units u on g.gd = 0 and u.id = g.department_id
		left join categories c on g.gc = 0 and c.id = g.category_id
		order by g.gd, g.gc, u.sort_order nulls last, u.name, c.sort_order nulls last, c.key`
	);
	const total = rows.find((r) => Number(r.gd) === 1 && Number(r.gc) === 1);
	return {
		total: countsOf(total ?? {}),
		byDepartment: rows
			.filter((r) => Number(r.gd) === 0)
			.map((r): SatisfactionRow => ({
				key: r.department_id == null ? null : String(r.department_id),
				label: r.unit,
				labelEn: r.unit,
				...countsOf(r)
			})),
		byCategory: rows
			.filter((r) => Number(r.gd) === 1 && Number(r.gc) === 0)
			.map((r): SatisfactionRow => ({
				key: r.category,
				label: r.name_zh,
				labelEn: r.name_en,
				...countsOf(r)
			}))
	};
}

export type SatisfactionFigures = Awaited<ReturnType<typeof satisfactionFigures>>;

/** The board shows a category's satisfaction only from this many answers on. */
export const BOARD_MIN_ANSWERS = 5;

/** What the public board may show: per category, only categories with enough answers. */
export async function boardSatisfaction(db: Database, campaignId: number, now = new Date()) {
	const { byCategory } = await satisfactionFigures(db, campaignId, now);
	return byCategory
		.filter((c) => c.key !== null && c.answered >= BOARD_MIN_ANSWERS)
		.map(({ key, label, labelEn, satisfied, basic, dissatisfied, answered, rate }) => ({
			key: key!,
			label: label ?? '',
			labelEn: labelEn ?? '',
			satisfied,
			basic,
			dissatisfied,
			answered,
			rate
		}));
}
