import { and, asc, count, desc, eq } from 'drizzle-orm';
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

/** Responses with everything a reader needs to show them against their own version. */
function responseQuery(db: Database) {
	return db
		.select({
			id: responses.id,
			receiptCode: responses.receiptCode,
			channel: responses.channel,
			submittedAt: responses.submittedAt,
			answers: responses.answers,
			contactName: responses.contactName,
			contactPhone: responses.contactPhone,
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
	campaignId: number,
	page: number,
	pageSize = 50
) {
	const where = eq(responses.campaignId, campaignId);
	const [rows, [{ total }]] = await Promise.all([
		responseQuery(db)
			.where(where)
			.orderBy(desc(responses.id))
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db.select({ total: count() }).from(responses).where(where)
	]);
	return { rows, total, page, pageSize };
}

/** Every response of a campaign, oldest first, for export (a campaign has thousands, not millions). */
export function allResponses(db: Database, campaignId: number) {
	return responseQuery(db).where(eq(responses.campaignId, campaignId)).orderBy(asc(responses.id));
}

export async function getResponseRecord(db: Database, campaignId: number, id: number) {
	const [row] = await responseQuery(db).where(
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
