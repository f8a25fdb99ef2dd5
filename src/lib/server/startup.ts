import { sql } from 'drizzle-orm';
import { campaignsForReview } from './campaigns/queries';
import { appDatabase, closeAppDatabase, type DatabaseHandle } from './db';
import { units } from './db/schema';
import { adminPasswordProblem } from './auth/password-policy';
import { seedDemo } from './demo/seed';
import { categoriserFor } from './insight/categoriser-service';
import { warmQueueHints } from './insight/duplicate-hints';
import { createFastPath, FAST_PATH_KEY } from './intake/fast-path';
import { startJobs } from './jobs';
import { startChangeSignals } from './platform/change-signals';
import { terminateImportWorkers } from './platform/import-workers';

/** Where scripts/serve.mjs finds the function that ends import workers on SIGTERM. */
export const STOP_IMPORTS_KEY = Symbol.for('xinkan.stop-imports');

/**
 * Everything a server process does before it answers, in this order (hooks.server.ts `init`, which
 * adapter-node awaits when the handler is imported, so scripts/serve.mjs finds the fast path):
 * 1. say whether the client address can be trusted (`clientAddressWarnings`), once;
 * 2. register the public form's fast path (XINKAN_FAST_PATH=0: everything goes through SvelteKit);
 * 3. bring the database up to date and load the demo into an empty one (`prepareDatabase`) —
 *    nothing may read a table before this; then, on PostgreSQL, listen for other processes'
 *    changes (platform/change-signals.ts);
 * 4. start the job queue (jobs/), whose workers run background work once across all processes;
 * 5. load the latest stored categoriser (or the lexicon cold start) — never train it here: when it
 *    is behind, a retrain job is sent, and every process loads its result when stored;
 * 6. build the review queue's duplicate indexes in the background, while the server already answers;
 * 7. on shutdown, stop the job queue (running jobs get 2 s, then fail and are retried by another
 *    process), then close the database pool: `node build` waits for open handles, so SIGTERM would
 *    not end the process otherwise; and end spreadsheet import workers as soon as the signal
 *    comes (scripts/serve.mjs calls STOP_IMPORTS_KEY), so an import in flight is refused at once
 *    (503) instead of holding shutdown up; serve.mjs also exits by a hard deadline.
 */
export async function startServer(env: Record<string, string | undefined> = process.env) {
	for (const line of clientAddressWarnings(env)) console.warn(line);
	if (env.XINKAN_FAST_PATH !== '0') {
		(globalThis as Record<symbol, unknown>)[FAST_PATH_KEY] = createFastPath({
			db: () => appDatabase().db
		});
	}
	const handle = appDatabase();
	await prepareDatabase(handle, env);
	const signals = startChangeSignals(handle);
	const jobs = await startJobs(handle.db);
	await categoriserFor(handle.db);
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
		void signals?.stop();
		void (async () => {
			await jobs?.stop().catch((e: unknown) => console.error('Xinkan: job queue stop:', e));
			await closeAppDatabase();
		})();
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
	const problem = adminPasswordProblem(env.XINKAN_ADMIN_PASSWORD);
	if (problem) throw new Error(`Xinkan cannot start: ${problem}`);
	const result = await seedDemo(handle.db, env.XINKAN_ADMIN_PASSWORD);
	log('Xinkan: loaded the demo organisation (set XINKAN_DEMO=0 to start empty).');
	if (result.generatedAdminPassword) {
		log(`Xinkan: created user "admin" with password: ${result.generatedAdminPassword}`);
		log('        (shown once; change it with `npm run user:password -- --username admin`)');
	}
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i;

/**
 * What the start-up says about the client address, which the login throttle and the submission
 * and lookup limits count by (README, "Behind a reverse proxy"). ADDRESS_HEADER is believed from
 * whoever sends it, so only the proxy may reach the port: listening beyond loopback is worth a
 * warning. An XFF_DEPTH adapter-node would refuse on every request stops the start instead.
 */
export function clientAddressWarnings(env: Record<string, string | undefined>): string[] {
	const header = (env.ADDRESS_HEADER ?? '').toLowerCase();
	const warnings: string[] = [];
	if (env.XFF_DEPTH !== undefined && header !== 'x-forwarded-for') {
		warnings.push(
			`Xinkan: XFF_DEPTH=${env.XFF_DEPTH} has no effect: it counts X-Forwarded-For addresses, ` +
				`and ADDRESS_HEADER is ${header ? `"${header}"` : 'not set'}.`
		);
	}
	if (header === 'x-forwarded-for' && !(Number.parseInt(env.XFF_DEPTH ?? '1', 10) >= 1)) {
		throw new Error(
			`Xinkan cannot start: XFF_DEPTH="${env.XFF_DEPTH}" must be a whole number of 1 or more — ` +
				'the number of proxies in front of the app (1 for one nginx).'
		);
	}
	const host = env.HOST || '0.0.0.0';
	if (header && !env.SOCKET_PATH && !LOOPBACK.test(host)) {
		warnings.push(
			`Xinkan: ADDRESS_HEADER=${header} takes each client's address from that header, but ` +
				`HOST=${host}${env.HOST ? '' : ' (the default)'} lets clients reach this port ` +
				'directly and send the header themselves: anyone could then pick their own address ' +
				'and pass the login throttle and the submission limit. Set HOST=127.0.0.1 when the ' +
				'proxy runs on this machine, or let only the proxy reach the port (a firewall); see ' +
				'"Behind a reverse proxy" in the README.'
		);
	}
	return warnings;
}
