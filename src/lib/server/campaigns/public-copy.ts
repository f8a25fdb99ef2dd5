import type { Database } from '../db';
import type { Campaign, QuestionnaireVersion } from '../db/schema';
import { getCampaign, latestVersion } from './queries';

/**
 * The public form reads its campaign and current version on every view and every submission; a
 * per-process copy saves both queries. Every write in campaigns/ calls `campaignsChanged` after
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
