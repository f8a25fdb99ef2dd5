import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DistributionRowInput } from '../../schemas/distribution';
import { recordAudit } from '../platform/audit';
import type { Database } from '../db';
import {
	areas,
	distributions,
	formCodes,
	respondentGroups,
	units,
	type Campaign
} from '../db/schema';
import { Forbidden, Invalid, NotFound } from '../platform/errors';

export async function listDistribution(db: Database, campaignId: number) {
	return db
		.select({
			id: distributions.id,
			groupId: distributions.groupId,
			unitId: distributions.unitId,
			areaId: distributions.areaId,
			channel: distributions.channel,
			issued: distributions.issued,
			issuedOn: distributions.issuedOn,
			note: distributions.note,
			groupName: respondentGroups.nameZh,
			groupNameEn: respondentGroups.nameEn,
			unitName: units.name,
			areaName: areas.name,
			codes: sql<number>`(select count(*)::int from ${formCodes} where ${formCodes.distributionId} = ${distributions.id})`
		})
		.from(distributions)
		.leftJoin(respondentGroups, eq(distributions.groupId, respondentGroups.id))
		.leftJoin(units, eq(distributions.unitId, units.id))
		.leftJoin(areas, eq(distributions.areaId, areas.id))
		.where(eq(distributions.campaignId, campaignId))
		.orderBy(asc(distributions.id));
}

function assertWritable(campaign: Campaign) {
	if (campaign.status === 'archived') throw new Forbidden('archived_read_only');
}

/** Rows that name a group, unit or area must name one that exists: checked in one query per table. */
async function assertReferences(db: Database, rows: DistributionRowInput[]) {
	const check = async (
		table: typeof units | typeof areas | typeof respondentGroups,
		ids: number[],
		field: string
	) => {
		const unique = [...new Set(ids)];
		if (!unique.length) return;
		const found = await db
			.select({ id: table.id })
			.from(table)
			.where(sql`${table.id} in ${unique}`);
		if (found.length !== unique.length) throw new Invalid('invalid', { [field]: 'invalid' });
	};
	await check(
		respondentGroups,
		rows.flatMap((r) => (r.groupId ? [r.groupId] : [])),
		'groupId'
	);
	await check(
		units,
		rows.flatMap((r) => (r.unitId ? [r.unitId] : [])),
		'unitId'
	);
	await check(
		areas,
		rows.flatMap((r) => (r.areaId ? [r.areaId] : [])),
		'areaId'
	);
}

export async function saveDistributionRow(
	db: Database,
	actorId: number | null,
	campaign: Campaign,
	id: number | null,
	input: DistributionRowInput
) {
	assertWritable(campaign);
	await assertReferences(db, [input]);
	return db.transaction(async (tx) => {
		if (id == null) {
			const [row] = await tx
				.insert(distributions)
				.values({ ...input, campaignId: campaign.id })
				.returning();
			await recordAudit(tx, {
				actorId,
				action: 'distribution.create',
				entity: 'distribution',
				entityId: row.id,
				after: input
			});
			return row;
		}
		const where = and(eq(distributions.id, id), eq(distributions.campaignId, campaign.id));
		const [before] = await tx.select().from(distributions).where(where);
		if (!before) throw new NotFound();
		const [{ codes }] = await tx
			.select({ codes: count() })
			.from(formCodes)
			.where(eq(formCodes.distributionId, id));
		if (input.issued < codes) throw new Invalid('fewer_than_codes', { issued: 'fewer_than_codes' });
		const [row] = await tx
			.update(distributions)
			.set({ ...input, updatedAt: new Date() })
			.where(where)
			.returning();
		await recordAudit(tx, {
			actorId,
			action: 'distribution.update',
			entity: 'distribution',
			entityId: id,
			before,
			after: input
		});
		return row;
	});
}

export async function deleteDistributionRow(
	db: Database,
	actorId: number | null,
	campaign: Campaign,
	id: number
) {
	assertWritable(campaign);
	await db.transaction(async (tx) => {
		const where = and(eq(distributions.id, id), eq(distributions.campaignId, campaign.id));
		const [before] = await tx.select().from(distributions).where(where);
		if (!before) throw new NotFound();
		const [{ codes }] = await tx
			.select({ codes: count() })
			.from(formCodes)
			.where(eq(formCodes.distributionId, id));
		// Printed codes point at this row; deleting it would orphan forms already in people's hands.
		if (codes > 0) throw new Invalid('row_has_codes');
		await tx.delete(distributions).where(where);
		await recordAudit(tx, {
			actorId,
			action: 'distribution.delete',
			entity: 'distribution',
			entityId: id,
			before
		});
	});
}

/**
 * Rows per INSERT: each row binds 8 parameters, and a statement may bind at most 65,535 (8,192
 * rows in one statement failed with MAX_PARAMETERS_EXCEEDED). Chunks keep any import size safe.
 */
const INSERT_CHUNK_ROWS = 1_000;

/** Adds imported rows all at once or not at all (every chunk in one transaction). */
export async function importDistributionRows(
	db: Database,
	actorId: number | null,
	campaign: Campaign,
	rows: DistributionRowInput[]
): Promise<number> {
	assertWritable(campaign);
	if (!rows.length) return 0;
	await assertReferences(db, rows);
	return db.transaction(async (tx) => {
		for (let from = 0; from < rows.length; from += INSERT_CHUNK_ROWS) {
			const chunk = rows.slice(from, from + INSERT_CHUNK_ROWS);
			await tx.insert(distributions).values(chunk.map((r) => ({ ...r, campaignId: campaign.id })));
		}
		await recordAudit(tx, {
			actorId,
			action: 'distribution.import',
			entity: 'campaign',
			entityId: campaign.id,
			after: { rows: rows.length, issued: rows.reduce((s, r) => s + r.issued, 0) }
		});
		return rows.length;
	});
}
