import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryPrepared, queryRows } from '../db';
import { seedDemo } from '../demo/seed';
import { recordResponse } from './record-response';
import { describeEachDatabase } from '../test/databases';
import { demoResponses } from '../test/demo-response';

describeEachDatabase('storing responses in batches', (current) => {
	const demoInput = () => demoResponses(current().db);

	it('stores 60 submissions that arrive together exactly once each, repeats included', async () => {
		const { db } = current();
		await seedDemo(db, 'demo-password');
		const input = await demoInput();
		const tokens = Array.from({ length: 50 }, (_, i) => `batch${String(i).padStart(3, '0')}`);
		// Every fifth form is sent twice at the same moment (a double click): same token, same receipt.
		const sends = [...tokens, ...tokens.filter((_, i) => i % 5 === 0)];
		const results = await Promise.all(
			sends.map((t) => recordResponse(db, input(t, `意见 ${t}：抢修太慢`)))
		);
		const byToken = new Map<string, Set<string>>();
		sends.forEach((t, i) =>
			byToken.set(t, (byToken.get(t) ?? new Set()).add(results[i].receiptCode))
		);
		for (const receipts of byToken.values()) expect(receipts.size).toBe(1);
		expect(results.filter((r) => r.repeated)).toHaveLength(10);

		const rows = await queryRows<{ token: string; receipt: string; items: number; texts: string }>(
			db,
			sql`select r.submission_token as token, r.receipt_code as receipt, count(i.id)::int as items,
					string_agg(i.text || '|' || s.title || '|' || (s.campaign_id = r.campaign_id)::text, ',') as texts
				from responses r
				left join suggestion_items i on i.response_id = r.id
				left join suggestions s on s.id = i.suggestion_id and s.id = i.origin_id
				where r.submission_token like 'batch%'
				group by r.id`
		);
		expect(rows).toHaveLength(50);
		for (const row of rows) {
			expect(row.receipt).toBe([...byToken.get(row.token)!][0]);
			// Each response got its own suggestion with its own raw item, none of another's.
			expect(row.items).toBe(1);
			expect(row.texts).toBe(`意见 ${row.token}：抢修太慢|意见 ${row.token}：抢修太慢|true`);
		}
	});

	it('fails only the bad submission of a batch and stores the others', async () => {
		const { db } = current();
		const input = await demoInput();
		const bad = { ...input('badrow', '无'), versionId: 999_999 };
		const outcomes = await Promise.allSettled([
			recordResponse(db, input('good-a', '电压太低')),
			recordResponse(db, input('good-b', '电压太低')),
			recordResponse(db, bad),
			recordResponse(db, input('good-c', '电压太低'))
		]);
		expect(outcomes.map((o) => o.status)).toEqual([
			'fulfilled',
			'fulfilled',
			'rejected',
			'fulfilled'
		]);
		const [{ n }] = await queryRows<{ n: number }>(
			db,
			sql`select count(*)::int as n from responses where submission_token in ('good-a', 'good-b', 'good-c', 'badrow')`
		);
		expect(n).toBe(3);
	});

	it('runs a prepared statement the same on the pool and inside a transaction', async () => {
		const { db } = current();
		const text = `select $1::text || '-' || $2::int as joined, $3::text is null as missing`;
		const direct = await queryPrepared(db, text, ['甲', 7, null]);
		// Twice on the pool: the second run uses the statement kept on the connection.
		expect(await queryPrepared(db, text, ['甲', 7, null])).toEqual(direct);
		const inside = await db.transaction((tx) => queryPrepared(tx as never, text, ['甲', 7, null]));
		expect(direct).toEqual([{ joined: '甲-7', missing: true }]);
		expect(inside).toEqual(direct);
	});
});
