// `npm run user:create -- --username NAME --role ROLE [--unit UNIT] [--name "显示名"]` and
// `npm run user:password -- --username NAME`; the password is read from standard input and must
// pass the password policy (src/lib/server/auth/password-policy.ts).
import { eq } from 'drizzle-orm';
import { errorText, messages } from '../src/lib/i18n';
import { password as passwordSchema, userCreate } from '../src/lib/schemas/admin';
import { appDatabase, closeAppDatabase, type Database } from '../src/lib/server/db';
import { units } from '../src/lib/server/db/schema';
import { ServiceError } from '../src/lib/server/platform/errors';
import { prepareDatabase } from '../src/lib/server/startup';
import { createUser, setPassword } from '../src/lib/server/org/users';
import { fail, parseArgs, readStdin } from './cli-args';

const [command, ...rest] = process.argv.slice(2);
const args = parseArgs(rest);
const en = messages('en');
if (!args.username) fail('usage: --username NAME is required');

async function unitIdOf(db: Database, unit: string | undefined): Promise<number | null> {
	if (!unit) return null;
	const where = /^\d+$/.test(unit) ? eq(units.id, Number(unit)) : eq(units.name, unit);
	const [row] = await db.select({ id: units.id }).from(units).where(where);
	if (!row) fail(`no unit named "${unit}"`);
	return row.id;
}

async function main(db: Database) {
	const password = (await readStdin()).replace(/\r?\n$/, '');
	if (command === 'create') {
		const input = userCreate.safeParse({
			username: args.username,
			password,
			displayName: args.name ?? '',
			role: args.role,
			unitId: await unitIdOf(db, args.unit)
		});
		if (!input.success) {
			fail(
				input.error.issues
					.map((i) => `${String(i.path[0])}: ${errorText(en, i.message)}`)
					.join('\n')
			);
		}
		const user = await createUser(db, null, input.data);
		console.log(`Created user ${user.username} (${user.role}).`);
	} else if (command === 'password') {
		const parsed = passwordSchema.safeParse(password);
		if (!parsed.success) fail(`password: ${errorText(en, parsed.error.issues[0].message)}`);
		await setPassword(db, null, args.username, parsed.data);
		console.log(`Password of ${args.username} changed; their sessions were logged out.`);
	} else {
		fail('usage: user.ts create|password --username NAME');
	}
}

const handle = appDatabase();
try {
	await prepareDatabase(handle, { ...process.env, XINKAN_DEMO: '0' });
	await main(handle.db);
} catch (e) {
	// A refused password (too common, holds the username) says so by its field, like a form would.
	const field = e instanceof ServiceError ? Object.keys(e.fields)[0] : undefined;
	console.error(e instanceof ServiceError ? `${field ?? 'error'}: ${errorText(en, e.message)}` : e);
	process.exitCode = 1;
} finally {
	await closeAppDatabase();
}
