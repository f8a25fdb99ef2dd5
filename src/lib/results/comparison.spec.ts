import { describe, expect, it } from 'vitest';
import { compareQuestions, directionOf, filterForEarlier } from './comparison';
import type { CampaignResults, OptionResult, QuestionResult } from './types';

describe('comparison helpers', () => {
	it('reads a direction at the precision the change is shown', () => {
		expect(directionOf(null, 2)).toBeNull();
		expect(directionOf(0.004, 2)).toBe('same');
		expect(directionOf(-0.004, 2)).toBe('same');
		expect(directionOf(0.006, 2)).toBe('up');
		expect(directionOf(-0.006, 2)).toBe('down');
		expect(directionOf(0.04, 1)).toBe('same');
		expect(directionOf(-33.3, 1)).toBe('down');
	});

	it('keeps the filters another campaign shares and names the ones it does not', () => {
		expect(
			filterForEarlier({
				group: ['customer'],
				area: [3],
				unit: [4],
				channel: ['paper'],
				from: '2014-04-01',
				to: '2014-05-01',
				version: [2]
			})
		).toEqual({
			filter: { group: ['customer'], area: [3], unit: [4], channel: ['paper'] },
			notApplied: ['from', 'to', 'version']
		});
		expect(filterForEarlier({ version: [] })).toEqual({ filter: {}, notApplied: [] });
	});
});

// Results of one question, as campaignResults gives them, with only what the comparison reads.
const result = (
	q: Partial<QuestionResult> & Pick<QuestionResult, 'id' | 'type'>
): QuestionResult => ({
	title: q.id,
	answered: 0,
	asked: 0,
	options: [],
	mean: null,
	top2: null,
	...q
});
const campaign = (...questions: QuestionResult[]): CampaignResults => ({
	campaign: { slug: 'c', title: 'c' },
	n: 0,
	filter: {},
	by: null,
	minN: 5,
	questions
});
/** Points 1…counts.length seen counts[j] times: options with shares of those who answered. */
const points = (counts: number[]): OptionResult[] => {
	const n = counts.reduce((a, b) => a + b, 0);
	return counts.map((c, j) => ({
		id: String(j + 1),
		label: String(j + 1),
		count: c,
		share: c / n
	}));
};
const only = (now: QuestionResult, earlier: QuestionResult) =>
	compareQuestions(campaign(now), campaign(earlier)).questions[0];

describe('compareQuestions by type', () => {
	it('compares a rating’s mean and top two only when both scales have as many points', () => {
		// 7 points, now 7, 6, 2 → mean 5, top two 2/3; earlier 7, 3 → mean 5, top two 1/2.
		const now = result({
			id: 's',
			type: 'rating',
			answered: 3,
			options: points([0, 1, 0, 0, 0, 1, 1]),
			mean: 5,
			top2: 2 / 3
		});
		const same = only(
			now,
			result({
				id: 's',
				type: 'rating',
				answered: 2,
				options: points([0, 0, 1, 0, 0, 0, 1]),
				mean: 5,
				top2: 0.5
			})
		);
		expect(same.notCompared).toBeUndefined();
		expect(same.rating).toMatchObject({ meanDelta: 0, meanDirection: 'same', top2Direction: 'up' });
		expect(same.rating!.top2DeltaPoints).toBeCloseTo(100 / 6, 10);
		expect(same.options).toHaveLength(7);

		// Against a 5-point scale: said, not compared (a mean of 5 on 7 points is not one on 5).
		const differ = only(
			now,
			result({
				id: 's',
				type: 'rating',
				answered: 2,
				options: points([0, 0, 0, 1, 1]),
				mean: 4.5,
				top2: 1
			})
		);
		expect(differ).toMatchObject({
			status: 'matched',
			rating: null,
			options: [],
			notCompared: { reason: 'scales_differ', points: 7, earlierPoints: 5 }
		});
	});

	it('compares a recommendation’s score and the shares of its three groups, in points', () => {
		// Now 4 answered: 2 promoters, 1 passive, 1 detractor → 25; earlier 5: 1, 1, 3 → −40.
		const nps = (promoters: number, passives: number, detractors: number, score: number) =>
			result({
				id: 'r',
				type: 'nps',
				answered: promoters + passives + detractors,
				nps: { promoters, passives, detractors, score }
			});
		const c = only(nps(2, 1, 1, 25), nps(1, 1, 3, -40));
		expect(c.rating).toBeNull();
		expect(c.nps!.score).toEqual({ now: 25, earlier: -40, delta: 65, direction: 'up' });
		expect(c.nps!.promoters.now).toBeCloseTo(0.5, 10);
		expect(c.nps!.promoters.earlier).toBeCloseTo(0.2, 10);
		expect(c.nps!.promoters.delta).toBeCloseTo(30, 10);
		expect(c.nps!.passives.delta).toBeCloseTo(5, 10);
		expect(c.nps!.detractors.delta).toBeCloseTo(-35, 10);
		expect(c.nps!.detractors.direction).toBe('down');
		// Nobody answered earlier: no score there, no change.
		const empty = only(
			nps(2, 1, 1, 25),
			result({
				id: 'r',
				type: 'nps',
				nps: { promoters: 0, passives: 0, detractors: 0, score: null }
			})
		);
		expect(empty.nps!.score).toEqual({ now: 25, earlier: null, delta: null, direction: null });
		expect(empty.nps!.promoters.earlier).toBeNull();
	});

	it('compares a number’s mean and median, not its values as options', () => {
		const c = only(
			result({
				id: 'h',
				type: 'number',
				answered: 3,
				options: points([1, 1, 1]),
				numbers: { mean: 4, median: 3, min: 1, max: 8 }
			}),
			result({
				id: 'h',
				type: 'number',
				answered: 2,
				options: points([1, 1]),
				numbers: { mean: 4.5, median: 4.5, min: 2, max: 7 }
			})
		);
		expect(c.options).toEqual([]);
		expect(c.numbers).toEqual({
			mean: { now: 4, earlier: 4.5, delta: -0.5, direction: 'down' },
			median: { now: 3, earlier: 4.5, delta: -1.5, direction: 'down' }
		});
		const none = only(
			result({ id: 'h', type: 'number', numbers: null }),
			result({
				id: 'h',
				type: 'number',
				answered: 1,
				numbers: { mean: 2, median: 2, min: 2, max: 2 }
			})
		);
		expect(none.numbers!.mean).toEqual({ now: null, earlier: 2, delta: null, direction: null });
	});

	it('compares a ranking’s mean place per option when both have as many places', () => {
		const ranking = (places: number, means: [string, number | null][]) =>
			result({
				id: 'k',
				type: 'ranking',
				ranking: {
					places,
					options: means.map(([id, meanPlace]) => ({
						id,
						label: id,
						ranked: 1,
						rankedShare: 1,
						first: 0,
						firstShare: 0,
						meanPlace
					}))
				}
			});
		const c = only(
			ranking(3, [
				['a', 1.5],
				['b', 2],
				['new', 3]
			]),
			ranking(3, [
				['a', 2.25],
				['b', 2],
				['gone', 1]
			])
		);
		expect(c.ranking!.options).toEqual([
			{ id: 'a', label: 'a', now: 1.5, earlier: 2.25, delta: -0.75, direction: 'down' },
			{ id: 'b', label: 'b', now: 2, earlier: 2, delta: 0, direction: 'same' },
			{ id: 'new', label: 'new', now: 3, earlier: null, delta: null, direction: null },
			{ id: 'gone', label: 'gone', now: null, earlier: 1, delta: null, direction: null }
		]);
		const differ = only(ranking(3, [['a', 1]]), ranking(5, [['a', 1]]));
		expect(differ.ranking).toBeUndefined();
		expect(differ.notCompared).toEqual({ reason: 'places_differ', places: 3, earlierPlaces: 5 });
	});

	it('says a date is not compared, and compares choices by option as before', () => {
		const date = only(
			result({
				id: 'd',
				type: 'date',
				answered: 1,
				options: [{ id: '2026-03-05', label: '2026-03-05', count: 1, share: 1 }]
			}),
			result({
				id: 'd',
				type: 'date',
				answered: 1,
				options: [{ id: '2025-03-05', label: '2025-03-05', count: 1, share: 1 }]
			})
		);
		expect(date).toMatchObject({
			status: 'matched',
			answered: 1,
			earlierAnswered: 1,
			options: [],
			rating: null,
			notCompared: { reason: 'date' }
		});
		const pick = only(
			result({
				id: 'p',
				type: 'single',
				answered: 2,
				options: [{ id: 'a', label: 'a', count: 1, share: 0.5 }]
			}),
			result({
				id: 'p',
				type: 'single',
				answered: 4,
				options: [{ id: 'a', label: 'a', count: 1, share: 0.25 }]
			})
		);
		expect(pick.options[0].deltaPoints).toBeCloseTo(25, 10);
		expect(pick.notCompared ?? pick.nps ?? pick.numbers ?? pick.ranking ?? pick.rating).toBeFalsy();
	});
});
