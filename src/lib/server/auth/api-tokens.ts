import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../platform/audit';
import type { Database } from '../db';
import { apiTokens } from '../db/schema';
import { NotFound } from '../platform/errors';

const PREFIX = 'xk_';
const hashOf = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export function listApiTokens(db: Database) {
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			createdAt: apiTokens.createdAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt
		})
		.from(apiTokens)
		.orderBy(desc(apiTokens.id));
}

/** Returns the token itself exactly once; the database keeps only its SHA-256. */
export async function createApiToken(
	db: Database,
	actorId: number | null,
	name: string
): Promise<string> {
	const token = PREFIX + encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
	await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(apiTokens)
			.values({ name, tokenHash: hashOf(token), createdBy: actorId })
			.returning({ id: apiTokens.id });
		await recordAudit(tx, {
			actorId,
			action: 'api_token.create',
			entity: 'api_token',
			entityId: row.id,
			after: { name }
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

/** True for a live (not revoked) token; records when it was last used. */
export async function verifyApiToken(db: Database, token: string): Promise<boolean> {
	if (!token.startsWith(PREFIX) || token.length > 100) return false;
	const [row] = await db
		.update(apiTokens)
		.set({ lastUsedAt: new Date() })
		.where(and(eq(apiTokens.tokenHash, hashOf(token)), isNull(apiTokens.revokedAt)))
		.returning({ id: apiTokens.id });
	return !!row;
}
