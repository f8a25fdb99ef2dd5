import { describe, expect, it } from 'vitest';
import { compositeScore, MIN_RANKED, rankDepartments, type ScoreParts } from './department-ranking';

const parts = (onTime: number, satisfaction: number, reopened: number, n = 10): ScoreParts => ({
	due: n,
	onTimeRate: onTime,
	satisfactionAnswers: n,
	satisfactionRate: satisfaction,
	answered: n,
	reopenedRate: reopened
});

describe('the assessment score and ranking', () => {
	it('weighs on time 0.4, satisfaction 0.4 and not reopened 0.2, to one decimal', () => {
		expect(compositeScore(parts(1, 1, 0))).toBe(100);
		expect(compositeScore(parts(0, 0, 1))).toBe(0);
		expect(compositeScore(parts(0.5, 0.75, 0.1))).toBe(68);
		expect(compositeScore(parts(2 / 3, 2 / 3, 1 / 3))).toBe(66.7);
	});

	it(`ranks no department with a part resting on fewer than ${MIN_RANKED}`, () => {
		for (const key of ['due', 'satisfactionAnswers', 'answered'] as const) {
			expect(compositeScore({ ...parts(1, 1, 0), [key]: MIN_RANKED - 1 })).toBeNull();
			expect(compositeScore({ ...parts(1, 1, 0), [key]: MIN_RANKED })).toBe(100);
		}
	});

	it('gives equal shown scores one shared rank, marked tied, and lists the unranked last', () => {
		const rows = [
			{ name: 'few', ...parts(1, 1, 0, 4) },
			{ name: 'low', ...parts(0.5, 0.5, 0.5) },
			{ name: 'b', ...parts(0.8, 0.9, 0.1) },
			{ name: 'a', ...parts(0.9, 0.8, 0.1) },
			{ name: 'top', ...parts(1, 1, 0) }
		];
		const ranked = rankDepartments(rows).map((r) => [r.name, r.rank, r.tied, r.score]);
		expect(ranked).toEqual([
			['top', 1, false, 100],
			['b', 2, true, 86],
			['a', 2, true, 86],
			['low', 4, false, 50],
			['few', null, false, null]
		]);
	});
});
