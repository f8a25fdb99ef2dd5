// `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded PGlite folder.
import { appDatabase, closeAppDatabase } from '../src/lib/server/db';
import { prepareDatabase } from '../src/lib/server/startup';

const handle = appDatabase();
try {
	await prepareDatabase(handle, { ...process.env, XINKAN_DEMO: '0' });
	console.log(`Migrations applied (${handle.kind}).`);
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exitCode = 1;
} finally {
	await closeAppDatabase();
}
