// Who reads which results (issue 16): organisers, reviewers and leaders read a campaign's whole
// results; a handler reads those of their own unit, and only when the questionnaire asks for the
// unit — otherwise a response's unit would be a guess and the handler would read everyone's.
import type { Role } from '../../domain';
import { hasRole, REPORT_READERS } from '../../roles';
import type { ResultsQuery } from '../../results/types';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db';
import { Forbidden } from '../platform/errors';
import { campaignVersions, lineUpQuestions } from './query';

/** The person reading results; null for an API token, which its scopes already bound. */
export type ResultsViewer = { role: Role; unitId?: number | null } | null;

/** Whether a role may ever read results (the menu and the guards; the campaign is checked later). */
export function mayReadSomeResults(role: Role): boolean {
	return hasRole(role, REPORT_READERS) || role === 'handler';
}

/** Whether any version of the campaign has a unit question. */
export async function asksForUnit(db: Database, campaignId: number): Promise<boolean> {
	const questions = lineUpQuestions(await campaignVersions(db, campaignId));
	return questions.some((q) => q.question.type === 'unit');
}

/**
 * The query a viewer may run: unchanged for the report readers; for a handler, limited to their
 * own unit. A handler who asks for another unit is refused (403), not silently shown their own:
 * a shared address that named another unit must not look like that unit's figures. Forbidden too
 * for a handler without a unit, or when the campaign has no unit question.
 */
export async function scopeResultsQuery(
	db: Database,
	campaignId: number,
	viewer: ResultsViewer,
	query: ResultsQuery
): Promise<ResultsQuery> {
	if (viewer === null || hasRole(viewer.role, REPORT_READERS)) {
		return query;
	}
	if (viewer.role !== 'handler' || viewer.unitId == null) {
		throw new Forbidden('forbidden');
	}
	if (!(await asksForUnit(db, campaignId))) {
		throw new Forbidden(
			'this questionnaire asks no unit: a handler reads results only of a campaign that does'
		);
	}
	const asked = query.filter.unit;
	if (asked?.length && asked.some((id) => id !== viewer.unitId)) {
		throw new Forbidden('a handler reads the results of their own unit only');
	}
	return { ...query, filter: { ...query.filter, unit: [viewer.unitId] } };
}

/** The campaigns whose results a handler may read (a unit question in some version), newest first. */
export async function campaignsWithUnitResults(
	db: Database
): Promise<{ slug: string; title: string }[]> {
	return queryRows<{ slug: string; title: string }>(
		db,
		sql`select c.slug, c.title from campaigns c
			where exists (select 1 from questionnaire_versions v
				cross join lateral jsonb_array_elements(v.questions) q
				where v.campaign_id = c.id and q ->> 'type' = 'unit')
			order by c.created_at desc, c.id desc`
	);
}
