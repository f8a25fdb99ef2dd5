import { desc, eq } from 'drizzle-orm';
import { parseAnswers } from '../../questionnaire/answers';
import { organisationIdOf } from '../campaigns/questionnaire';
import type { Database } from '../db';
import { responseRevisions, responses, users } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { suggestionsChanged } from '../suggestions/changes';
import { syncItemsAfterCorrection } from '../suggestions/items';
import { canSeeContact } from '../../roles';
import { getResponseRecord, type ResponseViewer } from './records';

/** A revision's snapshot without the contact columns, for a viewer who may not see them. */
function withoutContact(snapshot: unknown): unknown {
	if (!snapshot || typeof snapshot !== 'object') return snapshot;
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { contactName, contactPhone, contactEmail, ...rest } = snapshot as Record<string, unknown>;
	return rest;
}

/** The history of a response; the contact details in it only for who may see them. */
export async function listRevisions(db: Database, responseId: number, viewer: ResponseViewer) {
	const rows = await db
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
	if (canSeeContact(viewer)) return rows;
	return rows.map((r) => ({
		...r,
		before: withoutContact(r.before),
		after: withoutContact(r.after)
	}));
}

/**
 * Corrects a stored response against its own questionnaire version; the previous content goes
 * into the response's history (and the audit log) in the same transaction. An actor who may not
 * see the contact details (a clerk after entry) corrects the answers only: the stored contact
 * stays as it is, whatever the form says about it.
 */
export async function correctResponse(
	db: Database,
	actor: ResponseViewer & { id: number },
	campaignId: number,
	id: number,
	anonymous: boolean,
	form: FormData
): Promise<{ errors: Record<string, string>; typed: Record<string, string | string[]> }> {
	const actorId = actor.id;
	const editsContact = canSeeContact(actor);
	const record = await getResponseRecord(db, campaignId, id, actor);
	const parsed = parseAnswers(record.questions, form);
	if (!editsContact) {
		for (const q of record.questions) if (q.type === 'contact') delete parsed.errors[q.id];
	}
	if (Object.keys(parsed.errors).length) return { errors: parsed.errors, typed: parsed.typed };
	const contact = anonymous ? null : parsed.contact;
	const after = {
		answers: parsed.answers,
		...(editsContact
			? {
					contactName: contact?.name || null,
					contactPhone: contact?.phone || null,
					contactEmail: contact?.email || null
				}
			: {}),
		// A form code fixed these when the form was printed; otherwise the answers decide them.
		...(record.formCodeId
			? {}
			: {
					groupId: organisationIdOf(parsed.groupOption),
					areaId: organisationIdOf(parsed.areaOption),
					unitId: organisationIdOf(parsed.unitOption)
				})
	};
	const itemsChanged = await db.transaction(async (tx) => {
		const [before] = await tx.select().from(responses).where(eq(responses.id, id)).for('update');
		await tx.update(responses).set(after).where(eq(responses.id, id));
		const changed = await syncItemsAfterCorrection(
			tx,
			{ id, campaignId },
			record.questions,
			parsed.answers
		);
		const snapshot = {
			answers: before.answers,
			contactName: before.contactName,
			contactPhone: before.contactPhone,
			contactEmail: before.contactEmail,
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
		return changed;
	});
	// After the commit, as intake does: the review queue's duplicate indexes and the categoriser's
	// counts see the corrected or new item.
	if (itemsChanged) suggestionsChanged('intake');
	return { errors: {}, typed: {} };
}
