import { asc, count, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import { campaigns, questionnaireVersions, responses, type Campaign } from '../db/schema';
import { NotFound } from '../platform/errors';

/** Every campaign, newest first; `where` narrows it (the API: the campaigns a token is for). */
export async function listCampaigns(db: Database, where?: SQL) {
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
		.where(where)
		.orderBy(desc(campaigns.id));
}

/** What `listCampaigns` gives a token: the campaign it is bound to, or every one but drafts. */
export function campaignsOfToken(campaignId: number | null): SQL {
	return campaignId === null ? ne(campaigns.status, 'draft') : eq(campaigns.id, campaignId);
}

/** `listCampaigns` narrowed to one campaign. */
export function onlyCampaign(campaignId: number): SQL {
	return eq(campaigns.id, campaignId);
}

export async function getCampaign(db: Database, slug: string): Promise<Campaign> {
	const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, slug));
	if (!campaign) throw new NotFound('no such campaign');
	return campaign;
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

/**
 * A campaign's published questionnaire versions, oldest first, with the questions an answer's
 * keys refer to (`answers[question.id]`).
 */
export async function publishedQuestionnaires(db: Database, campaignId: number) {
	const rows = await db
		.select({
			version: questionnaireVersions.version,
			publishedAt: questionnaireVersions.publishedAt,
			questions: questionnaireVersions.questions
		})
		.from(questionnaireVersions)
		.where(eq(questionnaireVersions.campaignId, campaignId))
		.orderBy(asc(questionnaireVersions.version));
	return rows.map((v) => ({
		version: v.version,
		publishedAt: v.publishedAt.toISOString(),
		questions: v.questions.map((q) => ({
			id: q.id,
			type: q.type,
			title: q.title,
			required: q.required,
			options: q.options.map((o) => ({ id: o.id, label: o.label })),
			...(q.type === 'matrix'
				? {
						points: q.points ?? 5,
						statements: (q.statements ?? []).map((s) => ({ id: s.id, label: s.label }))
					}
				: {})
		}))
	}));
}
