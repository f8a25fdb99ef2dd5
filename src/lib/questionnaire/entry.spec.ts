import { describe, expect, it } from 'vitest';
import { parseAnswers } from './answers';
import { entryToForm } from './entry';
import { blankQuestion, type Question } from './types';

const options = (n: number) =>
	Array.from({ length: n }, (_, i) => ({ id: `o${i + 1}`, label: `选项${i + 1}` }));
const q = (id: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({
	...blankQuestion(id, type),
	title: id,
	...extra
});
const entry = (values: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(values)) f.set(k, v);
	return f;
};

describe('entryToForm', () => {
	const questions = [
		q('single', 'single', { options: options(3) }),
		q('multi', 'multiple', { options: options(6) }),
		q('area', 'area', { options: options(21) }),
		q('stars', 'rating'),
		q('idea', 'suggestion')
	];

	it('passes the contact question through as typed, e-mail included, for the same checks', () => {
		const contact = [q('c', 'contact')];
		const typed = { q_c_name: '石大伯', q_c_phone: '139 0013 9018', q_c_email: 'shi@Example.com' };
		const { form, typed: kept } = entryToForm(contact, entry(typed));
		expect(kept).toEqual(typed);
		expect(parseAnswers(contact, form).contact).toEqual({
			name: '石大伯',
			phone: '13900139018',
			email: 'shi@example.com'
		});
		const bad = entryToForm(contact, entry({ q_c_email: 'shi@' }));
		expect(parseAnswers(contact, bad.form).errors).toEqual({ c: 'email_format' });
	});

	it('turns option numbers into the answers the public form would have sent', () => {
		const { form, errors } = entryToForm(
			questions,
			entry({ n_single: '2', n_multi: '153', n_area: '12', q_stars: '4', q_idea: '电压低' })
		);
		expect(errors).toEqual({});
		const parsed = parseAnswers(questions, form);
		expect(parsed.errors).toEqual({});
		expect(parsed.answers).toEqual({
			single: 'o2',
			multi: ['o1', 'o3', 'o5'],
			area: 'o12',
			stars: 4,
			idea: '电压低'
		});
	});

	it('accepts separators for several picks and needs them when there are more than nine options', () => {
		const { form } = entryToForm(questions, entry({ n_multi: '1, 6', n_area: '1 2' }));
		expect(form.getAll('q_multi')).toEqual(['o1', 'o6']);
		expect(entryToForm(questions, entry({ n_area: '1 2' })).errors).toEqual({
			area: 'entry_number'
		});
	});

	it('reports numbers that name no option and keeps what was typed', () => {
		const { errors, typed } = entryToForm(
			questions,
			entry({ n_single: '4', n_multi: 'x', q_idea: '好' })
		);
		expect(errors).toEqual({ single: 'entry_number', multi: 'entry_number' });
		expect(typed).toMatchObject({ n_single: '4', n_multi: 'x', q_idea: '好' });
	});
});
