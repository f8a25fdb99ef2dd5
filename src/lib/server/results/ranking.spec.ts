// withPlaces on its own: a breakdown cell is found by the value the statement grouped by, which
// for respondent groups is the id, while the cell shows the group's key.
import { describe, expect, it } from 'vitest';
import { blankQuestion } from '../../questionnaire/types';
import type { QuestionResult } from '../../results/types';
import type { RankingCounts } from './ranking';
import { withPlaces } from './ranking';

const question = {
	...blankQuestion('rk', 'ranking'),
	title: 'rk',
	options: [
		{ id: 'a', label: 'A' },
		{ id: 'b', label: 'B' }
	]
};
const option = (id: string, count: number) => ({ id, label: id.toUpperCase(), count, share: null });
const result: QuestionResult = {
	id: 'rk',
	type: 'ranking',
	title: 'rk',
	answered: 5, // the roll-up's sum of ranked options, not respondents
	asked: 4,
	options: [option('a', 3), option('b', 2)],
	mean: null,
	top2: null,
	byBreakdown: [
		{
			key: 'resident',
			label: '居民',
			n: 3,
			options: [option('a', 2), option('b', 1)],
			mean: null,
			small: false
		},
		{
			key: 'firm',
			label: '企业',
			n: 2,
			options: [option('a', 1), option('b', 1)],
			mean: null,
			small: false
		}
	]
};
// Group ids 7 (resident: a>b, a) and 9 (firm: b>a).
const counts: RankingCounts = new Map([
	[
		'rk',
		new Map([
			[
				'7',
				{
					answered: 2,
					options: new Map([
						['a', [2, 2, 2] as [number, number, number]],
						['b', [1, 0, 2] as [number, number, number]]
					])
				}
			],
			[
				'9',
				{
					answered: 1,
					options: new Map([
						['a', [1, 0, 2] as [number, number, number]],
						['b', [1, 1, 1] as [number, number, number]]
					])
				}
			]
		])
	]
]);
const rawOf = (key: string | null) => ({ resident: '7', firm: '9' })[key ?? ''] ?? key;

describe('withPlaces', () => {
	it('counts respondents, places and the cells found by their grouped value', () => {
		const placed = withPlaces(result, { question, versionIds: new Set([1]) }, counts, 2, rawOf);
		expect(placed.answered).toBe(3);
		expect(placed.options.map((o) => o.share)).toEqual([1, 2 / 3]);
		expect(placed.ranking).toEqual({
			places: 2,
			options: [
				{
					id: 'a',
					label: 'A',
					ranked: 3,
					rankedShare: 1,
					first: 2,
					firstShare: 2 / 3,
					meanPlace: 4 / 3
				},
				{
					id: 'b',
					label: 'B',
					ranked: 2,
					rankedShare: 2 / 3,
					first: 1,
					firstShare: 1 / 3,
					meanPlace: 3 / 2
				}
			]
		});
		expect(placed.byBreakdown?.map((c) => [c.key, c.n, c.small])).toEqual([
			['resident', 2, false],
			['firm', 1, true]
		]);
		expect(placed.byBreakdown?.[0].options.map((o) => o.share)).toEqual([1, 1 / 2]);
	});

	it('leaves other types as they are', () => {
		const single = { ...question, type: 'single' as const };
		expect(
			withPlaces(result, { question: single, versionIds: new Set([1]) }, counts, 2, rawOf)
		).toBe(result);
	});
});
