import { describe, expect, it } from 'vitest';
import { compareQuestionnaires } from './compare';
import type { Question } from './types';

const q = (id: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({
	id,
	type,
	title: `问题${id}`,
	help: '',
	required: false,
	options: [],
	maxPicks: 0,
	lowLabel: '',
	highLabel: '',
	...extra
});

const v1 = [
	q('a', 'single', {
		options: [
			{ id: 'o1', label: '经常' },
			{ id: 'o2', label: '很少' }
		]
	}),
	q('b', 'rating'),
	q('c', 'long_text'),
	q('d', 'area', { options: [{ id: 'a1', label: '官渡' }] })
];

describe('comparing a version with the draft', () => {
	it('finds nothing when they are the same, absent defaults included', () => {
		const draft = v1.map((x) => (x.type === 'rating' ? { ...x, points: 5 as const } : { ...x }));
		// The organisation's options are frozen only on publication: a draft without them is the same.
		draft[3] = { ...draft[3], options: [] };
		expect(compareQuestionnaires(v1, draft)).toEqual({
			added: [],
			removed: [],
			changed: [],
			moved: [],
			same: true
		});
	});

	it('names what was added, removed, changed (and how) and moved, by stable id', () => {
		const draft = [
			q('c', 'long_text'),
			q('a', 'single', {
				title: '最近三个月停过电吗？',
				required: true,
				options: [
					{ id: 'o1', label: '经常' },
					{ id: 'o2', label: '偶尔' }
				]
			}),
			q('b', 'rating', { points: 7 }),
			q('e', 'number', { min: 0, max: 10 })
		];
		const diff = compareQuestionnaires(v1, draft);
		expect(diff.same).toBe(false);
		expect(diff.added.map((x) => [x.question.id, x.number])).toEqual([['e', 4]]);
		expect(diff.removed.map((x) => [x.question.id, x.number])).toEqual([['d', 4]]);
		expect(diff.changed.map((x) => [x.after.question.id, x.fields])).toEqual([
			['a', ['title', 'required', 'options']],
			['b', ['scale']]
		]);
		expect(diff.changed[0].before.question.title).toBe('问题a');
		// c went from third to first among the questions both have.
		expect(diff.moved.map((x) => [x.after.question.id, x.before.number, x.after.number])).toEqual([
			['c', 3, 1]
		]);
	});

	it('sees a condition added or changed, and a type changed', () => {
		const when = {
			combine: 'all' as const,
			rules: [{ question: 'a', op: 'eq' as const, value: 'o1' }]
		};
		const draft = [v1[0], { ...v1[1], when }, { ...v1[2], type: 'short_text' as const }, v1[3]];
		const diff = compareQuestionnaires(v1, draft);
		expect(diff.changed.map((x) => [x.after.question.id, x.fields])).toEqual([
			['b', ['when']],
			['c', ['type']]
		]);
	});
});
