import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog } from '../db/schema';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import { auditFilterOptions, listAudit, recordAudit } from './audit';

describeEachDatabase('audit log viewer', (current) => {
	it('filters by actor, action and China-time days, and offers only what appears in the log', async () => {
		const { db } = current();
		const alice = await makeActor(db, 'alice', 'reviewer', null);
		const bob = await makeActor(db, 'bob', 'reviewer', null);
		await recordAudit(db, { actorId: alice.id, action: 'campaign.create', entity: 'campaign' });
		await recordAudit(db, { actorId: bob.id, action: 'category.update', entity: 'category' });
		await recordAudit(db, { actorId: alice.id, action: 'category.update', entity: 'category' });
		// 2026-03-01 23:30 in China is still 1 March there, though already 15:30 UTC on that day…
		await db
			.update(auditLog)
			.set({ at: sql`'2026-03-01 23:30:00+08'::timestamptz` })
			.where(eq(auditLog.action, 'campaign.create'));
		// …and 2 March 00:30 in China is 1 March 16:30 UTC.
		await db
			.update(auditLog)
			.set({ at: sql`'2026-03-02 00:30:00+08'::timestamptz` })
			.where(eq(auditLog.actorId, bob.id));

		const byAlice = await listAudit(db, { actorId: alice.id });
		expect(byAlice.total).toBe(2);
		expect(byAlice.rows.every((r) => r.actor === 'alice')).toBe(true);
		const updates = await listAudit(db, { action: 'category.update' });
		expect(updates.rows.map((r) => r.actor).sort()).toEqual(['alice', 'bob']);
		const first = await listAudit(db, { from: '2026-03-01', to: '2026-03-01' });
		expect(first.rows.map((r) => r.action)).toEqual(['campaign.create']);
		const second = await listAudit(db, { from: '2026-03-02', to: '2026-03-02' });
		expect(second.rows.map((r) => r.actor)).toEqual(['bob']);
		expect((await listAudit(db, { actorId: bob.id, action: 'campaign.create' })).total).toBe(0);

		const options = await auditFilterOptions(db);
		expect(options.actors.map((a) => a.username)).toEqual(['alice', 'bob']);
		expect(options.actions).toEqual(['campaign.create', 'category.update']);
	});
});
