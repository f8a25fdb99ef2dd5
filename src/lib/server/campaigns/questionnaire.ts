import { and, asc, eq } from 'drizzle-orm';
import { checkQuestions } from '../../questionnaire/definition';
import { questionsOnly } from '../../questionnaire/sections';
import type { Question, QuestionOption } from '../../questionnaire/types';
import { isUniqueViolation, type Database } from '../db';
import { areas, campaigns, questionnaireVersions, respondentGroups, units } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { Conflict, Invalid, NotFound } from '../platform/errors';
import { assertEditable } from './campaigns';
import { campaignsChanged } from './public-copy';
import { getCampaign, latestVersion } from './queries';

export interface DraftProblem {
	index: number;
	field: string;
	message: string;
}

/** Saves the builder's working copy; nothing a respondent sees changes until it is published. */
export async function saveDraft(
	db: Database,
	actorId: number | null,
	slug: string,
	input: unknown
): Promise<{ problems: DraftProblem[] }> {
	const campaign = await getCampaign(db, slug);
	assertEditable(campaign);
	const organisation = await organisationOptions(db);
	const { questions, problems } = checkQuestions(input, campaign.anonymous, organisation);
	if (problems.length) return { problems };
	await db.transaction(async (tx) => {
		await tx
			.update(campaigns)
			.set({ draftQuestions: questions, updatedAt: new Date() })
			.where(eq(campaigns.id, campaign.id));
		await recordAudit(tx, {
			actorId,
			action: 'questionnaire.save',
			entity: 'campaign',
			entityId: campaign.id,
			after: { questions: questions.length }
		});
	});
	campaignsChanged(db);
	return { problems: [] };
}

/** Group/area/unit options are frozen from the organisation at publication, so old answers keep their meaning. */
export async function organisationOptions(
	db: Database
): Promise<Record<'group' | 'area' | 'unit', QuestionOption[]>> {
	const [groupRows, areaRows, unitRows] = await Promise.all([
		db
			.select()
			.from(respondentGroups)
			.where(eq(respondentGroups.active, true))
			.orderBy(asc(respondentGroups.sortOrder), asc(respondentGroups.id)),
		db
			.select()
			.from(areas)
			.where(eq(areas.active, true))
			.orderBy(asc(areas.sortOrder), asc(areas.id)),
		db
			.select()
			.from(units)
			.where(eq(units.active, true))
			.orderBy(asc(units.sortOrder), asc(units.id))
	]);
	return {
		group: groupRows.map((g) => ({ id: `g${g.id}`, label: g.nameZh })),
		area: areaRows.map((a) => ({ id: `a${a.id}`, label: a.name })),
		unit: unitRows
			.filter((u) => u.kind !== 'company')
			.map((u) => ({ id: `u${u.id}`, label: u.name }))
	};
}

/** JSON with sorted keys: jsonb reorders keys, so plain JSON.stringify would see changes that are not there. */
function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
			: v
	);
}

/** The numeric row id behind a frozen group/area/unit option id (`g3` → 3). */
export function organisationIdOf(optionId: string | null): number | null {
	const n = optionId ? Number(optionId.slice(1)) : NaN;
	return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * Freezes the draft into the next version. Publishing an unchanged draft adds no version. Two
 * organisers publishing at once cannot both get the same number: the unique index decides.
 */
export async function publishQuestionnaire(db: Database, actorId: number | null, slug: string) {
	const campaign = await getCampaign(db, slug);
	assertEditable(campaign);
	// The organisation's options of now are what publication freezes, so a condition naming an
	// area (group, unit) retired since the draft was saved is refused here.
	const options = await organisationOptions(db);
	const { questions, problems } = checkQuestions(
		campaign.draftQuestions,
		campaign.anonymous,
		options
	);
	if (problems.length) throw new Invalid('draft_invalid');
	if (questionsOnly(questions).length === 0) throw new Invalid('questionnaire_empty');
	const frozen: Question[] = questions.map((q) =>
		q.type === 'group' || q.type === 'area' || q.type === 'unit'
			? { ...q, options: options[q.type] }
			: q
	);
	try {
		return await db.transaction(async (tx) => {
			const latest = await latestVersion(tx, campaign.id);
			if (latest && canonicalJson(latest.questions) === canonicalJson(frozen)) return latest;
			const [row] = await tx
				.insert(questionnaireVersions)
				.values({
					campaignId: campaign.id,
					version: (latest?.version ?? 0) + 1,
					questions: frozen,
					publishedBy: actorId
				})
				.returning();
			await recordAudit(tx, {
				actorId,
				action: 'questionnaire.publish',
				entity: 'campaign',
				entityId: campaign.id,
				after: { version: row.version }
			});
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new Conflict('publish_race');
		throw e;
	} finally {
		campaignsChanged(db);
	}
}

/** One published version of a campaign's questionnaire, or NotFound. */
export async function getVersion(db: Database, campaignId: number, version: number) {
	if (!Number.isInteger(version) || version < 1) throw new NotFound();
	const [row] = await db
		.select()
		.from(questionnaireVersions)
		.where(
			and(
				eq(questionnaireVersions.campaignId, campaignId),
				eq(questionnaireVersions.version, version)
			)
		);
	if (!row) throw new NotFound();
	return row;
}

/**
 * Starts the draft again from an old version: the builder's working copy becomes that version's
 * questions (same ids, so answers and results keep lining up); nothing published changes until
 * the draft is published as a new version.
 */
export async function draftFromVersion(
	db: Database,
	actorId: number | null,
	slug: string,
	version: number
): Promise<void> {
	const campaign = await getCampaign(db, slug);
	assertEditable(campaign);
	const old = await getVersion(db, campaign.id, version);
	await db.transaction(async (tx) => {
		await tx
			.update(campaigns)
			.set({ draftQuestions: old.questions, updatedAt: new Date() })
			.where(eq(campaigns.id, campaign.id));
		await recordAudit(tx, {
			actorId,
			action: 'questionnaire.draft_from_version',
			entity: 'campaign',
			entityId: campaign.id,
			after: { version: old.version, questions: old.questions.length }
		});
	});
	campaignsChanged(db);
}
