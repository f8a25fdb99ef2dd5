import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../domain';
import { canSeeContact } from '../../roles';
import type { Database } from '../db';
import {
	areas,
	formCodes,
	questionnaireVersions,
	respondentGroups,
	responses,
	units,
	users
} from '../db/schema';
import { NotFound } from '../platform/errors';

/** Who reads response pages: `canSeeContact` decides whether the contact columns are loaded. */
export interface ResponseViewer {
	role: Role;
	unitId?: number | null;
}

const noContact = sql<string | null>`null`;

/**
 * Responses with everything a reader needs to show them against their own version; the contact
 * columns only when `withContact` (otherwise they are not even selected, but null).
 */
function responseQuery(db: Database, withContact = true) {
	return db
		.select({
			id: responses.id,
			receiptCode: responses.receiptCode,
			channel: responses.channel,
			submittedAt: responses.submittedAt,
			answers: responses.answers,
			contactName: withContact ? responses.contactName : noContact,
			contactPhone: withContact ? responses.contactPhone : noContact,
			contactEmail: withContact ? responses.contactEmail : noContact,
			formCodeId: responses.formCodeId,
			formCode: formCodes.code,
			version: questionnaireVersions.version,
			questions: questionnaireVersions.questions,
			group: respondentGroups.nameZh,
			area: areas.name,
			unit: units.name,
			enteredBy: users.username
		})
		.from(responses)
		.innerJoin(questionnaireVersions, eq(responses.versionId, questionnaireVersions.id))
		.leftJoin(formCodes, eq(responses.formCodeId, formCodes.id))
		.leftJoin(respondentGroups, eq(responses.groupId, respondentGroups.id))
		.leftJoin(areas, eq(responses.areaId, areas.id))
		.leftJoin(units, eq(responses.unitId, units.id))
		.leftJoin(users, eq(responses.enteredBy, users.id));
}

export type ResponseRecord = Awaited<
	ReturnType<ReturnType<typeof responseQuery>['execute']>
>[number];

export async function listResponsePage(
	db: Database,
	viewer: ResponseViewer,
	campaignId: number,
	page: number,
	pageSize = 50,
	/** Narrows the page further (results/matching-responses.ts: the responses behind a figure). */
	only?: SQL
) {
	const where = and(eq(responses.campaignId, campaignId), only);
	const [rows, [{ total }]] = await Promise.all([
		responseQuery(db, canSeeContact(viewer))
			.where(where)
			.orderBy(desc(responses.id))
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db.select({ total: count() }).from(responses).where(where)
	]);
	return { rows, total, page, pageSize };
}

/**
 * Every response of a campaign, oldest first, for export (a campaign has thousands, not millions);
 * the contact columns only `withContact` (otherwise not even selected).
 */
export function allResponses(db: Database, campaignId: number, withContact: boolean) {
	return responseQuery(db, withContact)
		.where(eq(responses.campaignId, campaignId))
		.orderBy(asc(responses.id));
}

/** One response as `viewer` may read it: a clerk's correction page gets no contact columns. */
export async function getResponseRecord(
	db: Database,
	campaignId: number,
	id: number,
	viewer: ResponseViewer
) {
	const [row] = await responseQuery(db, canSeeContact(viewer)).where(
		and(eq(responses.id, id), eq(responses.campaignId, campaignId))
	);
	if (!row) throw new NotFound();
	return row;
}

/** The newest responses of a campaign, for its overview page. */
export async function listResponses(db: Database, campaignId: number, limit = 50) {
	return db
		.select({
			id: responses.id,
			receiptCode: responses.receiptCode,
			channel: responses.channel,
			submittedAt: responses.submittedAt,
			answers: responses.answers,
			version: questionnaireVersions.version,
			questions: questionnaireVersions.questions
		})
		.from(responses)
		.innerJoin(questionnaireVersions, eq(responses.versionId, questionnaireVersions.id))
		.where(eq(responses.campaignId, campaignId))
		.orderBy(desc(responses.id))
		.limit(limit);
}
