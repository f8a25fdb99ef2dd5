import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './db';
import { units } from './db/schema';
import { seedDemo } from './demo/seed';

/**
 * Brings a database up to date: migrations first, then the demo on an empty database unless
 * XINKAN_DEMO=0. Throws with a readable message when the database cannot be reached or migrated.
 */
export async function prepareDatabase(
	handle: DatabaseHandle,
	env: Record<string, string | undefined> = process.env,
	log: (line: string) => void = (line) => console.log(line)
): Promise<void> {
	try {
		await handle.migrate();
	} catch (e) {
		const reason = e instanceof Error ? e.message : String(e);
		throw new Error(
			`Xinkan cannot start: the ${handle.kind} database could not be reached or migrated (${reason}). ` +
				'No migration was half-applied; fix the cause and start again.',
			{ cause: e }
		);
	}
	if (env.XINKAN_DEMO === '0') return;
	const [{ n }] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(units);
	if (n > 0) return;
	const result = await seedDemo(handle.db, env.XINKAN_ADMIN_PASSWORD);
	log('Xinkan: loaded the demo organisation (set XINKAN_DEMO=0 to start empty).');
	if (result.generatedAdminPassword) {
		log(`Xinkan: created user "admin" with password: ${result.generatedAdminPassword}`);
		log('        (shown once; change it with `npm run user:password -- --username admin`)');
	}
}
