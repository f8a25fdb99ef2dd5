import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('group commit', () => {
	it('writes a lone item at the end of the turn and groups the items that arrive while a write is running', async () => {
		const batches: number[][] = [];
		const add = groupCommit(
			async (items: number[]) => {
				batches.push(items);
				await tick();
				return items.map((n) => n * 10);
			},
			() => true,
			{ maxBatch: 4, concurrency: 1 }
		);
		const first = add(1);
		await new Promise((r) => setImmediate(r));
		// The first went alone; those arriving while it was written waited, then went four at a time.
		const results = await Promise.all([first, ...[2, 3, 4, 5, 6, 7].map(add)]);
		expect(results).toEqual([10, 20, 30, 40, 50, 60, 70]);
		expect(batches).toEqual([[1], [2, 3, 4, 5], [6, 7]]);
		// Items handed in during the same turn go together even with nothing in flight.
		expect(await Promise.all([8, 9].map(add))).toEqual([80, 90]);
		expect(batches.at(-1)).toEqual([8, 9]);
	});

	it('keeps as many writes in flight as allowed', async () => {
		let running = 0;
		let most = 0;
		const add = groupCommit(
			async (items: number[]) => {
				most = Math.max(most, ++running);
				await tick();
				running--;
				return items;
			},
			() => true,
			{ maxBatch: 2, concurrency: 3 }
		);
		await Promise.all(Array.from({ length: 20 }, (_, i) => add(i)));
		expect(most).toBe(3);
	});

	it('retries a failed batch item by item, so only the bad item fails', async () => {
		const batches: number[][] = [];
		const add = groupCommit(
			async (items: number[]) => {
				batches.push(items);
				await tick();
				if (items.includes(3)) throw new Error('bad item 3');
				return items;
			},
			() => true,
			{ maxBatch: 10, concurrency: 1 }
		);
		const outcomes = await Promise.allSettled([1, 2, 3, 4].map(add));
		expect(outcomes.map((o) => o.status)).toEqual([
			'fulfilled',
			'fulfilled',
			'rejected',
			'fulfilled'
		]);
		expect(batches).toEqual([[1, 2, 3, 4], [1], [2], [3], [4]]);
	});

	it('fails the whole batch at once when the error is not the items’ fault', async () => {
		let writes = 0;
		const add = groupCommit(
			async (items: number[]) => {
				writes++;
				await tick();
				if (items.length > 1) throw new Error('database down');
				return items;
			},
			() => false,
			{ maxBatch: 10, concurrency: 1 }
		);
		expect(await add(1)).toBe(1);
		const outcomes = await Promise.allSettled([2, 3, 4].map(add));
		expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
		// No retry one by one: two writes in all.
		expect(writes).toBe(2);
	});
});
