import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { CAMPAIGN_TRANSITIONS, type CampaignStatus } from '../domain';
import { checkQuestions } from '../questionnaire/definition';
import type { Question, QuestionOption } from '../questionnaire/types';
import type { CampaignInput } from '../schemas/campaign';
import { recordAudit } from './audit';
import { isUniqueViolation, type Database } from './db';
import {
	areas,
	campaigns,
	questionnaireVersions,
	respondentGroups,
	responses,
	units,
	type Campaign,
	type QuestionnaireVersion
} from './db/schema';
import { Conflict, Forbidden, Invalid, NotFound } from './errors';

export async function listCampaigns(db: Database) {
	return db
		.select({
			id: campaigns.id,
			slug: campaigns.slug,
			title: campaigns.title,
			status: campaigns.status,
			startsOn: campaigns.startsOn,
			endsOn: campaigns.endsOn,
			anonymous: campaigns.anonymous,
			// Drizzle leaves columns unqualified in a query without joins, so the outer table is named
			// here by hand; every response is tallied once under its channel (response_tallies).
			responses: sql<number>`(select coalesce(sum(t.n), 0)::int from response_tallies t where t.campaign_id = "campaigns"."id" and t.dim = 'channel')`
		})
		.from(campaigns)
		.orderBy(desc(campaigns.id));
}

export async function getCampaign(db: Database, slug: string): Promise<Campaign> {
	const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, slug));
	if (!campaign) throw new NotFound();
	return campaign;
}

/**
 * The public form reads its campaign and current version on every view and every submission; a
 * per-process copy saves both queries. Every write in this module calls `campaignsChanged` after
 * it commits, and a read that began before a change is not kept (the generation moved on), so this
 * process never serves a stale copy. Another process (a CLI run beside the server) is covered by the
 * short lifetime of each copy.
 */
const PUBLIC_COPY_MS = 5_000;
interface PublicCopy {
	campaign: Campaign;
	version: QuestionnaireVersion | null;
	at: number;
}
const publicCopies = new WeakMap<
	Database,
	{ generation: number; bySlug: Map<string, PublicCopy> }
>();

function publicCopiesOf(db: Database) {
	let copies = publicCopies.get(db);
	if (!copies) {
		copies = { generation: 0, bySlug: new Map() };
		publicCopies.set(db, copies);
	}
	return copies;
}

/** Forget every cached public copy of this database's campaigns (call after the write commits). */
export function campaignsChanged(db: Database): void {
	const copies = publicCopiesOf(db);
	copies.generation++;
	copies.bySlug.clear();
}

export async function publicCampaign(
	db: Database,
	slug: string,
	now = Date.now()
): Promise<{ campaign: Campaign; version: QuestionnaireVersion | null }> {
	const copies = publicCopiesOf(db);
	const copy = copies.bySlug.get(slug);
	if (copy && now - copy.at < PUBLIC_COPY_MS) return copy;
	const generation = copies.generation;
	const campaign = await getCampaign(db, slug);
	const version = await latestVersion(db, campaign.id);
	if (copies.generation === generation) {
		// Slugs that do not exist are not kept (getCampaign threw), so the map holds real campaigns only.
		copies.bySlug.set(slug, { campaign, version, at: now });
	}
	return { campaign, version };
}

function assertEditable(campaign: Campaign) {
	if (campaign.status === 'archived') throw new Forbidden('archived_read_only');
}

export async function createCampaign(db: Database, actorId: number | null, input: CampaignInput) {
	try {
		return await db.transaction(async (tx) => {
			const [campaign] = await tx
				.insert(campaigns)
				.values({ ...input, createdBy: actorId })
				.returning();
			await recordAudit(tx, {
				actorId,
				action: 'campaign.create',
				entity: 'campaign',
				entityId: campaign.id,
				after: input
			});
			return campaign;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new Conflict('slug_taken', { slug: 'slug_taken' });
		throw e;
	} finally {
		campaignsChanged(db);
	}
}

export async function updateCampaign(
	db: Database,
	actorId: number | null,
	slug: string,
	input: CampaignInput
): Promise<Campaign> {
	try {
		return await db.transaction(async (tx) => {
			const before = await getCampaign(tx, slug);
			assertEditable(before);
			if (input.anonymous && (await usesContact(tx, before))) {
				throw new Invalid('contact_on_anonymous', { anonymous: 'contact_on_anonymous' });
			}
			const [after] = await tx
				.update(campaigns)
				.set({ ...input, updatedAt: new Date() })
				.where(eq(campaigns.id, before.id))
				.returning();
			const { draftQuestions: _d, ...beforeRow } = before;
			await recordAudit(tx, {
				actorId,
				action: 'campaign.update',
				entity: 'campaign',
				entityId: before.id,
				before: beforeRow,
				after: input
			});
			return after;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new Conflict('slug_taken', { slug: 'slug_taken' });
		throw e;
	} finally {
		campaignsChanged(db);
	}
}

/** A campaign may not turn anonymous while its draft or its current version asks for contact details. */
async function usesContact(db: Database, campaign: Campaign): Promise<boolean> {
	const latest = await latestVersion(db, campaign.id);
	return [...campaign.draftQuestions, ...(latest?.questions ?? [])].some(
		(q) => q.type === 'contact'
	);
}

export async function setCampaignStatus(
	db: Database,
	actorId: number | null,
	slug: string,
	status: CampaignStatus
): Promise<Campaign> {
	const changed = await db.transaction(async (tx) => {
		const campaign = await getCampaign(tx, slug);
		if (!CAMPAIGN_TRANSITIONS[campaign.status].includes(status)) {
			throw new Invalid('status_transition', { status: 'status_transition' });
		}
		if (status === 'open' && !(await latestVersion(tx, campaign.id))) {
			throw new Invalid('publish_first', { status: 'publish_first' });
		}
		const [after] = await tx
			.update(campaigns)
			.set({ status, updatedAt: new Date() })
			.where(and(eq(campaigns.id, campaign.id), eq(campaigns.status, campaign.status)))
			.returning();
		if (!after) throw new Conflict('status_transition');
		await recordAudit(tx, {
			actorId,
			action: 'campaign.status',
			entity: 'campaign',
			entityId: campaign.id,
			before: { status: campaign.status },
			after: { status }
		});
		return after;
	});
	campaignsChanged(db);
	return changed;
}

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
	const { questions, problems } = checkQuestions(input, campaign.anonymous);
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
	const { questions, problems } = checkQuestions(campaign.draftQuestions, campaign.anonymous);
	if (problems.length) throw new Invalid('draft_invalid');
	if (questions.length === 0) throw new Invalid('questionnaire_empty');
	const options = await organisationOptions(db);
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

export async function latestVersion(db: Database, campaignId: number) {
	const [row] = await db
		.select()
		.from(questionnaireVersions)
		.where(eq(questionnaireVersions.campaignId, campaignId))
		.orderBy(desc(questionnaireVersions.version))
		.limit(1);
	return row ?? null;
}

export async function listVersions(db: Database, campaignId: number) {
	return db
		.select({
			id: questionnaireVersions.id,
			version: questionnaireVersions.version,
			publishedAt: questionnaireVersions.publishedAt,
			questionCount: sql<number>`jsonb_array_length(${questionnaireVersions.questions})`,
			responses: count(responses.id)
		})
		.from(questionnaireVersions)
		.leftJoin(responses, eq(responses.versionId, questionnaireVersions.id))
		.where(eq(questionnaireVersions.campaignId, campaignId))
		.groupBy(questionnaireVersions.id)
		.orderBy(desc(questionnaireVersions.version));
}

/**
 * Campaigns newest first, and the one a review or report page opens by default: the one with
 * the latest suggestion (where the work is), else the newest.
 */
export async function campaignsForReview(db: Database) {
	const list = await db
		.select({
			id: campaigns.id,
			title: campaigns.title,
			slug: campaigns.slug,
			latest: sql<
				string | null
			>`(select max(created_at)::text from suggestions s where s.campaign_id = "campaigns"."id")`
		})
		.from(campaigns)
		.orderBy(desc(campaigns.id));
	const busiest = [...list]
		.filter((c) => c.latest)
		.sort((a, b) => (b.latest! > a.latest! ? 1 : -1))[0];
	return { list, preferred: busiest ?? list[0] ?? null };
}
