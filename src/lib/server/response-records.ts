import { and, asc, count, desc, eq } from 'drizzle-orm';
import { parseAnswers } from '../questionnaire/answers';
import { recordAudit } from './audit';
import { organisationIdOf } from './campaigns';
import type { Database } from './db';
import {
	areas,
	formCodes,
	questionnaireVersions,
	respondentGroups,
	responseRevisions,
	responses,
	units,
	users
} from './db/schema';
import { NotFound } from './errors';
import { syncItemsAfterCorrection } from './suggestions/items';

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

export function listRevisions(db: Database, responseId: number) {
	return db
		.select({
			id: responseRevisions.id,
			at: responseRevisions.at,
			user: users.username,
			before: responseRevisions.before,
			after: responseRevisions.after
		})
		.from(responseRevisions)
		.leftJoin(users, eq(responseRevisions.userId, users.id))
		.where(eq(responseRevisions.responseId, responseId))
		.orderBy(desc(responseRevisions.id));
}

/**
 * Corrects a stored response against its own questionnaire version; the previous content goes
 * into the response's history (and the audit log) in the same transaction.
 */
export async function correctResponse(
	db: Database,
	actorId: number,
	campaignId: number,
	id: number,
	anonymous: boolean,
	form: FormData
): Promise<{ errors: Record<string, string>; typed: Record<string, string | string[]> }> {
	const record = await getResponseRecord(db, campaignId, id);
	const parsed = parseAnswers(record.questions, form);
	if (Object.keys(parsed.errors).length) return { errors: parsed.errors, typed: parsed.typed };
	const contact = anonymous ? null : parsed.contact;
	const after = {
		answers: parsed.answers,
		contactName: contact?.name || null,
		contactPhone: contact?.phone || null,
		// A form code fixed these when the form was printed; otherwise the answers decide them.
		...(record.formCodeId
			? {}
			: {
					groupId: organisationIdOf(parsed.groupOption),
					areaId: organisationIdOf(parsed.areaOption),
					unitId: organisationIdOf(parsed.unitOption)
				})
	};
	await db.transaction(async (tx) => {
		const [before] = await tx.select().from(responses).where(eq(responses.id, id)).for('update');
		await tx.update(responses).set(after).where(eq(responses.id, id));
		await syncItemsAfterCorrection(tx, { id, campaignId }, record.questions, parsed.answers);
		const snapshot = {
			answers: before.answers,
			contactName: before.contactName,
			contactPhone: before.contactPhone,
			groupId: before.groupId,
			areaId: before.areaId,
			unitId: before.unitId
		};
		await tx
			.insert(responseRevisions)
			.values({ responseId: id, userId: actorId, before: snapshot, after });
		await recordAudit(tx, {
			actorId,
			action: 'response.correct',
			entity: 'response',
			entityId: id,
			before: { answers: before.answers },
			after: { answers: after.answers }
		});
	});
	return { errors: {}, typed: {} };
}
