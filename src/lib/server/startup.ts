import { sql } from 'drizzle-orm';
import { campaignsForReview } from './campaigns/queries';
import { appDatabase, closeAppDatabase, type DatabaseHandle } from './db';
import { units } from './db/schema';
import { seedDemo } from './demo/seed';
import { categoriserSettled } from './insight/categoriser-service';
import { warmQueueHints } from './insight/duplicate-hints';
import { createFastPath, FAST_PATH_KEY } from './intake/fast-path';
import { terminateImportWorkers } from './platform/import-workers';

/** Where scripts/serve.mjs finds the function that ends import workers on SIGTERM. */
export const STOP_IMPORTS_KEY = Symbol.for('xinkan.stop-imports');

/**
 * Everything a server process does before it answers, in this order (hooks.server.ts `init`, which
 * adapter-node awaits when the handler is imported, so scripts/serve.mjs finds the fast path):
 * 1. register the public form's fast path (XINKAN_FAST_PATH=0: everything goes through SvelteKit);
 * 2. bring the database up to date and load the demo into an empty one (`prepareDatabase`) —
 *    nothing may read a table before this;
 * 3. train (or load) the categoriser, so the first reviewer does not wait minutes for it;
 * 4. build the review queue's duplicate indexes in the background, while the server already answers;
 * 5. close the database pool on shutdown: `node build` waits for open handles, so SIGTERM would
 *    not end the process otherwise; and end spreadsheet import workers as soon as the signal
 *    comes (scripts/serve.mjs calls STOP_IMPORTS_KEY), so an import in flight is refused at once
 *    (503) instead of holding shutdown up; serve.mjs also exits by a hard deadline.
 */
export async function startServer(env: Record<string, string | undefined> = process.env) {
	if (env.XINKAN_FAST_PATH !== '0') {
		(globalThis as Record<symbol, unknown>)[FAST_PATH_KEY] = createFastPath({
			db: () => appDatabase().db
		});
	}
	const handle = appDatabase();
	await prepareDatabase(handle, env);
	await categoriserSettled(handle.db);
	const { list } = await campaignsForReview(handle.db);
	warmQueueHints(
		handle.db,
		list.filter((c) => c.latest).map((c) => c.id)
	);
	// scripts/serve.mjs calls this when the signal comes; under `node build` the shutdown event
	// below does it, and an import's own time limit (10 s) bounds the wait until then.
	(globalThis as Record<symbol, unknown>)[STOP_IMPORTS_KEY] = terminateImportWorkers;
	process.once('sveltekit:shutdown', () => {
		void terminateImportWorkers();
		void closeAppDatabase();
	});
}

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
