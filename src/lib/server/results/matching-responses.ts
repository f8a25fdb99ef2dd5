// The responses behind a figure of the results (issue 16): those in the results filter that
// answered a given question, for the responses page a text question's "answered" links to.
import { sql, type SQL } from 'drizzle-orm';
import type { ResultsFilter } from '../../results/types';
import type { Database } from '../db';
import { responses } from '../db/schema';
import { Invalid } from '../platform/errors';
import { campaignVersions, lineUpQuestions, readResultsQuery, resultsQuestions } from './query';
import { organisation, submittedWithin, whereOf } from './results';

/**
 * A condition on `responses` for the rows in `filter` (the results page's filters) that answered
 * question `answered` (when given) in a version that asks it — an empty text, list or null is no
 * answer, as the results count it. Invalid when a filter value or the question names nothing.
 */
export async function responsesInFilter(
	db: Database,
	campaignId: number,
	filter: ResultsFilter,
	answered?: string
): Promise<SQL> {
	const [versions, org] = await Promise.all([campaignVersions(db, campaignId), organisation(db)]);
	const parts = [...whereOf(campaignId, filter, org, versions), ...submittedWithin(filter)];
	if (answered !== undefined) {
		const question = lineUpQuestions(versions).find((q) => q.question.id === answered);
		if (!question) {
			throw new Invalid(`answered names no question of this campaign: "${answered}"`);
		}
		const versionIds = sql.join(
			[...question.versionIds].map((id) => sql`${id}`),
			sql`, `
		);
		parts.push(sql`r.version_id in (${versionIds})
			and coalesce(r.answers -> ${answered}, 'null'::jsonb) not in ('""'::jsonb, '[]'::jsonb, 'null'::jsonb)`);
	}
	return sql`${responses.id} in (select r.id from responses r where ${sql.join(parts, sql` and `)})`;
}

/** The parameters of a results link to the responses page. */
const LINK_PARAMS = ['answered', 'group', 'area', 'unit', 'channel', 'from', 'to', 'version'];

/**
 * The responses page's filter from its address (`answered=<question id>` and the results page's
 * filters): undefined `only` when there is none; Invalid (400) when a value names nothing.
 */
export async function responsesFilterFromLink(
	db: Database,
	campaignId: number,
	params: URLSearchParams
): Promise<{ only?: SQL; answeredTitle: string | null }> {
	if (!LINK_PARAMS.some((name) => params.get(name))) {
		return { answeredTitle: null };
	}
	const questions = await resultsQuestions(db, campaignId);
	const { filter } = readResultsQuery(params, questions);
	const answered = params.get('answered') || undefined;
	return {
		only: await responsesInFilter(db, campaignId, filter, answered),
		answeredTitle: questions.find((q) => q.id === answered)?.title ?? null
	};
}
