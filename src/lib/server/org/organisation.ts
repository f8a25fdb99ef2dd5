import { asc, eq } from 'drizzle-orm';
import type { AreaInput, GroupInput, UnitInput } from '../../schemas/admin';
import { recordAudit } from '../platform/audit';
import { isUniqueViolation, type Database } from '../db';
import { areas, respondentGroups, units, type Unit } from '../db/schema';
import { Conflict, Invalid, NotFound } from '../platform/errors';

type Entity = 'unit' | 'area' | 'group';
type TableWithId = typeof units | typeof areas | typeof respondentGroups;

/** Insert or update one row of an organisation table, with its audit entry, in one transaction. */
async function saveRow<T extends { id: number }>(
	db: Database,
	actorId: number | null,
	entity: Entity,
	table: TableWithId,
	id: number | null,
	values: Record<string, unknown>,
	check?: (tx: Database) => Promise<void>
): Promise<T> {
	try {
		return await db.transaction(async (tx) => {
			await check?.(tx);
			if (id == null) {
				const [after] = (await tx.insert(table).values(values).returning()) as unknown as T[];
				await recordAudit(tx, {
					actorId,
					action: `${entity}.create`,
					entity,
					entityId: after.id,
					after
				});
				return after;
			}
			const [before] = (await tx.select().from(table).where(eq(table.id, id))) as unknown as T[];
			if (!before) throw new NotFound();
			const [after] = (await tx
				.update(table)
				.set({ ...values, updatedAt: new Date() })
				.where(eq(table.id, id))
				.returning()) as unknown as T[];
			await recordAudit(tx, {
				actorId,
				action: `${entity}.update`,
				entity,
				entityId: id,
				before,
				after
			});
			return after;
		});
	} catch (e) {
		if (isUniqueViolation(e)) {
			throw new Conflict('name_taken', { [entity === 'group' ? 'key' : 'name']: 'name_taken' });
		}
		throw e;
	}
}

export function listUnits(db: Database): Promise<Unit[]> {
	return db.select().from(units).orderBy(asc(units.sortOrder), asc(units.id));
}

export interface UnitNode extends Unit {
	depth: number;
}

/** Units in tree order (each parent followed by its children), with their depth for indenting. */
export function unitTree(all: Unit[]): UnitNode[] {
	const children = new Map<number | null, Unit[]>();
	for (const unit of all) {
		const list = children.get(unit.parentId) ?? [];
		list.push(unit);
		children.set(unit.parentId, list);
	}
	const out: UnitNode[] = [];
	const visit = (parentId: number | null, depth: number) => {
		for (const unit of children.get(parentId) ?? []) {
			out.push({ ...unit, depth });
			visit(unit.id, depth + 1);
		}
	};
	visit(null, 0);
	return out;
}

export function saveUnit(
	db: Database,
	actorId: number | null,
	id: number | null,
	input: UnitInput
) {
	return saveRow<Unit>(db, actorId, 'unit', units, id, input, async (tx) => {
		if (input.parentId == null) return;
		// Walk up from the new parent: meeting the unit itself would make the tree a loop.
		let cursor: number | null = input.parentId;
		while (cursor != null) {
			if (cursor === id) throw new Invalid('unit_cycle', { parentId: 'unit_cycle' });
			const [parent]: { parentId: number | null }[] = await tx
				.select({ parentId: units.parentId })
				.from(units)
				.where(eq(units.id, cursor));
			if (!parent) throw new Invalid('invalid', { parentId: 'invalid' });
			cursor = parent.parentId;
		}
	});
}

export function listAreas(db: Database) {
	return db.select().from(areas).orderBy(asc(areas.sortOrder), asc(areas.id));
}

export function saveArea(
	db: Database,
	actorId: number | null,
	id: number | null,
	input: AreaInput
) {
	return saveRow<typeof areas.$inferSelect>(db, actorId, 'area', areas, id, input);
}

export function listGroups(db: Database) {
	return db
		.select()
		.from(respondentGroups)
		.orderBy(asc(respondentGroups.sortOrder), asc(respondentGroups.id));
}

export function saveGroup(
	db: Database,
	actorId: number | null,
	id: number | null,
	input: GroupInput
) {
	return saveRow<typeof respondentGroups.$inferSelect>(
		db,
		actorId,
		'group',
		respondentGroups,
		id,
		input
	);
}
