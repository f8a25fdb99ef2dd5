// The places of ranking questions (issue 17): where each option stood in the stored order (the
// answer is the option ids, first place first). The answer_tallies roll-up counts how often an
// option was ranked but keeps no places, so these figures read the responses themselves, in the
// same filter and breakdown as the counts; both databases run the same statement.
import { sql, type SQL } from 'drizzle-orm';
import { rankingPlaces } from '../../questionnaire/types';
import { share } from '../../results/statistics';
import type { QuestionResult, RankingResult } from '../../results/types';
import { queryRows, type Database } from '../db';
import type { ResultQuestion } from './query';

/** Per question and breakdown value: answered (option null), or an option's places. */
type PlaceRow = {
	q: string;
	version_id: number;
	b: string | null;
	option: string | null;
	n: number;
	first: number;
	place_sum: number;
};

/** Question id → breakdown value → answered, and per option ranked, first and the sum of places. */
export type RankingCounts = Map<
	string,
	Map<string | null, { answered: number; options: Map<string, [number, number, number]> }>
>;

export async function countPlaces(
	db: Database,
	where: SQL,
	breakdown: SQL,
	questions: ResultQuestion[]
): Promise<RankingCounts> {
	const ranked = questions.filter((q) => q.question.type === 'ranking');
	const counts: RankingCounts = new Map();
	if (!ranked.length) return counts;
	const ids = sql.join(
		ranked.map((q) => sql`${q.question.id}`),
		sql`, `
	);
	const rows = await queryRows<PlaceRow>(
		db,
		sql`with a as (
			select e.key as q, r.version_id, ${breakdown} as b, e.value
			from responses r cross join lateral jsonb_each(r.answers) e
			where ${where} and e.key in (${ids})
				and jsonb_typeof(e.value) = 'array' and e.value <> '[]'::jsonb
		)
		select q, version_id, b, null::text as option, count(*)::int as n, 0 as first, 0 as place_sum
		from a group by 1, 2, 3
		union all
		select a.q, a.version_id, a.b, x.v, count(*)::int, (count(*) filter (where x.i = 1))::int,
			sum(x.i)::int
		from a cross join lateral jsonb_array_elements_text(
			case jsonb_typeof(a.value) when 'array' then a.value else '[]'::jsonb end
		) with ordinality x(v, i)
		group by 1, 2, 3, 4`
	);
	for (const row of rows) {
		const question = ranked.find((q) => q.question.id === row.q);
		// An answer kept by a version that does not ask the question is not counted (as the counts).
		if (!question?.versionIds.has(Number(row.version_id))) continue;
		const byCell = counts.get(row.q) ?? new Map();
		counts.set(row.q, byCell);
		const cell = byCell.get(row.b) ?? { answered: 0, options: new Map() };
		byCell.set(row.b, cell);
		if (row.option === null) {
			cell.answered += Number(row.n);
			continue;
		}
		const [n, first, sum] = cell.options.get(row.option) ?? [0, 0, 0];
		cell.options.set(row.option, [
			n + Number(row.n),
			first + Number(row.first),
			sum + Number(row.place_sum)
		]);
	}
	return counts;
}

/**
 * A ranking question's result with its places: answered is the respondents who ranked anything
 * (the counts' sum is of ranked options, several per respondent), the shares of `options` are of
 * them, and each breakdown cell's n and shares likewise.
 */
export function withPlaces(
	result: QuestionResult,
	q: ResultQuestion,
	counts: RankingCounts,
	minN: number,
	/** A breakdown cell's key → the value the statement grouped by (a group's key → its id). */
	rawOf: (key: string | null) => string | null
): QuestionResult {
	if (q.question.type !== 'ranking') return result;
	const byCell = counts.get(q.question.id) ?? new Map();
	const cellsOf = (key: string | null | undefined) =>
		key === undefined ? [...byCell.values()] : [byCell.get(key)].filter((c) => c !== undefined);
	const answeredIn = (key?: string | null) => cellsOf(key).reduce((sum, c) => sum + c.answered, 0);
	const answered = answeredIn();
	const totals = (id: string) =>
		cellsOf(undefined).reduce(
			([n, first, sum], c) => {
				const [cn, cf, cs] = c.options.get(id) ?? [0, 0, 0];
				return [n + cn, first + cf, sum + cs];
			},
			[0, 0, 0]
		);
	const ranking: RankingResult = {
		places: rankingPlaces(q.question),
		options: result.options.map((o) => {
			const [n, first, sum] = totals(o.id);
			return {
				id: o.id,
				label: o.label,
				ranked: n,
				rankedShare: share(n, answered),
				first,
				firstShare: share(first, answered),
				meanPlace: n > 0 ? sum / n : null
			};
		})
	};
	const byBreakdown = result.byBreakdown?.map((cell) => {
		const n = answeredIn(rawOf(cell.key));
		return {
			...cell,
			n,
			options: cell.options.map((o) => ({ ...o, share: share(o.count, n) })),
			small: n < minN
		};
	});
	return {
		...result,
		answered,
		options: result.options.map((o) => ({ ...o, share: share(o.count, answered) })),
		ranking,
		...(byBreakdown ? { byBreakdown } : {})
	};
}
