import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { categoryInput } from '../../schemas/suggestion';
import { recordAudit } from '../platform/audit';
import { isUniqueViolation, type Database } from '../db';
import { categories, units } from '../db/schema';
import { Conflict, Invalid, NotFound } from '../platform/errors';

/** What a selector or filter shows of a category. */
const choiceColumns = {
	id: categories.id,
	key: categories.key,
	nameZh: categories.nameZh,
	nameEn: categories.nameEn,
	active: categories.active
};

/** The taxonomy as a choice list for selectors and filters: every category, or only the active ones. */
export function categoryChoices(db: Database, { activeOnly = false } = {}) {
	return db
		.select(choiceColumns)
		.from(categories)
		.where(activeOnly ? eq(categories.active, true) : undefined)
		.orderBy(asc(categories.sortOrder), asc(categories.id));
}

/** The id of the category with this key (as the API and the board name them), or null. */
export async function categoryIdOf(db: Database, key: string): Promise<number | null> {
	const [row] = await db
		.select({ id: categories.id })
		.from(categories)
		.where(eq(categories.key, key));
	return row?.id ?? null;
}

/** The key of the category with this id, or null. */
export async function categoryKeyOf(db: Database, id: number): Promise<string | null> {
	const [row] = await db
		.select({ key: categories.key })
		.from(categories)
		.where(eq(categories.id, id));
	return row?.key ?? null;
}

export function listCategories(db: Database) {
	return db
		.select({
			...choiceColumns,
			sortOrder: categories.sortOrder,
			defaultDepartmentId: categories.defaultDepartmentId,
			department: units.name,
			serviceDays: categories.serviceDays,
			// Drizzle leaves columns unqualified in a query without joins: the outer table is named by hand.
			used: sql<number>`(select count(*)::int from suggestions s where s.category_id = "categories"."id")`
		})
		.from(categories)
		.leftJoin(units, eq(units.id, categories.defaultDepartmentId))
		.orderBy(asc(categories.sortOrder), asc(categories.id));
}

/** Categories are edited or deactivated, never deleted: suggestions keep pointing at them. */
export async function saveCategory(
	db: Database,
	actorId: number,
	id: number | null,
	input: z.infer<typeof categoryInput>
) {
	if (input.defaultDepartmentId != null) {
		const [unit] = await db.select().from(units).where(eq(units.id, input.defaultDepartmentId));
		if (!unit?.active || unit.kind === 'company') {
			throw new Invalid('invalid', { defaultDepartmentId: 'invalid' });
		}
	}
	try {
		await db.transaction(async (tx) => {
			if (id == null) {
				const [row] = await tx.insert(categories).values(input).returning();
				await recordAudit(tx, {
					actorId,
					action: 'category.create',
					entity: 'category',
					entityId: row.id,
					after: input
				});
				return;
			}
			const [before] = await tx.select().from(categories).where(eq(categories.id, id));
			if (!before) throw new NotFound();
			await tx
				.update(categories)
				.set({ ...input, updatedAt: new Date() })
				.where(eq(categories.id, id));
			await recordAudit(tx, {
				actorId,
				action: 'category.update',
				entity: 'category',
				entityId: id,
				before,
				after: input
			});
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new Conflict('name_taken', { key: 'name_taken' });
		throw e;
	}
}
