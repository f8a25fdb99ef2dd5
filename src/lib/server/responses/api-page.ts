import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Channel } from '../../domain';
import type { Answers } from '../../questionnaire/types';
import type { Database } from '../db';
import { areas, questionnaireVersions, respondentGroups, responses, units } from '../db/schema';
import { maskPersonalData } from '../platform/personal-data';

/** Which responses of a campaign the API pages through; every part optional but `limit`. */
export interface ResponsePageQuery {
	/** Only responses after this id: the cursor of the page before. */
	after?: number;
	/** First and last day (YYYY-MM-DD, China time), both included. */
	from?: string;
	to?: string;
	channel?: Channel;
	areaId?: number;
	limit: number;
}

/**
 * One page of a campaign's stored responses, oldest first, for integrators: each one once however
 * many are added while they page (keyset on the id, not an offset). The contact columns only
 * `withContact` — otherwise they are not selected, and free text is masked (personal-data.ts) as
 * anywhere a reader without contact rights reads it. `next` is the id to continue after, or null on
 * the last page.
 */
export async function responsePage(
	db: Database,
	campaignId: number,
	q: ResponsePageQuery,
	withContact: boolean
) {
	const rows = await db
		.select({
			id: responses.id,
			submittedAt: responses.submittedAt,
			channel: responses.channel,
			version: questionnaireVersions.version,
			groupKey: respondentGroups.key,
			areaId: responses.areaId,
			area: areas.name,
			unitId: responses.unitId,
			unit: units.name,
			paper: sql<boolean>`${responses.enteredBy} is not null`,
			answers: responses.answers,
			contactName: withContact ? responses.contactName : sql<null>`null`,
			contactPhone: withContact ? responses.contactPhone : sql<null>`null`,
			contactEmail: withContact ? responses.contactEmail : sql<null>`null`
		})
		.from(responses)
		.innerJoin(questionnaireVersions, eq(responses.versionId, questionnaireVersions.id))
		.leftJoin(respondentGroups, eq(responses.groupId, respondentGroups.id))
		.leftJoin(areas, eq(responses.areaId, areas.id))
		.leftJoin(units, eq(responses.unitId, units.id))
		.where(
			and(
				eq(responses.campaignId, campaignId),
				q.after === undefined ? undefined : gt(responses.id, q.after),
				q.from === undefined
					? undefined
					: sql`${responses.submittedAt} >= (${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`,
				q.to === undefined
					? undefined
					: sql`${responses.submittedAt} < (${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`,
				q.channel === undefined ? undefined : eq(responses.channel, q.channel),
				q.areaId === undefined ? undefined : eq(responses.areaId, q.areaId)
			)
		)
		.orderBy(asc(responses.id))
		// One more than asked tells whether another page follows.
		.limit(q.limit + 1);
	const page = rows.slice(0, q.limit);
	return {
		items: page.map((r) => ({
			id: r.id,
			submittedAt: r.submittedAt.toISOString(),
			channel: r.channel,
			version: r.version,
			group: r.groupKey,
			area: r.areaId === null ? null : { id: r.areaId, name: r.area ?? '' },
			unit: r.unitId === null ? null : { id: r.unitId, name: r.unit ?? '' },
			enteredFromPaper: r.paper,
			answers: withContact ? r.answers : maskedAnswers(r.answers),
			...(withContact
				? { contact: { name: r.contactName, phone: r.contactPhone, email: r.contactEmail } }
				: {})
		})),
		next: rows.length > q.limit ? page[page.length - 1].id : null
	};
}

function maskedAnswers(answers: Answers): Answers {
	return Object.fromEntries(
		Object.entries(answers).map(([id, a]) => [id, typeof a === 'string' ? maskPersonalData(a) : a])
	);
}
