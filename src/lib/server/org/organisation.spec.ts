import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog } from '../db/schema';
import { listUnits, saveArea, saveGroup, saveUnit, unitTree } from './organisation';
import { describeEachDatabase } from '../test/databases';

describeEachDatabase('organisation', (current) => {
	it('keeps the unit tree free of loops and audits every change', async () => {
		const { db } = current();
		const base = { sortOrder: 0, active: true };
		const company = await saveUnit(db, null, null, {
			...base,
			name: '测试公司',
			kind: 'company',
			parentId: null
		});
		const dept = await saveUnit(db, null, null, {
			...base,
			name: '营销部',
			kind: 'department',
			parentId: company.id
		});
		const team = await saveUnit(db, null, null, {
			...base,
			name: '一班',
			kind: 'department',
			parentId: dept.id
		});
		await expect(
			saveUnit(db, null, dept.id, {
				...base,
				name: '营销部',
				kind: 'department',
				parentId: team.id
			})
		).rejects.toMatchObject({ fields: { parentId: 'unit_cycle' } });
		await expect(
			saveUnit(db, null, null, {
				...base,
				name: '营销部',
				kind: 'department',
				parentId: company.id
			})
		).rejects.toMatchObject({ status: 409, fields: { name: 'name_taken' } });

		await saveUnit(db, null, team.id, {
			...base,
			name: '一班',
			kind: 'station',
			parentId: company.id,
			active: false
		});
		const tree = unitTree(await listUnits(db));
		expect(tree.map((u) => [u.name, u.depth])).toEqual([
			['测试公司', 0],
			['营销部', 1],
			['一班', 1]
		]);
		const entries = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'unit'), eq(auditLog.entityId, String(team.id))));
		expect(entries.map((e) => e.action)).toEqual(['unit.create', 'unit.update']);
		expect(entries[1].before).toMatchObject({ active: true, kind: 'department' });
		expect(entries[1].after).toMatchObject({ active: false, kind: 'station' });
	});

	it('keeps area names and group keys unique, with field-level errors', async () => {
		const { db } = current();
		const area = { kind: 'township' as const, sortOrder: 0, active: true };
		await saveArea(db, null, null, { ...area, name: '张坊' });
		await expect(saveArea(db, null, null, { ...area, name: '张坊' })).rejects.toMatchObject({
			fields: { name: 'name_taken' }
		});
		const group = { nameZh: '电力客户', nameEn: 'Customer', sortOrder: 0, active: true };
		await saveGroup(db, null, null, { ...group, key: 'customer' });
		await expect(saveGroup(db, null, null, { ...group, key: 'customer' })).rejects.toMatchObject({
			fields: { key: 'name_taken' }
		});
	});
});
