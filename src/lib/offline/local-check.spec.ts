import { describe, expect, it } from 'vitest';
import { generateFormCode } from '../form-code';
import type { Question } from '../questionnaire/types';
import { newDeviceToken } from './device-token';
import { checkOffline } from './local-check';
import { readSendAnswer } from './send';

const question = (
	q: Pick<Question, 'id' | 'type' | 'title' | 'required' | 'options'>
): Question => ({
	help: '',
	maxPicks: 0,
	lowLabel: '',
	highLabel: '',
	...q
});
const questions: Question[] = [
	question({
		id: 'group',
		type: 'single',
		title: '您是',
		required: true,
		options: [
			{ id: 'customer', label: '电力客户' },
			{ id: 'staff', label: '职工' }
		]
	}),
	question({ id: 'improve', type: 'long_text', title: '建议', required: false, options: [] })
];

const entry = (values: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(values)) f.set(k, v);
	return f;
};
const none = { used: new Set<string>(), queued: new Set<string>() };

describe('offline entry on the device', () => {
	it('checks the answers with the same parser as the server, and keeps what was typed', () => {
		const ok = checkOffline(questions, entry({ n_group: '1', q_improve: '电压低' }), none);
		expect(ok.errors).toEqual({});
		const bad = checkOffline(questions, entry({ n_group: '7', q_improve: '电压低' }), none);
		expect(bad.errors).toEqual({ group: 'entry_number' });
		expect(bad.typed).toMatchObject({ n_group: '7', q_improve: '电压低' });
		const missing = checkOffline(questions, entry({}), none);
		expect(Object.keys(missing.errors)).toEqual(['group']);
	});

	it('refuses a code that cannot be one, one known to be used, and one already waiting here', () => {
		const [used, queued, free] = [generateFormCode(), generateFormCode(), generateFormCode()];
		const codes = { used: new Set([used]), queued: new Set([queued]) };
		const check = (code: string) =>
			checkOffline(questions, entry({ form_code: code, n_group: '1' }), codes).errors.form_code;
		expect(check(used.toLowerCase())).toBe('form_code_entered');
		expect(check(queued)).toBe('form_code_queued');
		expect(check(free)).toBeUndefined();
		expect(check(free.slice(0, 7) + (free[7] === '0' ? '1' : '0'))).toBe('form_code_unknown');
	});

	it('makes tokens in the server’s shape, each different', () => {
		const tokens = new Set(Array.from({ length: 1000 }, newDeviceToken));
		expect(tokens.size).toBe(1000);
		for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{32}$/);
	});

	it('reads the queue endpoint’s answers: only an explained 4xx is a refusal', () => {
		expect(readSendAnswer(200, false, { status: 'stored', receiptCode: 'ABC' })).toEqual({
			kind: 'stored',
			receiptCode: 'ABC'
		});
		expect(
			readSendAnswer(409, false, {
				status: 'refused',
				reason: 'form_code_entered',
				errors: { form_code: 'form_code_entered' },
				enteredResponseId: 7
			})
		).toEqual({
			kind: 'refused',
			reason: 'form_code_entered',
			errors: { form_code: 'form_code_entered' },
			enteredResponseId: 7
		});
		expect(readSendAnswer(400, false, null)).toMatchObject({ kind: 'refused', reason: 'invalid' });
		expect(readSendAnswer(0, true, null)).toEqual({ kind: 'signed_out' });
		expect(readSendAnswer(403, false, null)).toEqual({ kind: 'signed_out' });
		for (const status of [500, 502, 503, 429, 408]) {
			expect(readSendAnswer(status, false, null)).toEqual({ kind: 'later' });
		}
		// A 200 that is not the endpoint's answer (a captive portal's page) is not a receipt.
		expect(readSendAnswer(200, false, null)).toEqual({ kind: 'later' });
	});
});
