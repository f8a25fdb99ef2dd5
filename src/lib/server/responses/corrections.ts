import { desc, eq } from 'drizzle-orm';
import { parseAnswers } from '../../questionnaire/answers';
import { organisationIdOf } from '../campaigns/questionnaire';
import type { Database } from '../db';
import { responseRevisions, responses, users } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { syncItemsAfterCorrection } from '../suggestions/items';
import { getResponseRecord } from './records';

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
