import { describe, expect, it } from 'vitest';
import { clusterItems } from './clustering';
import {
	buildDuplicateIndex,
	buildDuplicateIndexSteps,
	findRaisedBefore,
	findSimilar,
	type InsightItem
} from './duplicates';

// Hand-written campaign: two issues raised twice each in other words, plus unrelated items.
const ITEMS: InsightItem[] = [
	{
		id: '1',
		text: '停电通知只发给户主，家里其他人都不知道',
		township: '永安',
		category: 'outage_notice'
	},
	{ id: '2', text: '交电费的网点太少，老人要走很远', township: '张坊', category: 'payment' },
	{
		id: '3',
		text: '停电短信能不能多绑几个手机号，户主不在家',
		township: '永安',
		category: 'outage_notice'
	},
	{ id: '4', text: '路边电杆歪了，怕倒下来砸到人', township: '古港', category: 'safety' },
	{
		id: '5',
		text: '缴费网点太少了，老年人不会用手机交电费',
		township: '张坊',
		category: 'payment'
	},
	{
		id: '6',
		text: '供电所人手不够，年轻人招不进来',
		township: '达浒',
		category: 'employee_welfare'
	}
];

describe('duplicate finder', () => {
	it('ranks the paraphrase of the same issue first', () => {
		const index = buildDuplicateIndex(ITEMS);
		const similar = findSimilar(index, ITEMS[0], 3);
		expect(similar[0].id).toBe('3');
		expect(similar.map((s) => s.id)).not.toContain('1');
		expect(similar[0].score).toBeGreaterThan(similar[1]?.score ?? 0);
		expect(findSimilar(index, ITEMS[1], 1)[0].id).toBe('5');
	});

	it('clusters the two duplicate pairs and leaves the rest alone', () => {
		const clusters = clusterItems(ITEMS);
		expect(clusters.map((c) => c.ids)).toEqual([
			['1', '3'],
			['2', '5']
		]);
		for (const cluster of clusters) expect(cluster.cohesion).toBeGreaterThan(0);
	});

	it('is deterministic', () => {
		expect(clusterItems(ITEMS)).toEqual(clusterItems([...ITEMS]));
	});

	it('flags items raised in an earlier campaign', () => {
		const history = buildDuplicateIndex(ITEMS);
		const raised = findRaisedBefore(history, {
			id: 'new',
			text: '缴费网点少，老人交电费不方便',
			township: '张坊',
			category: 'payment'
		});
		expect(raised.map((r) => r.id)).toContain('5');
		const unrelated = findRaisedBefore(history, {
			id: 'x',
			text: '村口路灯不亮了',
			township: '沙市'
		});
		expect(unrelated).toEqual([]);
	});

	it('copes with empty text and an empty index', () => {
		expect(findSimilar(buildDuplicateIndex([]), { id: 'a', text: '' })).toEqual([]);
		expect(
			clusterItems([
				{ id: 'a', text: '' },
				{ id: 'b', text: '   ' }
			])
		).toEqual([]);
	});
});

describe('building the index in steps', () => {
	it('pauses every 100 items of each pass and finds exactly what the index built at once finds', () => {
		const many = Array.from({ length: 200 }, (_, copy) =>
			ITEMS.map((item) => ({ ...item, id: `${copy}-${item.id}`, text: `${item.text}${copy}` }))
		).flat();
		const steps = buildDuplicateIndexSteps(many);
		let pauses = 0;
		let step = steps.next();
		while (!step.done) {
			pauses++;
			step = steps.next();
		}
		// Three passes over the items (features, their counts, profiles), a pause per 100 in each.
		expect(pauses).toBe(3 * Math.floor(many.length / 100));
		const direct = buildDuplicateIndex(many);
		for (const item of [many[0], many[777], many[many.length - 1]]) {
			expect(findSimilar(step.value, item, 5)).toEqual(findSimilar(direct, item, 5));
		}
	});
});
