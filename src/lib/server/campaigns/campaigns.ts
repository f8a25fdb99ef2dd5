import { and, eq } from 'drizzle-orm';
import { CAMPAIGN_TRANSITIONS, type CampaignStatus } from '../../domain';
import type { CampaignInput } from '../../schemas/campaign';
import { isUniqueViolation, type Database } from '../db';
import { campaigns, type Campaign } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { Conflict, Forbidden, Invalid } from '../platform/errors';
import { emitWebhookEvent } from '../webhooks/events';
import { campaignsChanged } from './public-copy';
import { getCampaign, latestVersion } from './queries';

/** An archived campaign is kept as it was: nothing in it changes any more. */
export function assertEditable(campaign: Campaign) {
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
		if (status === 'open' || status === 'closed') {
			await emitWebhookEvent(tx, status === 'open' ? 'campaign.opened' : 'campaign.closed', {
				campaignId: campaign.id,
				slug: campaign.slug,
				campaignTitle: campaign.title
			});
		}
		return after;
	});
	campaignsChanged(db);
	return changed;
}
