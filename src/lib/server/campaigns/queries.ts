import { count, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { campaigns, questionnaireVersions, responses, type Campaign } from '../db/schema';
import { NotFound } from '../platform/errors';

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
