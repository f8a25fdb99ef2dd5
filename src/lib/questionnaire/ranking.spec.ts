// The ranking question (issue 17): read by the one parser from the selects the form posts (the
// same fields with and without /ranking.js), typed on paper entry as option numbers in rank
// order, checked when saved, compared between versions, and never a condition's source.
import { describe, expect, it } from 'vitest';
import { parseAnswers, rankingValue, typedFields } from './answers';
import { compareQuestionnaires } from './compare';
import { checkConditions } from './conditions';
import { checkQuestions } from './definition';
import { entryToForm, numberField } from './entry';
import { blankQuestion, rankingPlaces, type Question } from './types';

const options = [
	{ id: 'price', label: '电价' },
	{ id: 'speed', label: '抢修速度' },
	{ id: 'staff', label: '服务态度' },
	{ id: 'power', label: '供电质量' }
];
const rank = (extra: Partial<Question> = {}): Question => ({
	...blankQuestion('rk', 'ranking'),
	title: '请排序',
	options,
	...extra
});
const form = (values: string[], extra: [string, string][] = []) => {
	const f = new FormData();
	for (const v of values) f.append('q_rk', v);
	for (const [k, v] of extra) f.append(k, v);
	return f;
};
const parse = (q: Question, values: string[]) => parseAnswers([q], form(values));

describe('rankingPlaces', () => {
	it('is every option by default, the organiser’s N otherwise, never more than the options', () => {
		expect(rankingPlaces(rank())).toBe(4);
		expect(rankingPlaces(rank({ maxPicks: 2 }))).toBe(2);
		expect(rankingPlaces(rank({ maxPicks: 9 }))).toBe(4);
	});
});

describe('parseAnswers, ranking', () => {
	it('stores the option ids in rank order, whatever order the selects came in', () => {
		const parsed = parse(rank(), ['price:3', 'speed:1', 'staff:2', '', 'power:4']);
		expect(parsed.errors).toEqual({});
		expect(parsed.answers).toEqual({ rk: ['speed', 'staff', 'price', 'power'] });
	});

	it('accepts the first places only (a partial order), and none as no answer', () => {
		expect(parse(rank(), ['staff:1', 'price:2', '', '']).answers).toEqual({
			rk: ['staff', 'price']
		});
		expect(parse(rank(), ['', '', '', '']).answers).toEqual({});
		expect(parse(rank(), []).errors).toEqual({});
	});

	it('requires at least one place when required', () => {
		expect(parse(rank({ required: true }), ['', '']).errors).toEqual({ rk: 'answer_required' });
		expect(parse(rank({ required: true }), ['power:1']).errors).toEqual({});
	});

	it('refuses a place used twice, an option ranked twice, a gap, a place beyond N, an unknown option', () => {
		const cases: [string[], string, Partial<Question>?][] = [
			[['price:1', 'speed:1'], 'ranking_repeat'],
			[['price:1', 'price:2'], 'ranking_repeat'],
			[['price:1', 'speed:3'], 'ranking_gap'],
			[['price:2'], 'ranking_gap'],
			[['price:5'], 'ranking_range'],
			[['price:0'], 'ranking_range'],
			[['price:1', 'speed:2', 'staff:3'], 'ranking_range', { maxPicks: 2 }],
			[['ghost:1'], 'unknown_option'],
			[['price'], 'invalid'],
			[['price:1:2'], 'invalid'],
			[['price:-1'], 'invalid'],
			[['price:１'], 'invalid']
		];
		for (const [values, error, extra] of cases) {
			const parsed = parse(rank(extra), values);
			expect([values, parsed.errors]).toEqual([values, { rk: error }]);
			expect(parsed.answers).toEqual({});
		}
	});

	it('hands what was chosen back, so a refused form shows the selects as they were', () => {
		const parsed = parse(rank(), ['price:1', 'speed:1', '']);
		expect(parsed.typed).toEqual({ q_rk: ['price:1', 'speed:1'] });
		// Read again from the typed values, the same refusal.
		expect(parseAnswers([rank()], typedFields(parsed.typed)).errors).toEqual({
			rk: 'ranking_repeat'
		});
	});

	it('is dropped, not refused, when its question is hidden', () => {
		const gate: Question = {
			...blankQuestion('g', 'single'),
			title: 'g',
			options: [
				{ id: 'y', label: 'y' },
				{ id: 'n', label: 'n' }
			]
		};
		const hiddenRank = rank({
			required: true,
			when: { combine: 'all', rules: [{ question: 'g', op: 'eq', value: 'y' }] }
		});
		const parsed = parseAnswers([gate, hiddenRank], form(['price:1', 'price:1'], [['q_g', 'n']]));
		expect(parsed.errors).toEqual({});
		expect(parsed.answers).toEqual({ g: 'n' });
		expect(parsed.hidden).toEqual(['rk']);
	});
});

describe('paper entry, ranking', () => {
	const entry = (raw: string, extra: Partial<Question> = {}) => {
		const q = rank(extra);
		const e = new FormData();
		e.set(numberField(q), raw);
		const { form: posted, errors } = entryToForm([q], e);
		return { errors, parsed: parseAnswers([q], posted), posted };
	};

	it('reads option numbers in rank order: "3 1 2" puts option 3 first', () => {
		const { errors, parsed, posted } = entry('3 1 2');
		expect(errors).toEqual({});
		expect(posted.getAll('q_rk')).toEqual(['staff:1', 'price:2', 'speed:3']);
		expect(parsed.answers).toEqual({ rk: ['staff', 'price', 'speed'] });
		expect(entry('42').parsed.answers).toEqual({ rk: ['power', 'speed'] });
		expect(entry('4、2').parsed.answers).toEqual({ rk: ['power', 'speed'] });
	});

	it('refuses a number that names no option, a repeat, and more than N', () => {
		expect(entry('1 7').errors).toEqual({ rk: 'entry_number' });
		expect(entry('1 1').parsed.errors).toEqual({ rk: 'ranking_repeat' });
		expect(entry('1 2 3', { maxPicks: 2 }).parsed.errors).toEqual({ rk: 'ranking_range' });
		expect(entry('').parsed.answers).toEqual({});
	});

	it('posts what the public form’s selects post', () => {
		const { posted } = entry('2 4');
		expect(posted.getAll('q_rk')).toEqual([rankingValue('speed', 1), rankingValue('power', 2)]);
	});
});

describe('checkQuestions, ranking', () => {
	it('needs two options, no more places than options, and no "other"', () => {
		expect(checkQuestions([rank()], false).problems).toEqual([]);
		expect(checkQuestions([rank({ maxPicks: 2 })], false).problems).toEqual([]);
		expect(checkQuestions([rank({ options: options.slice(0, 1) })], false).problems).toEqual([
			{ index: 0, field: 'options', message: 'two_options_needed' }
		]);
		expect(checkQuestions([rank({ maxPicks: 5 })], false).problems).toEqual([
			{ index: 0, field: 'maxPicks', message: 'ranking_places' }
		]);
		const withOther = rank({ options: [...options, { id: 'o', label: '其他', other: true }] });
		expect(checkQuestions([withOther], false).problems).toContainEqual({
			index: 0,
			field: 'options',
			message: 'invalid'
		});
	});

	it('is not a condition source', () => {
		const follow: Question = {
			...blankQuestion('f', 'short_text'),
			title: 'f',
			when: { combine: 'all', rules: [{ question: 'rk', op: 'eq', value: 'price' }] }
		};
		expect(checkConditions([rank(), follow]).length).toBeGreaterThan(0);
	});
});

describe('compareQuestionnaires, ranking', () => {
	it('reports a change of N and of the options', () => {
		const before = [rank()];
		expect(compareQuestionnaires(before, [rank({ maxPicks: 3 })]).changed[0].fields).toEqual([
			'maxPicks'
		]);
		expect(
			compareQuestionnaires(before, [rank({ options: options.slice(0, 3) })]).changed[0].fields
		).toEqual(['options']);
		expect(compareQuestionnaires(before, [rank()]).same).toBe(true);
	});
});
