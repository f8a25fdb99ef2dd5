// Matrix questions in the results (issue 17): per statement, how often each point of the shared
// scale was given, and the mean. Counted from the responses themselves, not answer_tallies: the
// roll-up keeps one value per answer and skips an answer that is an object ({statement: point}),
// so teaching it statements would take a migration of its function (left for later; see
// docs/notes/matrix.md). The scan reads only the matrix questions' keys of the responses in the
// filter, like the "other" texts and the satisfaction index beside it.
import { sql, type SQL } from 'drizzle-orm';
import { matrixStatements, ratingLevels, type Question } from '../../questionnaire/types';
import { meanOfCounts, share } from '../../results/statistics';
import type { MatrixStatementResult } from '../../results/types';
import { queryRows, type Database } from '../db';
import type { ResultQuestion } from './query';

/** Question id → responses that rated at least one statement, and statement → point → count. */
export type MatrixCounts = Map<
	string,
	{ answered: number; points: Map<string, Map<number, number>> }
>;

/** The counts of every matrix question among `questions`, for the responses `where` selects. */
export async function countMatrixAnswers(
	db: Database,
	where: SQL,
	questions: ResultQuestion[]
): Promise<MatrixCounts> {
	const matrices = questions.filter((q) => q.question.type === 'matrix');
	const counts: MatrixCounts = new Map();
	if (!matrices.length) return counts;
	const ids = sql.join(
		matrices.map((q) => sql`${q.question.id}`),
		sql`, `
	);
	// Only versions that ask the question as a matrix: an id kept by another type elsewhere is not read.
	const versions = sql.join(
		matrices.map(
			(q) =>
				sql`(e.key = ${q.question.id} and r.version_id in (${sql.join(
					[...q.versionIds].map((v) => sql`${v}`),
					sql`, `
				)}))`
		),
		sql` or `
	);
	const rows = await queryRows<{ q: string; s: string | null; level: number | null; n: number }>(
		db,
		sql`with e as (
			select e.key, e.value from responses r cross join lateral jsonb_each(r.answers) e
			where ${where} and e.key in (${ids}) and jsonb_typeof(e.value) = 'object'
				and e.value <> '{}'::jsonb and (${versions})
		)
		select e.key as q, null::text as s, null::int as level, count(*)::int as n from e group by 1
		union all
		select e.key, p.key, (p.value #>> '{}')::int, count(*)::int
		from e cross join lateral jsonb_each(e.value) p
		where jsonb_typeof(p.value) = 'number'
		group by 1, 2, 3`
	);
	for (const row of rows) {
		const entry = counts.get(row.q) ?? { answered: 0, points: new Map() };
		counts.set(row.q, entry);
		if (row.s === null) {
			entry.answered += Number(row.n);
			continue;
		}
		const byPoint = entry.points.get(row.s) ?? new Map<number, number>();
		byPoint.set(Number(row.level), Number(row.n));
		entry.points.set(row.s, byPoint);
	}
	return counts;
}

/**
 * A matrix question's statements with their distributions and means: the newest version's
 * statements in its order, then any statement only older versions had (named by its id).
 */
export function matrixStatementResults(
	question: Question,
	counts: MatrixCounts
): { answered: number; matrix: MatrixStatementResult[] } {
	const entry = counts.get(question.id);
	const levels = ratingLevels(question);
	const statements = matrixStatements(question).map((s) => ({ id: s.id, label: s.label }));
	for (const id of entry?.points.keys() ?? []) {
		if (!statements.some((s) => s.id === id)) statements.push({ id, label: id });
	}
	const matrix = statements.map((s) => {
		const byPoint = entry?.points.get(s.id);
		const tallied = levels.map((n) => byPoint?.get(n) ?? 0);
		const answered = tallied.reduce((sum, c) => sum + c, 0);
		return {
			id: s.id,
			label: s.label,
			answered,
			options: levels.map((n, j) => ({
				id: String(n),
				label: String(n),
				count: tallied[j],
				share: share(tallied[j], answered)
			})),
			mean: meanOfCounts(levels, tallied)
		};
	});
	return { answered: entry?.answered ?? 0, matrix };
}
