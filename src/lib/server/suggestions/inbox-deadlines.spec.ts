// "Near the deadline" in a handler's inbox counts China's working days with the admin's holiday
// list (issue 18, item 2), not calendar days.
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { holidays, suggestions } from '../db/schema';
import { describeEachDatabase } from '../test/databases';
import { handlerInbox } from './queries';

describeEachDatabase(
	'the inbox’s near deadlines',
	(current) => {
		it('counts working days over the admin’s holidays: across 国庆 a deadline 13 days away is near', async () => {
			const { db } = current();
			const [first] = await db
				.select({ departmentId: suggestions.departmentId })
				.from(suggestions)
				.where(and(isNotNull(suggestions.departmentId), isNull(suggestions.mergedInto)))
				.limit(1);
			const departmentId = first.departmentId!;
			const items = await db
				.select({ id: suggestions.id })
				.from(suggestions)
				.where(and(eq(suggestions.departmentId, departmentId), isNull(suggestions.mergedInto)))
				.orderBy(suggestions.id)
				.limit(2);
			expect(items).toHaveLength(2);
			const [near, after] = items.map((i) => i.id);
			// Friday 27 September 2030; 1–7 October off. Working days after it: 30 Sep, then 8, 9,
			// 10 and 11 October. So the 10th is the 4th (near); Monday the 14th the 6th (not).
			await db.insert(holidays).values(
				['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
					day: `2030-10-${d}`,
					kind: 'off' as const,
					name: '国庆节'
				}))
			);
			await db
				.update(suggestions)
				.set({ status: 'in_progress', deadline: '2030-10-10' })
				.where(eq(suggestions.id, near));
			await db
				.update(suggestions)
				.set({ status: 'in_progress', deadline: '2030-10-14' })
				.where(eq(suggestions.id, after));
			const handler = { id: 0, role: 'handler' as const, unitId: departmentId };
			const inbox = await handlerInbox(db, handler, { today: '2030-09-27' });
			const due = inbox.dueSoon.map((r) => r.id);
			expect(due).toContain(near);
			expect(due).not.toContain(after);
			// Without the holidays the 10th is 9 working days away: not near.
			await db.delete(holidays).where(inArray(holidays.kind, ['off']));
			const plain = await handlerInbox(db, handler, { today: '2030-09-27' });
			expect(plain.dueSoon.map((r) => r.id)).not.toContain(near);
		});
	},
	{ demo: true }
);
