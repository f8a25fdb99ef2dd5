import { describe, expect, it } from 'vitest';
import { parseAnswers } from './answers';
import { paperInstructions } from './condition-words';
import { compareQuestionnaires } from './compare';
import { checkConditions, formPages, visibleQuestionIds, type Condition } from './conditions';
import { checkQuestions } from './definition';
import { entryToForm, numberField } from './entry';
import { itemNumbers, questionsOnly, sectionOf, sectionRange } from './sections';
import { blankQuestion, type Question } from './types';
import { messages } from '../i18n';

const q = (id: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({
	...blankQuestion(id, type),
	title: `题目 ${id}`,
	...extra
});
const eq = (question: string, value: string | number): Condition => ({
	combine: 'all',
	rules: [{ question, op: 'eq', value }]
});
const form = (entries: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
};

/** 1 片区 · 2 日期 · [第二部分 if 片区 = 城关: 3 街道 (required), 4 (日期 ≥ 11-01) 通知] · [第三部分: 5 建议] */
const FORM: Question[] = [
	q('area', 'area', {
		required: true,
		options: [
			{ id: 'a1', label: '城关' },
			{ id: 'a2', label: '大围山' }
		]
	}),
	q('outage', 'date'),
	q('s1', 'section', { title: '城关片区', help: '只请城关片区的居民填写', when: eq('area', 'a1') }),
	q('street', 'short_text', { required: true }),
	q('notice', 'single', {
		required: true,
		options: [
			{ id: 'y', label: '通知了' },
			{ id: 'n', label: '没通知' }
		],
		when: { combine: 'all', rules: [{ question: 'outage', op: 'gte', value: '2026-11-01' }] }
	}),
	q('s2', 'section', { title: '建议' }),
	q('idea', 'suggestion')
];

describe('sections', () => {
	it('number questions without counting sections, and know which questions each governs', () => {
		expect([...itemNumbers(FORM)]).toEqual([
			['area', 1],
			['outage', 2],
			// The questions before the first section are the first part.
			['s1', 2],
			['street', 3],
			['notice', 4],
			['s2', 3],
			['idea', 5]
		]);
		expect(sectionRange(FORM, 2)).toEqual([3, 4]);
		expect(sectionOf(FORM).get('notice')?.id).toBe('s1');
		expect(sectionOf(FORM).has('outage')).toBe(false);
		expect(questionsOnly(FORM).map((x) => x.id)).toEqual([
			'area',
			'outage',
			'street',
			'notice',
			'idea'
		]);
	});

	it("show or hide every question up to the next section; a question's own condition must hold too", () => {
		const shown = (answers: Record<string, string>) => [...visibleQuestionIds(FORM, answers)];
		expect(shown({ area: 'a2', outage: '2026-11-05' })).toEqual(['area', 'outage', 's2', 'idea']);
		expect(shown({ area: 'a1', outage: '2026-10-05' })).toEqual([
			'area',
			'outage',
			's1',
			'street',
			's2',
			'idea'
		]);
		expect(shown({ area: 'a1', outage: '2026-11-05' })).toContain('notice');
		// The next section (no condition) shows its questions again.
		expect(shown({})).toEqual(['area', 'outage', 's2', 'idea']);
	});

	it('break the pages without JavaScript where the conditions need', () => {
		// The section tests the area on page 1: it starts page 2; "notice" tests the date (page 1).
		expect(formPages(FORM)).toEqual([
			[0, 1],
			[2, 3, 4, 5, 6]
		]);
	});

	it("are never required, drop their questions' answers when hidden, and take none themselves", () => {
		const hidden = parseAnswers(
			FORM,
			form([
				['q_area', 'a2'],
				['q_outage', '2026-11-05'],
				['q_street', '解放路'],
				['q_notice', 'n'],
				['q_s1', '不该有的'],
				['q_idea', '多设缴费点']
			])
		);
		expect(hidden.errors).toEqual({});
		expect(hidden.answers).toEqual({ area: 'a2', outage: '2026-11-05', idea: '多设缴费点' });
		expect(hidden.hidden).toEqual(['s1', 'street', 'notice']);
		const shown = parseAnswers(
			FORM,
			form([
				['q_area', 'a1'],
				['q_outage', '2026-11-05']
			])
		);
		expect(shown.errors).toEqual({ street: 'answer_required', notice: 'answer_required' });
		// Paper entry: what the clerk typed in a hidden section is dropped too.
		const entry = entryToForm(
			FORM,
			form([
				[numberField(FORM[0]), '2'],
				['q_street', '抄错的一行'],
				['q_idea', '建议']
			])
		);
		expect(parseAnswers(FORM, entry.form).answers).toEqual({ area: 'a2', idea: '建议' });
	});

	it('are checked on save: a heading, no empty section, an unreachable section said once', () => {
		expect(checkQuestions(FORM, true).problems).toEqual([]);
		const empty = [q('a', 'single', { options: FORM[4].options }), q('s', 'section')];
		expect(checkQuestions(empty, true).problems.map((p) => p.message)).toEqual(['section_empty']);
		const untitled = [{ ...q('s', 'section'), title: '' }, q('a', 'short_text')];
		expect(checkQuestions(untitled, true).problems.map((p) => p.message)).toEqual([
			'question_title_required'
		]);
		const never = [
			q('r', 'rating'),
			q('s', 'section', { when: eq('r', 9) }),
			q('x', 'short_text', { when: eq('r', 1) }),
			q('y', 'short_text')
		];
		expect(checkConditions(never).map((p) => [p.index, p.message])).toEqual([
			[1, 'condition_unreachable']
		]);
		// A condition cannot look at a section (it has no answer).
		const onSection = [q('s', 'section'), q('x', 'short_text', { when: eq('s', 'a') })];
		expect(checkConditions(onSection).map((p) => p.message)).toEqual(['condition_source_type']);
	});

	it('are said on paper: the part, its questions, and where to go otherwise, in both languages', () => {
		const zh = messages('zh-CN');
		expect([...paperInstructions(zh.skipLogic, FORM, zh.sections)]).toEqual([
			[2, '如第 1 题选“城关”，请答第二部分（第 3–4 题）；否则跳到第 5 题。'],
			[4, '如第 2 题所填日期在 2026-11-01 当天或之后，请答第 4 题；否则跳到第 5 题。']
		]);
		const en = messages('en');
		expect(paperInstructions(en.skipLogic, FORM, en.sections).get(2)).toBe(
			'If you chose “城关” in question 1, answer Part 2 (questions 3–4); otherwise go to question 5.'
		);
		expect(zh.sections.part(2)).toBe('第二部分');
		expect(zh.sections.part(12)).toBe('第十二部分');
		expect(zh.sections.part(20)).toBe('第二十部分');
	});

	it('are reported by the version comparison, numbered by their part', () => {
		const draft = FORM.map((x) => (x.id === 's1' ? { ...x, title: '城关片区的居民' } : x)).filter(
			(x) => x.id !== 's2'
		);
		const c = compareQuestionnaires(FORM, draft);
		expect(c.removed.map((x) => [x.question.id, x.number])).toEqual([['s2', 3]]);
		expect(c.changed.map((x) => [x.after.question.id, x.after.number, x.fields])).toEqual([
			['s1', 2, ['title']]
		]);
		// A form that opens with a section calls it the first part.
		expect(itemNumbers(FORM.slice(2)).get('s1')).toBe(1);
	});
});
