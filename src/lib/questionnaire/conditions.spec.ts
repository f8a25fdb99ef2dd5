import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers, readDate } from './answers';
import {
	checkConditions,
	formPages,
	visibleQuestionIds,
	type Condition,
	type ConditionRule
} from './conditions';
import { checkQuestions } from './definition';
import { entryToForm, numberField } from './entry';
import { blankQuestion, type Answers, type Question } from './types';

const q = (id: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({
	...blankQuestion(id, type),
	title: `题目 ${id}`,
	...extra
});
const opts = (...ids: string[]) => ids.map((id) => ({ id, label: `选项 ${id}` }));
const all = (...rules: ConditionRule[]): Condition => ({ combine: 'all', rules });
const any = (...rules: ConditionRule[]): Condition => ({ combine: 'any', rules });

/** 1 问满意度 → 2 (不满意时) 为什么 → 3 评分 → 4 (评分 ≤ 2, 或 1 选了 meh) → 5 无条件 */
const FORM: Question[] = [
	q('sat', 'single', { options: opts('ok', 'bad', 'meh'), required: true }),
	q('why', 'long_text', {
		required: true,
		when: all({ question: 'sat', op: 'in', value: ['bad', 'meh'] })
	}),
	q('score', 'rating', { required: true }),
	q('low', 'short_text', {
		required: true,
		when: any(
			{ question: 'score', op: 'lte', value: 2 },
			{ question: 'sat', op: 'eq', value: 'meh' }
		)
	}),
	q('end', 'suggestion')
];

function formOf(entries: [string, string][]) {
	const form = new FormData();
	for (const [k, v] of entries) form.append(k, v);
	return form;
}

describe('visibleQuestionIds', () => {
	it('shows a question only when its condition holds on answers before it', () => {
		expect([...visibleQuestionIds(FORM, {})]).toEqual(['sat', 'score', 'end']);
		expect([...visibleQuestionIds(FORM, { sat: 'bad', score: 2 })]).toEqual([
			'sat',
			'why',
			'score',
			'low',
			'end'
		]);
		expect(visibleQuestionIds(FORM, { sat: 'ok', score: 3 }).has('low')).toBe(false);
	});

	it('reads multiple choices, numbers, all and any', () => {
		const questions = [
			q('m', 'multiple', { options: opts('a', 'b', 'c') }),
			q('n', 'number'),
			q('x', 'short_text', {
				when: all({ question: 'm', op: 'eq', value: 'b' }, { question: 'n', op: 'gte', value: 10 })
			}),
			q('y', 'short_text', {
				when: any({ question: 'm', op: 'in', value: ['c'] }, { question: 'n', op: 'eq', value: 3 })
			})
		];
		const shown = (answers: Answers) => [...visibleQuestionIds(questions, answers)].slice(2);
		expect(shown({ m: ['a', 'b'], n: 10 })).toEqual(['x']);
		expect(shown({ m: ['b'], n: 9.5 })).toEqual([]);
		expect(shown({ m: ['a'], n: 3 })).toEqual(['y']);
		expect(shown({ m: ['b', 'c'], n: 12 })).toEqual(['x', 'y']);
		// A number compared with an option id, or text with a threshold: never true.
		expect(shown({ m: 'b' as unknown as string[], n: '12' as unknown as number })).toEqual([]);
	});

	it("reads the organisation's options (group/area/unit) like a single choice, and dates by day", () => {
		const questions = [
			q('ar', 'area', { options: opts('a1', 'a2', 'a3') }),
			q('d', 'date'),
			q('x', 'short_text', { when: all({ question: 'ar', op: 'eq', value: 'a2' }) }),
			q('y', 'short_text', { when: all({ question: 'ar', op: 'in', value: ['a1', 'a3'] }) }),
			q('early', 'short_text', { when: all({ question: 'd', op: 'lte', value: '2026-03-05' }) }),
			q('late', 'short_text', { when: all({ question: 'd', op: 'gte', value: '2026-03-05' }) })
		];
		const shown = (answers: Answers) => [...visibleQuestionIds(questions, answers)].slice(2);
		expect(shown({ ar: 'a2', d: '2026-03-05' })).toEqual(['x', 'early', 'late']);
		expect(shown({ ar: 'a3', d: '2026-03-04' })).toEqual(['y', 'early']);
		expect(shown({ ar: 'a1', d: '2026-12-31' })).toEqual(['y', 'late']);
		expect(shown({})).toEqual([]);
		// A number against a day, or a day against a number: never true.
		const mixed = [
			q('n', 'number'),
			q('z', 'short_text', { when: all({ question: 'n', op: 'gte', value: '2026-01-01' }) })
		];
		expect(visibleQuestionIds(mixed, { n: 3 }).has('z')).toBe(false);
		expect(visibleQuestionIds(questions, { d: 20260305 as unknown as string }).has('early')).toBe(
			false
		);
	});

	it('counts the answer of a hidden question as no answer, and never looks forward', () => {
		const questions = [
			q('a', 'single', { options: opts('y', 'n') }),
			q('b', 'rating', { when: all({ question: 'a', op: 'eq', value: 'y' }) }),
			q('c', 'short_text', { when: all({ question: 'b', op: 'gte', value: 4 }) }),
			q('d', 'short_text', { when: all({ question: 'e', op: 'eq', value: 1 }) }),
			q('e', 'number')
		];
		expect([...visibleQuestionIds(questions, { a: 'n', b: 5, e: 1 })]).toEqual(['a', 'e']);
		expect([...visibleQuestionIds(questions, { a: 'y', b: 5, e: 1 })]).toEqual([
			'a',
			'b',
			'c',
			'e'
		]);
	});
});

describe('formPages', () => {
	it('ends a page before the first question that depends on an answer on it', () => {
		expect(formPages(FORM)).toEqual([[0], [1, 2], [3, 4]]);
		expect(formPages([q('a', 'short_text'), q('b', 'short_text')])).toEqual([[0, 1]]);
		expect(formPages([])).toEqual([]);
	});
});

describe('checkConditions (the graph a builder saves and publishes)', () => {
	it('accepts a sound questionnaire', () => {
		expect(checkConditions(FORM)).toEqual([]);
		expect(checkQuestions(FORM, true).problems).toEqual([]);
	});

	it('refuses a condition on a later question, on itself, or on one that is gone', () => {
		const later = [
			q('a', 'short_text', { when: all({ question: 'b', op: 'eq', value: 1 }) }),
			q('b', 'number')
		];
		expect(checkConditions(later)).toEqual([
			{ index: 0, field: 'when', message: 'condition_forward', source: 2 }
		]);
		const self = [q('n', 'number', { when: all({ question: 'n', op: 'gte', value: 1 }) })];
		expect(checkConditions(self)[0].message).toBe('condition_forward');
		const gone = [q('a', 'short_text', { when: all({ question: 'zz', op: 'eq', value: 1 }) })];
		expect(checkConditions(gone)[0].message).toBe('condition_missing');
	});

	it('refuses options that do not exist, untestable sources and values of the wrong kind', () => {
		const base = [q('c', 'single', { options: opts('a', 'b') }), q('t', 'short_text')];
		const check = (rule: ConditionRule) =>
			checkConditions([...base, q('x', 'short_text', { when: all(rule) })]).map((p) => p.message);
		expect(check({ question: 'c', op: 'eq', value: 'gone' })).toEqual(['condition_option']);
		expect(check({ question: 'c', op: 'lte', value: 2 })).toEqual(['condition_value']);
		expect(check({ question: 't', op: 'eq', value: 'a' })).toEqual(['condition_source_type']);
		expect(check({ question: 'c', op: 'in', value: [] })).toEqual(['condition_value']);
	});

	it("checks group/area/unit conditions against the organisation's options, and dates as days", () => {
		// A draft's area question has no options of its own: they are frozen at publication.
		const draft = [
			q('ar', 'area'),
			q('d', 'date'),
			q('x', 'short_text', { when: all({ question: 'ar', op: 'in', value: ['a1', 'a9'] }) }),
			q('y', 'short_text', { when: all({ question: 'd', op: 'lte', value: '2026-02-30' }) }),
			q('z', 'short_text', { when: all({ question: 'd', op: 'eq', value: '2026-02-01' }) }),
			q('w', 'short_text', { when: all({ question: 'd', op: 'gte', value: 3 }) })
		];
		const organisation = { group: [], area: opts('a1', 'a2'), unit: [] };
		expect(checkConditions(draft, organisation).map((p) => [p.index, p.message])).toEqual([
			[2, 'condition_option'],
			[3, 'condition_value'],
			[4, 'condition_value'],
			[5, 'condition_value']
		]);
		const sound = [
			q('ar', 'area'),
			q('d', 'date'),
			q('x', 'short_text', { when: all({ question: 'ar', op: 'eq', value: 'a2' }) }),
			q('y', 'short_text', {
				when: all(
					{ question: 'd', op: 'gte', value: '2026-01-01' },
					{ question: 'd', op: 'lte', value: '2026-01-01' }
				)
			})
		];
		expect(checkConditions(sound, organisation)).toEqual([]);
		expect(checkQuestions(sound, true, organisation).problems).toEqual([]);
		// Without the organisation's options (an area retired since): the option is gone.
		expect(checkConditions(sound).map((p) => p.message)).toEqual(['condition_option']);
		// A published version keeps its frozen options.
		const frozen = sound.map((x) => (x.type === 'area' ? { ...x, options: opts('a2') } : x));
		expect(checkConditions(frozen)).toEqual([]);
		// "On or after 2026-02-01 and on or before 2026-01-31": no day can be both.
		const never = [
			q('d', 'date'),
			q('y', 'short_text', {
				when: all(
					{ question: 'd', op: 'gte', value: '2026-02-01' },
					{ question: 'd', op: 'lte', value: '2026-01-31' }
				)
			})
		];
		expect(checkConditions(never).map((p) => p.message)).toEqual(['condition_unreachable']);
	});

	it('refuses a question no answers can reach', () => {
		const check = (...questions: Question[]) => checkConditions(questions).map((p) => p.message);
		const r = q('r', 'rating');
		expect(
			check(r, q('x', 'short_text', { when: all({ question: 'r', op: 'gte', value: 6 }) }))
		).toEqual(['condition_unreachable']);
		const both = all(
			{ question: 'r', op: 'lte', value: 2 },
			{ question: 'r', op: 'gte', value: 4 }
		);
		expect(check(r, q('x', 'short_text', { when: both }))).toEqual(['condition_unreachable']);
		// The same rules with any: reachable.
		expect(check(r, q('x', 'short_text', { when: { ...both, combine: 'any' } }))).toEqual([]);
		const whole = q('n', 'number', { min: 0, max: 10 });
		expect(
			check(whole, q('x', 'short_text', { when: all({ question: 'n', op: 'eq', value: 2.5 }) }))
		).toEqual(['condition_unreachable']);
		// Unreachable through its source: b is never shown, so neither is c.
		const chain = [
			r,
			q('b', 'nps', { when: all({ question: 'r', op: 'gte', value: 9 }) }),
			q('c', 'short_text', { when: all({ question: 'b', op: 'gte', value: 0 }) })
		];
		expect(check(...chain)).toEqual(['condition_unreachable', 'condition_unreachable']);
	});

	it('reaches checkQuestions, with zod refusing malformed conditions', () => {
		const bad = [
			q('a', 'number'),
			{ ...q('b', 'short_text'), when: { combine: 'all', rules: [] } }
		];
		expect(checkQuestions(bad, true).problems.map((p) => p.message)).toEqual(['condition_empty']);
		const op = [
			q('a', 'number'),
			{ ...q('b', 'short_text'), when: all({ question: 'a', op: 'ne', value: 1 } as never) }
		];
		expect(checkQuestions(op, true).problems).toHaveLength(1);
		// Questionnaires saved before conditions existed read as before.
		expect(checkQuestions([q('a', 'number')], true).problems).toEqual([]);
	});
});

describe('parseAnswers with conditions', () => {
	it('does not require hidden questions and drops their answers', () => {
		const parsed = parseAnswers(
			FORM,
			formOf([
				['q_sat', 'ok'],
				['q_why', '一直没人来'],
				['q_score', '4'],
				['q_low', '太慢']
			])
		);
		expect(parsed.errors).toEqual({});
		expect(parsed.answers).toEqual({ sat: 'ok', score: 4 });
		expect(parsed.hidden).toEqual(['why', 'low']);
		// What was typed stays, to be shown again should the question come back.
		expect(parsed.typed.q_why).toBe('一直没人来');
	});

	it('requires a shown question, and an invalid answer to a hidden one is no error', () => {
		const parsed = parseAnswers(
			FORM,
			formOf([
				['q_sat', 'bad'],
				['q_score', '9']
			])
		);
		expect(parsed.errors).toEqual({ why: 'answer_required', score: 'rating_range' });
		// score is invalid, so "low" (score ≤ 2) is hidden and not required.
		expect(parsed.hidden).toEqual(['low']);
	});

	it('paper entry drops what a clerk typed for a hidden question', () => {
		const entry = formOf([
			[numberField(FORM[0]), '1'],
			['q_why', '写了也不算'],
			['q_score', '1'],
			['q_low', '太慢']
		]);
		const { form } = entryToForm(FORM, entry);
		const parsed = parseAnswers(FORM, form);
		expect(parsed.answers).toEqual({ sat: 'ok', score: 1, low: '太慢' });
	});
});

// ------------------------------------------------------------ the browser's copy agrees

/** static/skip-logic.js's evaluator, as the browser runs it (no document here: no DOM part). */
function browserVisible(): (questions: Question[], answers: Answers) => Set<string> {
	const file = path.resolve(import.meta.dirname, '../../../static/skip-logic.js');
	const source = readFileSync(file, 'utf8');
	return new Function(`${source}\nreturn xkVisible;`)();
}

/** A small seeded generator (mulberry32): the same random questionnaires on every run. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const DAYS = ['2025-12-31', '2026-01-01', '2026-03-05', '2026-10-01'];

function randomCase(next: () => number) {
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
	const count = 2 + Math.floor(next() * 8);
	const questions: Question[] = [];
	const answers: Answers = {};
	for (let i = 0; i < count; i++) {
		const type = pick([
			'single',
			'multiple',
			'area',
			'rating',
			'nps',
			'number',
			'date',
			'short_text',
			'section'
		] as const);
		const choice = type === 'single' || type === 'multiple' || type === 'area';
		const question = q(`q${i}`, type, { options: choice ? opts('a', 'b', 'c') : [] });
		if (i > 0 && next() < 0.6) {
			const rules: ConditionRule[] = [];
			for (let r = 0; r < 1 + Math.floor(next() * 3); r++) {
				// Mostly earlier questions, sometimes a later one or one that does not exist.
				const source = next() < 0.85 ? Math.floor(next() * i) : i + 1 + Math.floor(next() * 3);
				const op = pick(['eq', 'in', 'lte', 'gte'] as const);
				const roll = next();
				const value =
					op === 'in'
						? ['a', 'b', 'c'].filter(() => next() < 0.5)
						: roll < 0.35
							? pick(['a', 'b', 'c'])
							: roll < 0.65
								? pick(DAYS)
								: Math.floor(next() * 11);
				rules.push({ question: `q${source}`, op, value } as ConditionRule);
			}
			question.when = { combine: next() < 0.5 ? 'all' : 'any', rules };
		}
		questions.push(question);
		// A section has no answer (a crafted one for it must change nothing).
		if (next() < 0.2 || (type === 'section' && next() < 0.8)) continue;
		answers[question.id] =
			type === 'single' || type === 'area'
				? pick(['a', 'b', 'c'])
				: type === 'date'
					? pick(DAYS)
					: type === 'multiple'
						? ['a', 'b', 'c'].filter(() => next() < 0.5)
						: type === 'short_text'
							? pick(['a', '5'])
							: Math.floor(next() * 11) - (type === 'number' ? 0.5 : 0);
	}
	return { questions, answers };
}

describe('the browser and the server agree on what is shown', () => {
	it('on 3000 random questionnaires and answers', () => {
		const inBrowser = browserVisible();
		const next = random(17);
		let hidden = 0;
		for (let i = 0; i < 3000; i++) {
			const { questions, answers } = randomCase(next);
			const server = [...visibleQuestionIds(questions, answers)];
			expect([...inBrowser(questions, answers)], JSON.stringify({ questions, answers })).toEqual(
				server
			);
			hidden += questions.length - server.length;
		}
		// The cases do exercise hiding, not just the trivial "all shown".
		expect(hidden).toBeGreaterThan(3000);
	});
});

describe('the browser reads a date as the server does', () => {
	it('on the ways people write a day, and on days that do not exist', () => {
		const file = path.resolve(import.meta.dirname, '../../../static/skip-logic.js');
		const xkDay = new Function(`${readFileSync(file, 'utf8')}\nreturn xkDay;`)();
		const written = [
			'2026-03-05',
			'2026/3/5',
			'2026.3.5',
			'2026年3月5日',
			'２０２６年３月５日',
			'20260305',
			' 2026 - 03 - 05 ',
			'2026-02-30',
			'2026-04-31',
			'1899-12-31',
			'2101-01-01',
			'2024-02-29',
			'3/5/2026',
			'明天',
			''
		];
		for (const raw of written) expect(xkDay(raw) ?? null, raw).toBe(readDate(raw));
	});
});

describe('conditions in words (the printed form, the preview)', () => {
	it('tells the paper respondent what to answer and where to go otherwise', async () => {
		const { messages } = await import('../i18n');
		const { paperInstructions } = await import('./condition-words');
		const questions = [
			q('sat', 'single', {
				options: [
					{ id: 'ok', label: '满意' },
					{ id: 'bad', label: '不满意' }
				]
			}),
			q('why', 'long_text', { when: all({ question: 'sat', op: 'eq', value: 'bad' }) }),
			q('where', 'short_text', { when: all({ question: 'sat', op: 'eq', value: 'bad' }) }),
			q('score', 'rating'),
			q('low', 'short_text', { when: any({ question: 'score', op: 'lte', value: 2 }) })
		];
		expect([...paperInstructions(messages('zh-CN').skipLogic, questions)]).toEqual([
			[1, '如第 1 题选“不满意”，请答第 2–3 题；否则跳到第 4 题。'],
			[4, '如第 4 题答 2 或以下，请答第 5 题；否则本表到此结束。']
		]);
		expect(paperInstructions(messages('en').skipLogic, questions).get(1)).toBe(
			'If you chose “不满意” in question 1, answer questions 2–3; otherwise go to question 4.'
		);
	});

	it('says a condition on an area and on a date in both languages', async () => {
		const { messages } = await import('../i18n');
		const { conditionWords } = await import('./condition-words');
		const questions = [
			q('ar', 'area', {
				options: [
					{ id: 'a1', label: '城关' },
					{ id: 'a2', label: '大围山' }
				]
			}),
			q('d', 'date')
		];
		const when = all(
			{ question: 'ar', op: 'in', value: ['a1', 'a2'] },
			{ question: 'd', op: 'gte', value: '2026-03-01' }
		);
		expect(conditionWords(messages('zh-CN').skipLogic, questions, when)).toBe(
			'第 1 题选“城关”或“大围山”且第 2 题所填日期在 2026-03-01 当天或之后'
		);
		expect(
			conditionWords(messages('en').skipLogic, questions, {
				combine: 'any',
				rules: [{ question: 'd', op: 'lte', value: '2026-03-01' }]
			})
		).toBe('the date in question 2 is on or before 2026-03-01');
	});
});
