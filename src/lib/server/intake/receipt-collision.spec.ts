import { sql } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { queryRows } from '../db';
import { recordResponse } from './record-response';
import { describeEachDatabase } from '../test/databases';
import { demoResponses } from '../test/demo-response';

// Receipt codes are 40 random bits; here the first three drawn are the same, to force what chance
// almost never does: two submissions of one batch with the same code.
const drawn = vi.hoisted(() => ({ n: 0 }));
vi.mock('./receipt-code', () => ({
	generateReceiptCode: () =>
		drawn.n++ < 3 ? 'SAMECODE' : `CODE${String(drawn.n).padStart(4, '0')}`
}));

describeEachDatabase(
	'a receipt code drawn twice in one batch',
	(current) => {
		it('stores every submission with its own receipt, none lost', async () => {
			const { db } = current();
			drawn.n = 0;
			const answer = await demoResponses(db);
			const send = (token: string) => recordResponse(db, answer(token, `意见 ${token}`));
			const results = await Promise.all(['clash-a', 'clash-b', 'clash-c'].map(send));
			expect(new Set(results.map((r) => r.receiptCode)).size).toBe(3);
			expect(results.every((r) => !r.repeated)).toBe(true);
			const rows = await queryRows<{ token: string; receipt: string; item: string }>(
				db,
				sql`select r.submission_token as token, r.receipt_code as receipt, i.text as item
				from responses r join suggestion_items i on i.response_id = r.id
				where r.submission_token like 'clash-%' order by 1`
			);
			expect(rows).toEqual(
				['clash-a', 'clash-b', 'clash-c'].map((token, i) => ({
					token,
					receipt: results[i].receiptCode,
					item: `意见 ${token}`
				}))
			);
		});
	},
	{ demo: true }
);
