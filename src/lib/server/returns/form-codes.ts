import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import { generateFormCode, normaliseFormCode } from '../../form-code';
import { recordAudit } from '../platform/audit';
import type { Database } from '../db';
import {
	distributions,
	formCodes,
	responses,
	type Campaign,
	type Distribution
} from '../db/schema';
import { Invalid, NotFound } from '../platform/errors';

async function distributionOf(db: Database, campaign: Campaign, distributionId: number) {
	const [row] = await db
		.select()
		.from(distributions)
		.where(and(eq(distributions.id, distributionId), eq(distributions.campaignId, campaign.id)));
	if (!row) throw new NotFound();
	return row;
}

/** Adds `wanted` new codes to a distribution row; a row never gets more codes than forms it issued. */
export async function generateFormCodes(
	db: Database,
	actorId: number | null,
	campaign: Campaign,
	distributionId: number,
	wanted: number
): Promise<number> {
	const row = await distributionOf(db, campaign, distributionId);
	return db.transaction(async (tx) => {
		// Lock the row so two clicks cannot both pass the "remaining" check.
		await tx
			.select({ id: distributions.id })
			.from(distributions)
			.where(eq(distributions.id, row.id))
			.for('update');
		const [{ existing }] = await tx
			.select({ existing: count() })
			.from(formCodes)
			.where(eq(formCodes.distributionId, row.id));
		if (wanted > row.issued - existing) {
			throw new Invalid('too_many_codes', { count: 'too_many_codes' });
		}
		let added = 0;
		while (added < wanted) {
			const batch = Array.from({ length: Math.min(1000, wanted - added) }, () => ({
				campaignId: campaign.id,
				distributionId: row.id,
				code: generateFormCode()
			}));
			// A random collision (31⁷ ≈ 2.75 × 10¹⁰ codes, about 34.7 bits; the eighth character is a
			// check) only skips that code; the loop makes up the number.
			const inserted = await tx
				.insert(formCodes)
				.values(batch)
				.onConflictDoNothing()
				.returning({ id: formCodes.id });
			added += inserted.length;
		}
		await recordAudit(tx, {
			actorId,
			action: 'form_codes.generate',
			entity: 'distribution',
			entityId: row.id,
			after: { added }
		});
		return added;
	});
}

export async function listFormCodes(db: Database, campaign: Campaign, distributionId: number) {
	const row = await distributionOf(db, campaign, distributionId);
	const codes = await db
		.select({ code: formCodes.code, used: isNotNull(responses.id) })
		.from(formCodes)
		.leftJoin(responses, eq(responses.formCodeId, formCodes.id))
		.where(eq(formCodes.distributionId, row.id))
		.orderBy(asc(formCodes.id));
	return { distribution: row, codes };
}

export interface ResolvedFormCode {
	id: number;
	code: string;
	distribution: Distribution;
	used: boolean;
	/** The response that used the code, if it was used. */
	responseId: number | null;
}

/** A code typed, scanned or carried in `?c=`: valid for this campaign, with its row and whether it was used. */
export async function resolveFormCode(
	db: Database,
	campaignId: number,
	input: string
): Promise<ResolvedFormCode | null> {
	const code = normaliseFormCode(input);
	if (!code) return null;
	const [row] = await db
		.select({
			id: formCodes.id,
			code: formCodes.code,
			distribution: distributions,
			responseId: responses.id
		})
		.from(formCodes)
		.innerJoin(distributions, eq(formCodes.distributionId, distributions.id))
		.leftJoin(responses, eq(responses.formCodeId, formCodes.id))
		.where(and(eq(formCodes.code, code), eq(formCodes.campaignId, campaignId)));
	if (!row) return null;
	return {
		id: row.id,
		code: row.code,
		distribution: row.distribution,
		used: row.responseId != null,
		responseId: row.responseId ?? null
	};
}
