// `npm run db:seed:demo`: loads the demo organisation now (idempotent: existing rows are kept).
import { appDatabase, closeAppDatabase } from '../src/lib/server/db';
import { seedDemo } from '../src/lib/server/demo/seed';
import { prepareDatabase } from '../src/lib/server/startup';

const handle = appDatabase();
try {
	await prepareDatabase(handle, { ...process.env, XINKAN_DEMO: '0' });
	const result = await seedDemo(handle.db, process.env.XINKAN_ADMIN_PASSWORD);
	console.log(`Demo organisation loaded (${handle.kind}).`);
	if (result.generatedAdminPassword) {
		console.log(`Created user "admin" with password: ${result.generatedAdminPassword}`);
	} else if (!result.adminCreated) {
		console.log('User "admin" already existed; its password is unchanged.');
	}
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exitCode = 1;
} finally {
	await closeAppDatabase();
}
