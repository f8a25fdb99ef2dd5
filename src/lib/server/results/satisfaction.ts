// The satisfaction index (issue 16): how satisfied each township and unit is, on 0–100, over the
// rating questions the organiser marked (`satisfaction: true` in the questionnaire), ranked — the
// table a company's internal assessment (考核) uses. Same filter as the rest of the results.
//
// The index is the mean over respondents of their own score, not the mean of per-question means:
// a respondent's score is the mean of their marked answers put on 0–100 ((rating − 1) / 4 × 100),
// so everyone who answered counts once, whether they answered one marked question or all of them,
// and n is a number of people. (The mean of question means would weigh a question many skipped
// as much as one everybody answered.)
import { sql, type SQL } from 'drizzle-orm';
import { messages } from '../../i18n';
import type { SatisfactionCell, SatisfactionIndex } from '../../results/types';
import { queryRows, type Database } from '../db';
import type { ResultQuestion } from './query';

/** The rating questions that count in the index. */
export function markedQuestions(questions: ResultQuestion[]): ResultQuestion[] {
	return questions.filter((q) => q.question.type === 'rating' && q.question.satisfaction === true);
}

type IndexRow = { dim: 'area' | 'unit' | 'all'; key: string | null; n: number; total: number };

interface Named {
	id: number;
	name: string;
}

/**
 * The index per area, per unit and overall for the responses `where` selects (alias `r`, as the
 * results statement uses). A cell exists only where someone answered, so no index is 0 ÷ 0.
 */
export async function satisfactionIndex(
	db: Database,
	where: SQL,
	questions: ResultQuestion[],
	org: { areas: Named[]; units: Named[] },
	minN: number
): Promise<SatisfactionIndex> {
	const marked = markedQuestions(questions);
	const empty: SatisfactionIndex = {
		questions: marked.map((q) => q.question.id),
		byArea: [],
		byUnit: [],
		overall: { n: 0, index: null }
	};
	if (!marked.length) {
		return empty;
	}
	// An answer counts only in a version that asks the question (as in the per-question counts).
	const asks = sql.join(
		marked.map(
			(q) =>
				sql`(e.key = ${q.question.id} and r.version_id in (${sql.join(
					[...q.versionIds].map((id) => sql`${id}`),
					sql`, `
				)}))`
		),
		sql` or `
	);
	// A rating is read as the per-question counts read it (its text '1'–'5'); the CASE keeps the
	// cast away from anything else, whatever order the planner picks.
	const rows = await queryRows<IndexRow>(
		db,
		sql`with r as (select r.id, r.area_id, r.unit_id, r.version_id, r.answers
				from responses r where ${where}),
			s as (select r.id, r.area_id, r.unit_id, avg((x.v - 1) * 25.0) as score
				from r cross join lateral jsonb_each(r.answers) e
				cross join lateral (select case when (e.value #>> '{}') in ('1', '2', '3', '4', '5')
					then (e.value #>> '{}')::int end as v) x
				where (${asks}) and x.v is not null
				group by r.id, r.area_id, r.unit_id)
		select 'area' as dim, area_id::text as key, count(*)::int as n, sum(score)::float8 as total
			from s group by area_id
		union all
		select 'unit', unit_id::text, count(*)::int, sum(score)::float8 from s group by unit_id
		union all
		select 'all', null, count(*)::int, coalesce(sum(score), 0)::float8 from s`
	);
	const indexOf = (row: IndexRow) => (Number(row.n) > 0 ? Number(row.total) / Number(row.n) : null);
	const all = rows.find((row) => row.dim === 'all');
	return {
		...empty,
		byArea: rankCells(rows, 'area', org.areas, minN, indexOf),
		byUnit: rankCells(rows, 'unit', org.units, minN, indexOf),
		overall: { n: Number(all?.n ?? 0), index: all ? indexOf(all) : null }
	};
}

/**
 * Cells most satisfied first. Only cells of at least minN respondents are ranked (ties share a
 * rank); the small ones follow, greyed, then the responses that give no area or unit.
 */
function rankCells(
	rows: IndexRow[],
	dim: 'area' | 'unit',
	names: Named[],
	minN: number,
	indexOf: (row: IndexRow) => number | null
): SatisfactionCell[] {
	const notGiven = messages('zh-CN').stats.notGiven;
	const cells = rows
		.filter((row) => row.dim === dim)
		.map((row): SatisfactionCell => {
			const n = Number(row.n);
			const name = row.key === null ? notGiven : names.find((x) => String(x.id) === row.key)?.name;
			return {
				key: row.key,
				label: name ?? String(row.key),
				n,
				index: indexOf(row),
				small: n < minN,
				rank: null
			};
		});
	const place = (c: SatisfactionCell) => (c.key === null ? 2 : c.small ? 1 : 0);
	cells.sort(
		(a, b) =>
			place(a) - place(b) ||
			(b.index ?? -1) - (a.index ?? -1) ||
			a.label.localeCompare(b.label, 'zh-CN')
	);
	const ranked = cells.filter((c) => place(c) === 0);
	ranked.forEach((cell, i) => {
		const before = ranked[i - 1];
		// Equal means from different sums may differ in the last bit: a tie is a tie.
		const tie = before && Math.abs((before.index ?? 0) - (cell.index ?? 0)) < 1e-9;
		cell.rank = tie ? before.rank : i + 1;
	});
	return cells;
}
