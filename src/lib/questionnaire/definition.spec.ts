import { describe, expect, it } from 'vitest';
import { checkQuestions } from './definition';
import { blankQuestion } from './types';

const q = (id: string, type: Parameters<typeof blankQuestion>[1], extra = {}) => ({
	...blankQuestion(id, type),
	title: `题目 ${id}`,
	...extra
});

describe('checkQuestions', () => {
	it('accepts a valid questionnaire', () => {
		const { problems, questions } = checkQuestions(
			[
				q('a', 'single', {
					options: [
						{ id: 'x', label: '是' },
						{ id: 'y', label: '否' }
					]
				}),
				q('b', 'suggestion')
			],
			true
		);
		expect(problems).toEqual([]);
		expect(questions).toHaveLength(2);
	});

	it('names the question and field of each problem', () => {
		const { problems } = checkQuestions(
			[
				q('a', 'single', { options: [{ id: 'x', label: '是' }] }),
				q('b', 'contact'),
				q('c', 'group'),
				q('d', 'group'),
				{ ...q('e', 'long_text'), title: '  ' }
			],
			true
		);
		expect(problems).toEqual([{ index: 4, field: 'title', message: 'question_title_required' }]);
		const rest = checkQuestions(
			[
				q('a', 'single', { options: [{ id: 'x', label: '是' }] }),
				q('b', 'contact'),
				q('c', 'group'),
				q('d', 'group')
			],
			true
		);
		expect(rest.problems).toEqual([
			{ index: 0, field: 'options', message: 'two_options_needed' },
			{ index: 1, field: 'type', message: 'contact_on_anonymous' },
			{ index: 3, field: 'type', message: 'only_one_of_type' }
		]);
	});

	it('refuses what is not a questionnaire at all', () => {
		expect(checkQuestions({ not: 'an array' }, false).problems).toHaveLength(1);
		expect(
			checkQuestions([{ id: 'a', type: 'bogus', title: 't' }], false).problems[0]
		).toMatchObject({
			index: 0,
			field: 'type'
		});
	});
});
