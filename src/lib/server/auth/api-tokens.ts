import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ApiScope, CampaignStatus, Role } from '../../domain';
import { canSeeContact } from '../../roles';
import { recordAudit } from '../platform/audit';
import type { Database } from '../db';
import { apiTokens, campaigns, users } from '../db/schema';
import { NotFound } from '../platform/errors';

const PREFIX = 'xk_';
const hashOf = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export function listApiTokens(db: Database) {
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			scopes: apiTokens.scopes,
			campaign: campaigns.title,
			expiresAt: apiTokens.expiresAt,
			createdAt: apiTokens.createdAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt
		})
		.from(apiTokens)
		.leftJoin(campaigns, eq(apiTokens.campaignId, campaigns.id))
		.orderBy(desc(apiTokens.id));
}

export interface TokenGrant {
	name: string;
	scopes: ApiScope[];
	/** One campaign, or null for every campaign that is not a draft. */
	campaignId: number | null;
	/** The last day (China time) the token works, or null for no end. */
	expiresOn: string | null;
}

/** Returns the token itself exactly once; the database keeps only its SHA-256. */
export async function createApiToken(
	db: Database,
	actorId: number | null,
	grant: TokenGrant
): Promise<string> {
	const token = PREFIX + encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
	// Valid through the whole of its last day in China time.
	const expiresAt = grant.expiresOn
		? new Date(Date.parse(`${grant.expiresOn}T00:00:00+08:00`) + 86_400_000)
		: null;
	await db.transaction(async (tx) => {
		if (grant.campaignId !== null) {
			const [campaign] = await tx
				.select({ id: campaigns.id })
				.from(campaigns)
				.where(eq(campaigns.id, grant.campaignId));
			if (!campaign) throw new NotFound();
		}
		const [row] = await tx
			.insert(apiTokens)
			.values({
				name: grant.name,
				tokenHash: hashOf(token),
				scopes: grant.scopes,
				campaignId: grant.campaignId,
				expiresAt,
				createdBy: actorId
			})
			.returning({ id: apiTokens.id });
		await recordAudit(tx, {
			actorId,
			action: 'api_token.create',
			entity: 'api_token',
			entityId: row.id,
			after: { ...grant }
		});
	});
	return token;
}

export async function revokeApiToken(
	db: Database,
	actorId: number | null,
	id: number
): Promise<void> {
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(apiTokens)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
			.returning({ id: apiTokens.id });
		if (!row) throw new NotFound();
		await recordAudit(tx, {
			actorId,
			action: 'api_token.revoke',
			entity: 'api_token',
			entityId: id
		});
	});
}

/** A live token: what it may read. */
export interface ApiTokenRights {
	scopes: string[];
	campaignId: number | null;
	/** The role, today, of the account that made the token (null: made by a script). */
	creatorRole: Role | null;
}

/**
 * The rights of a live token — known, not revoked, not expired — or null; records when it was
 * last used. What it may read of which campaign is `tokenMayRead`'s question.
 */
export async function verifyApiToken(db: Database, token: string): Promise<ApiTokenRights | null> {
	if (!token.startsWith(PREFIX) || token.length > 100) return null;
	const [row] = await db
		.select({
			id: apiTokens.id,
			scopes: apiTokens.scopes,
			campaignId: apiTokens.campaignId,
			expiresAt: apiTokens.expiresAt,
			creatorRole: users.role
		})
		.from(apiTokens)
		.leftJoin(users, eq(apiTokens.createdBy, users.id))
		.where(and(eq(apiTokens.tokenHash, hashOf(token)), isNull(apiTokens.revokedAt)));
	if (!row || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
	await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
	return { scopes: row.scopes, campaignId: row.campaignId, creatorRole: row.creatorRole };
}

/**
 * Whether a token may read this part of this campaign: 'scope' when its scopes do not name it,
 * 'campaign' when it is bound to another campaign, 'draft' for a draft campaign it is not bound to
 * (a draft is nobody's business outside the office), else 'ok'.
 */
export function tokenMayRead(
	rights: ApiTokenRights,
	scope: ApiScope | null,
	campaign: { id: number; status: CampaignStatus }
): 'ok' | 'scope' | 'campaign' | 'draft' {
	// `null`: the campaign itself (its title, dates, status), which every token of it may read.
	if (scope !== null && !rights.scopes.includes(scope)) return 'scope';
	if (rights.campaignId !== null && rights.campaignId !== campaign.id) return 'campaign';
	if (campaign.status === 'draft' && rights.campaignId !== campaign.id) return 'draft';
	return 'ok';
}

/**
 * Whether a token may tell who did what: it never sees more than its maker could. Contact details
 * need the `contact` scope and a maker who may read them today (DESIGN.md's personal-data rule:
 * admin and organiser; a handler's per-item exception does not apply to a campaign's responses). A
 * token made by a script, or by an account since given another role, reads none.
 */
export function tokenMayReadContact(rights: ApiTokenRights): boolean {
	return (
		rights.scopes.includes('contact') &&
		rights.creatorRole !== null &&
		canSeeContact({ role: rights.creatorRole })
	);
}
