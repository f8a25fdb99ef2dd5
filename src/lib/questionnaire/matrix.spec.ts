// The matrix question (issue 17): statements rated on one shared scale — read by the one parser
// the web form, the fast path, paper entry and corrections share; checked by the builder's rules;
// compared across versions; never a condition source.
import { describe, expect, it } from 'vitest';
import { matrixField, parseAnswers, typedFields } from './answers';
import { compareQuestionnaires } from './compare';
import { checkConditions, visibleQuestionIds } from './conditions';
import { checkQuestions } from './definition';
import { entryToForm } from './entry';
import { blankQuestion, type Question } from './types';

const statements = [
	{ id: 'fast', label: '抢修及时' },
	{ id: 'kind', label: '态度热情' },
	{ id: 'bill', label: '电费清楚' }
];
const matrix = (extra: Partial<Question> = {}): Question => ({
	...blankQuestion('mx', 'matrix'),
	title: '请为以下各项打分',
	points: 5,
	statements,
	...extra
});
const form = (entries: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
};

describe('parseAnswers, matrix', () => {
	it('reads one point per statement into an object keyed by statement id', () => {
		const parsed = parseAnswers(
			[matrix()],
			form([
				['q_mx.fast', '5'],
				['q_mx.kind', '４'],
				['q_mx.bill', '1']
			])
		);
		expect(parsed.errors).toEqual({});
		expect(parsed.answers).toEqual({ mx: { fast: 5, kind: 4, bill: 1 } });
		expect(parsed.typed).toMatchObject({ 'q_mx.fast': '5', 'q_mx.kind': '4', 'q_mx.bill': '1' });
	});

	it('keeps only the statements answered when not required, and nothing when none are', () => {
		expect(parseAnswers([matrix()], form([['q_mx.kind', '2']])).answers).toEqual({
			mx: { kind: 2 }
		});
		const none = parseAnswers([matrix()], form([]));
		expect(none.answers).toEqual({});
		expect(none.errors).toEqual({});
	});

	it('required means every statement answered', () => {
		const partly = parseAnswers([matrix({ required: true })], form([['q_mx.kind', '2']]));
		expect(partly.errors).toEqual({ mx: 'matrix_incomplete' });
		expect(partly.answers).toEqual({});
		expect(partly.typed['q_mx.kind']).toBe('2');
		expect(parseAnswers([matrix({ required: true })], form([])).errors).toEqual({
			mx: 'answer_required'
		});
	});

	it.each([
		['a point above the scale', [['q_mx.fast', '6']], 'rating_range'],
		['zero', [['q_mx.fast', '0']], 'rating_range'],
		['not a number', [['q_mx.fast', 'x']], 'rating_range'],
		[
			'a statement answered twice',
			[
				['q_mx.fast', '3'],
				['q_mx.fast', '4']
			],
			'matrix_duplicate'
		],
		[
			'a statement the question does not have',
			[
				['q_mx.fast', '3'],
				['q_mx.gone', '4']
			],
			'matrix_unknown_statement'
		]
	] as [string, [string, string][], string][])(
		'refuses %s at the question, with what was typed kept',
		(_, entries, error) => {
			const parsed = parseAnswers([matrix()], form(entries));
			expect(parsed.errors).toEqual({ mx: error });
			expect(parsed.answers).toEqual({});
			expect(parsed.typed['q_mx.fast']).toBe(entries[0][1].trim());
		}
	);

	it('an empty value beside a given one is no answer, not a duplicate', () => {
		const parsed = parseAnswers(
			[matrix()],
			form([
				['q_mx.fast', ''],
				['q_mx.fast', '3']
			])
		);
		expect(parsed.errors).toEqual({});
		expect(parsed.answers).toEqual({ mx: { fast: 3 } });
	});

	it('reads the scale of the question: 10 points take 10, 3 points refuse 4', () => {
		expect(parseAnswers([matrix({ points: 10 })], form([['q_mx.fast', '10']])).answers).toEqual({
			mx: { fast: 10 }
		});
		expect(parseAnswers([matrix({ points: 3 })], form([['q_mx.fast', '4']])).errors).toEqual({
			mx: 'rating_range'
		});
	});

	it('reads a form encoded as URLSearchParams (the fast path) the same way', () => {
		const body = new URLSearchParams('q_mx.fast=2&q_mx.kind=3&q_mx.nope=1');
		expect(parseAnswers([matrix()], body).errors).toEqual({ mx: 'matrix_unknown_statement' });
		const good = new URLSearchParams('q_mx.fast=2&q_mx.kind=3');
		expect(parseAnswers([matrix()], good).answers).toEqual({ mx: { fast: 2, kind: 3 } });
	});

	it('reads typed values handed back again as the same answers', () => {
		const first = parseAnswers([matrix()], form([['q_mx.fast', '2']]));
		expect(parseAnswers([matrix()], typedFields(first.typed)).answers).toEqual(first.answers);
	});

	it('field names of a statement cannot be those of another question', () => {
		// Question ids may hold "_", never ".": q_a.b is question a, statement b only.
		expect(matrixField({ id: 'a' }, { id: 'b' })).toBe('q_a.b');
		expect(matrixField({ id: 'a' }, { id: 'b' })).not.toBe(`q_a_b`);
	});
});

describe('matrix and the rest of the questionnaire', () => {
	it('is not a condition source, and a rule naming it is refused, never evaluated as true', () => {
		const follow: Question = {
			...blankQuestion('next', 'short_text'),
			title: 'next',
			when: { combine: 'all', rules: [{ question: 'mx', op: 'gte', value: 4 }] }
		};
		const problems = checkConditions([matrix(), follow]);
		expect(problems.map((p) => p.message)).toContain('condition_source_type');
		const shown = visibleQuestionIds([matrix(), follow], { mx: { fast: 5 } });
		expect(shown.has('next')).toBe(false);
	});

	it('the builder needs statements with words, unique ids and a scale of 3, 5, 7 or 10', () => {
		expect(checkQuestions([matrix()], false).problems).toEqual([]);
		const problem = (q: Partial<Question>) =>
			checkQuestions([{ ...matrix(), ...q }], false).problems.map((p) => p.field + ':' + p.message);
		expect(problem({ statements: [] })).toEqual(['statements:statements_needed']);
		expect(problem({ statements: [{ id: 'a', label: ' ' }] })).toEqual([
			'statements:statement_label_required'
		]);
		expect(
			problem({
				statements: [
					{ id: 'a', label: 'x' },
					{ id: 'a', label: 'y' }
				]
			})
		).toEqual(['statements:invalid']);
		expect(problem({ points: 4 as 5 })).toEqual(['points:invalid']);
		const single = { ...blankQuestion('s', 'single'), title: 's', statements };
		expect(
			checkQuestions(
				[
					{
						...single,
						options: [
							{ id: 'a', label: 'a' },
							{ id: 'b', label: 'b' }
						]
					}
				],
				false
			).problems.map((p) => p.field)
		).toEqual(['statements']);
	});

	it('a version comparison names statement and scale changes', () => {
		const before = matrix();
		const fields = (after: Question) =>
			compareQuestionnaires([before], [after]).changed[0]?.fields ?? [];
		expect(fields(matrix({ statements: [...statements].reverse() }))).toEqual(['statements']);
		expect(
			fields(
				matrix({ statements: [{ ...statements[0], label: '抢修快' }, ...statements.slice(1)] })
			)
		).toEqual(['statements']);
		expect(fields(matrix({ points: 7 }))).toEqual(['scale']);
		expect(fields(matrix({ lowLabel: '很差' }))).toEqual(['labels']);
		expect(compareQuestionnaires([before], [matrix()]).same).toBe(true);
	});

	it('paper entry: one box per statement, typed as the point ticked, checked by the parser', () => {
		const entry = form([
			['q_mx.fast', '5'],
			['q_mx.kind', ''],
			['q_mx.bill', ' 2 ']
		]);
		const { form: posted, errors, typed } = entryToForm([matrix()], entry);
		expect(errors).toEqual({});
		expect(typed).toMatchObject({ 'q_mx.fast': '5', 'q_mx.kind': '', 'q_mx.bill': '2' });
		expect(parseAnswers([matrix()], posted).answers).toEqual({ mx: { fast: 5, bill: 2 } });
		const wrong = entryToForm([matrix()], form([['q_mx.fast', '9']]));
		expect(parseAnswers([matrix()], wrong.form).errors).toEqual({ mx: 'rating_range' });
	});
});
