import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, eq, isNull } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import { adminPasswordProblem } from '../auth/password-policy';
import { DEMO_SLUG, seedDemoCampaign } from './campaign';
import { seedEarlierCampaign } from './earlier-campaign';
import { seedDemoReturns } from './returns';
import { seedDemoSuggestions } from './suggestions';
import type { Database } from '../db';
import { areas, campaigns, respondentGroups, units, users } from '../db/schema';
import {
	DEMO_COMPANY,
	DEMO_DEPARTMENTS,
	DEMO_GROUPS,
	DEMO_STATIONS,
	DEMO_STREETS,
	DEMO_TOWNSHIPS
} from './organisation';

export interface SeedResult {
	/** Set only when the admin account was created by this call and its password was generated. */
	generatedAdminPassword: string | null;
	adminCreated: boolean;
}

/**
 * Loads the demo organisation. Safe to run again: existing rows are left as they are
 * (inserts skip on conflict), so it never overwrites what an organiser has edited.
 */
export async function seedDemo(db: Database, adminPassword?: string): Promise<SeedResult> {
	// The one place a given admin password enters (start-up and `npm run db:seed:demo` both come here).
	const problem = adminPasswordProblem(adminPassword);
	if (problem) throw new Error(problem);
	const password =
		adminPassword || encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
	const passwordHash = await hashPassword(password);
	return db.transaction(async (tx) => {
		await tx.insert(units).values({ name: DEMO_COMPANY, kind: 'company' }).onConflictDoNothing();
		const [company] = await tx
			.select({ id: units.id })
			.from(units)
			.where(and(eq(units.name, DEMO_COMPANY), isNull(units.parentId)));
		const children = [
			...DEMO_DEPARTMENTS.map((name, i) => ({ name, kind: 'department' as const, sortOrder: i })),
			...DEMO_STATIONS.map((name, i) => ({ name, kind: 'station' as const, sortOrder: 100 + i }))
		];
		await tx
			.insert(units)
			.values(children.map((c) => ({ ...c, parentId: company.id })))
			.onConflictDoNothing();
		await tx
			.insert(areas)
			.values([
				...DEMO_TOWNSHIPS.map((name, i) => ({ name, kind: 'township' as const, sortOrder: i })),
				...DEMO_STREETS.map((name, i) => ({ name, kind: 'street' as const, sortOrder: 100 + i }))
			])
			.onConflictDoNothing();
		await tx
			.insert(respondentGroups)
			.values(DEMO_GROUPS.map((g, i) => ({ ...g, sortOrder: i })))
			.onConflictDoNothing();
		const created = await tx
			.insert(users)
			.values({ username: 'admin', displayName: '系统管理员', role: 'admin', passwordHash })
			.onConflictDoNothing()
			.returning({ id: users.id });
		const adminCreated = created.length > 0;
		const [admin] = await tx
			.select({ id: users.id })
			.from(users)
			.where(eq(users.username, 'admin'));
		// 2013 first, so a fresh demo lists it below 2014 (campaigns are listed newest id first).
		const earlierId = await seedEarlierCampaign(tx, admin?.id ?? null);
		await seedDemoCampaign(tx, admin?.id ?? null);
		if (earlierId !== null) {
			// 2014 compares with 2013 by default; a copy source an organiser set is never overwritten.
			await tx
				.update(campaigns)
				.set({ copiedFrom: earlierId })
				.where(and(eq(campaigns.slug, DEMO_SLUG), isNull(campaigns.copiedFrom)));
		}
		await seedDemoReturns(tx);
		await seedDemoSuggestions(tx, admin?.id ?? null);
		return {
			adminCreated,
			generatedAdminPassword: adminCreated && !adminPassword ? password : null
		};
	});
}
