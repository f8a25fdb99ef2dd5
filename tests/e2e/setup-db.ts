// Prepares the end-to-end database: migrations, the demo, one account per role, and the
// questionnaire with every type.
import { eq } from 'drizzle-orm';
import { appDatabase, closeAppDatabase } from '../../src/lib/server/db';
import { units } from '../../src/lib/server/db/schema';
import { prepareDatabase } from '../../src/lib/server/startup';
import { createUser } from '../../src/lib/server/org/users';
import { openAllTypesCampaign } from '../../src/lib/server/test/all-types';
import { E2E_PASSWORD, E2E_USERS } from './accounts';

const handle = appDatabase();
try {
	await prepareDatabase(handle, { ...process.env, XINKAN_ADMIN_PASSWORD: E2E_PASSWORD });
	for (const u of E2E_USERS) {
		const [unit] = u.unit
			? await handle.db.select({ id: units.id }).from(units).where(eq(units.name, u.unit))
			: [];
		await createUser(handle.db, null, {
			username: u.username,
			password: E2E_PASSWORD,
			displayName: u.username,
			role: u.role,
			unitId: unit?.id ?? null
		});
	}
	// tests/e2e/all-types.spec.ts fills it with JavaScript off and on.
	await openAllTypesCampaign(handle.db, 'all-types-e2e');
} finally {
	await closeAppDatabase();
}
