// "Copy from an earlier campaign" (issue 16 point 2): a new draft with the earlier campaign's
// questionnaire and distribution plan, remembering where it came from so its results compare with
// it by default. Question and option ids are kept: that is what lines the two campaigns' answers
// up. Categories are the organisation's (one global list, not per campaign), so there are none to
// copy; form codes and responses belong to the earlier campaign alone.
import { asc, eq } from 'drizzle-orm';
import { checkQuestions } from '../../questionnaire/definition';
import { ORGANISATION_TYPES, type Question } from '../../questionnaire/types';
import type { CampaignInput } from '../../schemas/campaign';
import { isUniqueViolation, type Database } from '../db';
import { campaigns, distributions, type Campaign } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { Conflict, Invalid } from '../platform/errors';
import { campaignsChanged } from './public-copy';
import { latestVersion } from './queries';

/** The questionnaire a copy starts from: the latest published version, else the draft. */
async function questionsToCopy(db: Database, source: Campaign): Promise<Question[]> {
	const latest = await latestVersion(db, source.id);
	const questions = latest?.questions ?? source.draftQuestions;
	// Group, area and unit options are frozen from the organisation when the copy is published
	// (their ids, g3 / a5 / u7, are the organisation's rows, so they still line up).
	return questions.map((q) => (ORGANISATION_TYPES.includes(q.type) ? { ...q, options: [] } : q));
}

/**
 * Creates a draft campaign from `input` with the questionnaire and plan rows of the campaign
 * `sourceSlug`, all in one transaction. Invalid (400, on the `copyFrom` field) when there is no
 * such campaign; Invalid on `anonymous` when the new campaign is anonymous and the questionnaire
 * asks for contact details; Conflict when the slug is taken.
 */
export async function copyCampaign(
	db: Database,
	actorId: number | null,
	sourceSlug: string,
	input: CampaignInput
): Promise<Campaign> {
	try {
		return await db.transaction(async (tx) => {
			const [source] = await tx.select().from(campaigns).where(eq(campaigns.slug, sourceSlug));
			if (!source) {
				throw new Invalid('copy_source_unknown', { copyFrom: 'copy_source_unknown' });
			}
			const { questions, problems } = checkQuestions(
				await questionsToCopy(tx, source),
				input.anonymous
			);
			if (problems.some((p) => p.message === 'contact_on_anonymous')) {
				throw new Invalid('contact_on_anonymous', { anonymous: 'contact_on_anonymous' });
			}
			if (problems.length) {
				throw new Invalid('draft_invalid', { copyFrom: 'draft_invalid' });
			}
			const [campaign] = await tx
				.insert(campaigns)
				.values({
					...input,
					draftQuestions: questions,
					copiedFrom: source.id,
					createdBy: actorId
				})
				.returning();
			const plan = await tx
				.select()
				.from(distributions)
				.where(eq(distributions.campaignId, source.id))
				.orderBy(asc(distributions.id));
			if (plan.length) {
				// The issue dates were the earlier campaign's days: the new plan's are not known yet.
				await tx.insert(distributions).values(
					plan.map((row) => ({
						campaignId: campaign.id,
						groupId: row.groupId,
						unitId: row.unitId,
						areaId: row.areaId,
						channel: row.channel,
						issued: row.issued,
						note: row.note
					}))
				);
			}
			await recordAudit(tx, {
				actorId,
				action: 'campaign.copy',
				entity: 'campaign',
				entityId: campaign.id,
				after: {
					...input,
					copiedFrom: source.slug,
					questions: questions.length,
					planRows: plan.length
				}
			});
			return campaign;
		});
	} catch (e) {
		if (isUniqueViolation(e)) {
			throw new Conflict('slug_taken', { slug: 'slug_taken' });
		}
		throw e;
	} finally {
		campaignsChanged(db);
	}
}
