import type { Database } from '../db';
import { users } from '../db/schema';
import type { Actor } from '../suggestions/actor';

/** A reviewer or handler account made straight in the database, as the suggestion services see it. */
export async function makeActor(
	db: Database,
	username: string,
	role: 'reviewer' | 'handler',
	unitId: number | null
): Promise<Actor> {
	const [u] = await db
		.insert(users)
		.values({ username, passwordHash: 'x', role, unitId })
		.returning();
	return { id: u.id, role, unitId };
}
