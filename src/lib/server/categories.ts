import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { categoryInput } from '../schemas/suggestion';
import { recordAudit } from './audit';
import { isUniqueViolation, type Database } from './db';
import { categories } from './db/schema';
import { Conflict, NotFound } from './errors';

export function listCategories(db: Database) {
	return db
		.select({
			id: categories.id,
			key: categories.key,
			nameZh: categories.nameZh,
			nameEn: categories.nameEn,
			sortOrder: categories.sortOrder,
			active: categories.active,
			// Drizzle leaves columns unqualified in a query without joins: the outer table is named by hand.
			used: sql<number>`(select count(*)::int from suggestions s where s.category_id = "categories"."id")`
		})
		.from(categories)
		.orderBy(asc(categories.sortOrder), asc(categories.id));
}

/** Categories are edited or deactivated, never deleted: suggestions keep pointing at them. */
export async function saveCategory(
	db: Database,
	actorId: number,
	id: number | null,
	input: z.infer<typeof categoryInput>
) {
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
