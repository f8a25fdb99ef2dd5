// The question types of issue 17's first slice: recommendation (0–10), rating scales of 3, 5, 7
// and 10 points, number, date, and "other, please specify" on single and multiple choice — read
// by the one parser the web form, paper entry and corrections share.
import { describe, expect, it } from 'vitest';
import { parseAnswers, readDate } from './answers';
import { checkQuestions } from './definition';
import { entryToForm } from './entry';
import { blankQuestion, npsGroup, ratingLevels, type Question } from './types';

const q = (id: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({
	...blankQuestion(id, type),
	title: id,
	...extra
});
const form = (entries: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
};
const choices = [
	{ id: 'a', label: 'A' },
	{ id: 'b', label: 'B' },
	{ id: 'o', label: '其他（请注明）', other: true }
];
const questions = [
	q('rec', 'nps', { required: true }),
	q('s3', 'rating', { points: 3 }),
	q('s7', 'rating', { points: 7 }),
	q('s10', 'rating', { points: 10 }),
	q('old', 'rating'),
	q('age', 'number', { min: 0, max: 120 }),
	q('kwh', 'number', { decimal: true, min: 0 }),
	q('day', 'date'),
	q('one', 'single', { options: choices }),
	q('many', 'multiple', { options: choices })
];

describe('parseAnswers, new types', () => {
	it('reads every type, each answer with its own kind of value', () => {
		const parsed = parseAnswers(
			questions,
			form([
				['q_rec', '0'],
				['q_s3', '3'],
				['q_s7', '7'],
				['q_s10', '10'],
				['q_old', '5'],
				['q_age', '４２'],
				['q_kwh', '12.5'],
				['q_day', '2026-02-28'],
				['q_one', 'o'],
				['q_one_other', '  村里的微信群 '],
				['q_many', 'o'],
				['q_many', 'a'],
				['q_many_other', '广播']
			])
		);
		expect(parsed.errors).toEqual({});
		expect(parsed.answers).toEqual({
			rec: 0,
			s3: 3,
			s7: 7,
			s10: 10,
			old: 5,
			age: 42,
			kwh: 12.5,
			day: '2026-02-28',
			one: 'o',
			'one.other': '村里的微信群',
			many: ['a', 'o'],
			'many.other': '广播'
		});
	});

	it('refuses points outside each scale, keeping what was typed', () => {
		const parsed = parseAnswers(
			questions,
			form([
				['q_rec', '11'],
				['q_s3', '4'],
				['q_s7', '0'],
				['q_s10', '10.0'],
				['q_old', '6']
			])
		);
		expect(parsed.errors).toEqual({
			rec: 'rating_range',
			s3: 'rating_range',
			s7: 'rating_range',
			s10: 'rating_range',
			old: 'rating_range'
		});
		expect(parsed.answers).toEqual({});
		expect(parsed.typed).toMatchObject({ q_rec: '11', q_s3: '4', q_old: '6' });
	});

	it('a recommendation that is required must be answered', () => {
		expect(parseAnswers(questions, form([])).errors).toEqual({ rec: 'answer_required' });
	});

	it('refuses numbers out of range, fractions where whole numbers are asked, and words', () => {
		const errorsOf = (age: string, kwh = '') =>
			parseAnswers(
				questions,
				form([
					['q_rec', '9'],
					['q_age', age],
					['q_kwh', kwh]
				])
			).errors;
		expect(errorsOf('121')).toEqual({ age: 'number_range' });
		expect(errorsOf('-1')).toEqual({ age: 'number_range' });
		expect(errorsOf('4.5')).toEqual({ age: 'number_integer' });
		expect(errorsOf('四十')).toEqual({ age: 'number_format' });
		expect(errorsOf('1e3')).toEqual({ age: 'number_format' });
		expect(errorsOf('12', '-0.1')).toEqual({ kwh: 'number_range' });
		expect(errorsOf('12', 'Infinity')).toEqual({ kwh: 'number_format' });
		expect(errorsOf('120', '0')).toEqual({});
		// "42.0" is a whole number written with a decimal point.
		expect(
			parseAnswers(
				questions,
				form([
					['q_rec', '9'],
					['q_age', '42.0']
				])
			).answers.age
		).toBe(42);
	});

	it('reads dates as people write them and refuses days that do not exist', () => {
		expect(readDate('2026-03-05')).toBe('2026-03-05');
		expect(readDate('2026/3/5')).toBe('2026-03-05');
		expect(readDate('2026年3月5日')).toBe('2026-03-05');
		expect(readDate('20260305')).toBe('2026-03-05');
		expect(readDate('2024-02-29')).toBe('2024-02-29');
		for (const bad of [
			'2026-02-29',
			'2026-02-30',
			'2026-13-01',
			'2026-04-31',
			'1850-01-01',
			'昨天',
			'3/5/2026'
		]) {
			expect(readDate(bad), bad).toBeNull();
		}
		const parsed = parseAnswers(
			questions,
			form([
				['q_rec', '9'],
				['q_day', '2026-02-30']
			])
		);
		expect(parsed.errors).toEqual({ day: 'date_invalid' });
		expect(parsed.typed.q_day).toBe('2026-02-30');
	});

	it('asks what "other" is when it is chosen, and refuses other text without the choice', () => {
		const parsed = parseAnswers(
			questions,
			form([
				['q_rec', '9'],
				['q_one', 'o'],
				['q_one_other', '   '],
				['q_many', 'a'],
				['q_many_other', '写了却没勾']
			])
		);
		expect(parsed.errors).toEqual({ one: 'other_text_required', many: 'other_not_chosen' });
		expect(parsed.typed.q_many_other).toBe('写了却没勾');
		expect(parsed.answers).toEqual({ rec: 9 });
		const long = parseAnswers(
			questions,
			form([
				['q_rec', '9'],
				['q_one', 'o'],
				['q_one_other', 'x'.repeat(201)]
			])
		);
		expect(long.errors).toEqual({ one: 'too_long' });
	});

	it('a choice without an "other" option ignores a stray other field', () => {
		const plain = [q('p', 'single', { options: choices.slice(0, 2) })];
		const parsed = parseAnswers(
			plain,
			form([
				['q_p', 'a'],
				['q_p_other', 'x']
			])
		);
		expect(parsed.answers).toEqual({ p: 'a' });
	});

	it('groups recommendations as promoters, passives and detractors', () => {
		expect([0, 6, 7, 8, 9, 10].map(npsGroup)).toEqual([
			'detractor',
			'detractor',
			'passive',
			'passive',
			'promoter',
			'promoter'
		]);
		expect(ratingLevels({})).toEqual([1, 2, 3, 4, 5]);
		expect(ratingLevels({ points: 3 })).toEqual([1, 2, 3]);
	});
});

describe('checkQuestions, new types', () => {
	const valid = (extra: Partial<Question>, type: Question['type'] = 'rating') =>
		checkQuestions([{ ...q('x', type), ...extra }], false).problems;

	it('accepts 3, 5, 7 and 10 points and nothing else', () => {
		for (const points of [3, 5, 7, 10] as const) expect(valid({ points })).toEqual([]);
		expect(valid({ points: 4 as never })).not.toEqual([]);
		expect(valid({ points: 5 }, 'nps')).toEqual([
			{ index: 0, field: 'points', message: 'invalid' }
		]);
	});

	it('counts only 5-point ratings in the satisfaction index', () => {
		expect(valid({ satisfaction: true })).toEqual([]);
		expect(valid({ satisfaction: true, points: 5 })).toEqual([]);
		expect(valid({ satisfaction: true, points: 7 })).toEqual([
			{ index: 0, field: 'satisfaction', message: 'invalid' }
		]);
	});

	it('wants a number question’s bounds in order, and whole when decimals are not allowed', () => {
		expect(valid({ min: 1, max: 10 }, 'number')).toEqual([]);
		expect(valid({ min: 10, max: 1 }, 'number')).toEqual([
			{ index: 0, field: 'max', message: 'number_bounds' }
		]);
		expect(valid({ min: 0.5 }, 'number')).toEqual([
			{ index: 0, field: 'min', message: 'number_integer' }
		]);
		expect(valid({ min: 0.5, decimal: true }, 'number')).toEqual([]);
	});

	it('allows one "other" option, on single and multiple choice only', () => {
		expect(valid({ options: choices }, 'single')).toEqual([]);
		expect(valid({ options: choices }, 'multiple')).toEqual([]);
		expect(
			valid({ options: [...choices, { id: 'p', label: 'P', other: true }] }, 'single')
		).toEqual([{ index: 0, field: 'options', message: 'invalid' }]);
		expect(valid({ options: choices }, 'group')).toEqual([
			{ index: 0, field: 'options', message: 'invalid' }
		]);
	});

	it('reads questionnaires saved before these fields existed unchanged', () => {
		const old = { ...q('r', 'rating'), satisfaction: true };
		const { questions: read, problems } = checkQuestions([old], false);
		expect(problems).toEqual([]);
		expect(read[0]).not.toHaveProperty('points');
	});
});

describe('paper entry, new types', () => {
	it('types scales, numbers and dates as written, and option numbers with the other text', () => {
		const entry = form([
			['q_rec', '10'],
			['q_s7', '6'],
			['q_age', '63'],
			['q_day', '2026-3-5'],
			['n_one', '3'],
			['q_one_other', '村广播'],
			['n_many', '1 3'],
			['q_many_other', '邻居']
		]);
		const { form: posted, errors } = entryToForm(questions, entry);
		expect(errors).toEqual({});
		const parsed = parseAnswers(questions, posted);
		expect(parsed.errors).toEqual({});
		expect(parsed.answers).toEqual({
			rec: 10,
			s7: 6,
			age: 63,
			day: '2026-03-05',
			one: 'o',
			'one.other': '村广播',
			many: ['a', 'o'],
			'many.other': '邻居'
		});
	});

	it('a clerk who picks "other" without its text is told so, with what was typed kept', () => {
		const { form: posted, typed } = entryToForm(
			questions,
			form([
				['q_rec', '5'],
				['n_one', '3']
			])
		);
		expect(parseAnswers(questions, posted).errors).toEqual({ one: 'other_text_required' });
		expect(typed).toMatchObject({ n_one: '3', q_one_other: '' });
	});
});
