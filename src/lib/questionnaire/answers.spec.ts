import { describe, expect, it } from 'vitest';
import { EMAIL_LIMIT, normaliseEmail, normalisePhone, parseAnswers } from './answers';
import { blankQuestion, type Question } from './types';

const q = (id: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({
	...blankQuestion(id, type),
	title: id,
	...extra
});
const options = [
	{ id: 'a', label: 'A' },
	{ id: 'b', label: 'B' },
	{ id: 'c', label: 'C' }
];
const form = (entries: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
};

describe('parseAnswers', () => {
	const questions = [
		q('one', 'single', { options, required: true }),
		q('many', 'multiple', { options, maxPicks: 2 }),
		q('stars', 'rating', { required: true }),
		q('idea', 'suggestion'),
		q('who', 'group', { options: [{ id: 'g3', label: '电力客户' }] }),
		q('contact', 'contact')
	];

	it('reads every type and keeps the questionnaire order of multiple picks', () => {
		const parsed = parseAnswers(
			questions,
			form([
				['q_one', 'b'],
				['q_many', 'c'],
				['q_many', 'a'],
				['q_stars', '4'],
				['q_idea', '  电压太低，晚上灯都不亮\r\n希望改造  '],
				['q_who', 'g3'],
				['q_contact_name', '王师傅'],
				['q_contact_phone', '138 1234 5678'],
				['unrelated', 'ignored']
			])
		);
		expect(parsed.errors).toEqual({});
		expect(parsed.answers).toEqual({
			one: 'b',
			many: ['a', 'c'],
			stars: 4,
			idea: '电压太低，晚上灯都不亮\n希望改造',
			who: 'g3'
		});
		expect(parsed.contact).toEqual({ name: '王师傅', phone: '13812345678', email: '' });
		expect(parsed.groupOption).toBe('g3');
	});

	it('reports every problem at once and keeps what was typed', () => {
		const parsed = parseAnswers(
			questions,
			form([
				['q_one', 'zzz'],
				['q_many', 'a'],
				['q_many', 'b'],
				['q_many', 'c'],
				['q_stars', '6'],
				['q_idea', 'x'.repeat(2001)],
				['q_contact_phone', '12345']
			])
		);
		expect(parsed.errors).toEqual({
			one: 'unknown_option',
			many: 'too_many_picks',
			stars: 'rating_range',
			idea: 'too_long',
			contact: 'phone_format'
		});
		expect(parsed.typed).toMatchObject({
			q_one: 'zzz',
			q_many: ['a', 'b', 'c'],
			q_contact_phone: '12345'
		});
	});

	it('reads an e-mail beside or instead of the phone, and refuses a malformed or long one', () => {
		const only = parseAnswers(
			questions,
			form([['q_contact_email', ' Wang.Shifu+dl@Example.COM ']])
		);
		expect(only.errors.contact).toBeUndefined();
		expect(only.contact).toEqual({ name: '', phone: '', email: 'Wang.Shifu+dl@example.com' });
		// Typed on a Chinese keyboard: full-width ＠ and ．.
		const wide = parseAnswers(
			questions,
			form([
				['q_contact_phone', '13812345678'],
				['q_contact_email', 'li＠qq．com']
			])
		);
		expect(wide.contact).toEqual({ name: '', phone: '13812345678', email: 'li@qq.com' });
		for (const bad of [
			'wang',
			'wang@',
			'@example.com',
			'wang@localhost',
			'wang@@example.com',
			'a b@example.com',
			'wang@example..com'
		]) {
			const parsed = parseAnswers(questions, form([['q_contact_email', bad]]));
			expect(parsed.errors.contact, bad).toBe('email_format');
			expect(parsed.contact, bad).toBeNull();
			expect(parsed.typed.q_contact_email).toBe(bad);
		}
		const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.cn`;
		expect(long.length).toBeGreaterThan(EMAIL_LIMIT);
		expect(parseAnswers(questions, form([['q_contact_email', long]])).errors.contact).toBe(
			'email_too_long'
		);
		const fits = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.cn`;
		expect(fits.length).toBe(EMAIL_LIMIT);
		expect(normaliseEmail(fits)).toBe(fits);
		// A bad phone is still reported as the phone's fault when the e-mail is fine.
		expect(
			parseAnswers(
				questions,
				form([
					['q_contact_phone', '12345'],
					['q_contact_email', 'li@qq.com']
				])
			).errors.contact
		).toBe('phone_format');
	});

	it('requires required answers and refuses NUL and other control characters', () => {
		const parsed = parseAnswers(questions, form([['q_idea', 'ab\u0000cd']]));
		expect(parsed.errors).toMatchObject({
			one: 'answer_required',
			stars: 'answer_required',
			idea: 'invalid_chars'
		});
	});

	it('treats an empty or blank form as no answers, and two values for a single choice as invalid', () => {
		const empty = parseAnswers(
			[q('idea', 'suggestion'), q('one', 'single', { options })],
			form([['q_idea', '   ']])
		);
		expect(empty.answers).toEqual({});
		expect(empty.errors).toEqual({});
		const twice = parseAnswers(
			[q('one', 'single', { options })],
			form([
				['q_one', 'a'],
				['q_one', 'b']
			])
		);
		expect(twice.errors).toEqual({ one: 'invalid' });
	});
});

describe('normalisePhone', () => {
	it('accepts mobile and landline numbers as people write them', () => {
		expect(normalisePhone('+86 139-0731-0000')).toBe('13907310000');
		expect(normalisePhone('0731-83212345')).toBe('073183212345');
		expect(normalisePhone('（0731）8321234')).toBe('07318321234');
	});
	it('refuses what is not a phone number', () => {
		expect(normalisePhone('12345')).toBeNull();
		expect(normalisePhone('1381234567a')).toBeNull();
		expect(normalisePhone('23812345678')).toBeNull();
	});
});
