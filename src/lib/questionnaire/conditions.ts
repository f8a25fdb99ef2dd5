// Skip logic (issue 17): a question is shown only when earlier answers match its condition. The
// one evaluator the server trusts — parseAnswers drops what it hides, on the web form, the fast path
// and paper entry alike. static/skip-logic.js is the browser's copy (shows and hides in place); a
// property test (conditions.spec.ts) holds the two to the same answers.
import type { Answer, Answers, Question, QuestionOption, QuestionType } from './types';

/**
 * One test on an earlier answer. `eq`: the option chosen (a multiple choice: among those chosen) or
 * the number given; `in`: any of these options; `lte` / `gte`: a rating, recommendation or number
 * at most / at least the value, or a date (`YYYY-MM-DD`) on or before / on or after the day.
 */
export type ConditionRule =
	| { question: string; op: 'eq'; value: string | number }
	| { question: string; op: 'in'; value: string[] }
	| { question: string; op: 'lte' | 'gte'; value: number | string };

export type ConditionOp = ConditionRule['op'];

export interface Condition {
	/** all: every rule holds; any: at least one does. */
	combine: 'all' | 'any';
	rules: ConditionRule[];
}

/** Questions whose answers a condition may test: closed answers the form itself offers. */
export const CONDITION_SOURCES: QuestionType[] = [
	'single',
	'multiple',
	'group',
	'area',
	'unit',
	'rating',
	'nps',
	'number',
	'date'
];
/** Sources tested by the option chosen (group/area/unit: the organisation's own options). */
export const CHOICE_SOURCES: QuestionType[] = ['single', 'multiple', 'group', 'area', 'unit'];

/** The tests a source question allows: options are chosen, numbers compared, dates bounded. */
export function opsFor(type: QuestionType): ConditionOp[] {
	if (CHOICE_SOURCES.includes(type)) return ['eq', 'in'];
	return type === 'date' ? ['lte', 'gte'] : ['eq', 'lte', 'gte'];
}

/** A condition's day: `YYYY-MM-DD`, as a date answer is stored (ISO days compare as text). */
export const CONDITION_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether one rule holds for the answer given (no answer: it does not). */
export function ruleHolds(rule: ConditionRule, answer: Answer | undefined): boolean {
	if (answer === undefined) return false;
	switch (rule.op) {
		case 'eq':
			return Array.isArray(answer) ? answer.includes(rule.value as string) : answer === rule.value;
		case 'in':
			return Array.isArray(answer)
				? answer.some((a) => rule.value.includes(a))
				: typeof answer === 'string' && rule.value.includes(answer);
		case 'lte':
			return comparable(answer, rule.value) && answer <= rule.value;
		case 'gte':
			return comparable(answer, rule.value) && answer >= rule.value;
	}
}

/** A number against a number, a day against a day; anything else never compares. */
function comparable(answer: Answer, value: number | string): answer is number | string {
	return typeof answer === 'number'
		? typeof value === 'number'
		: typeof answer === 'string' && typeof value === 'string' && CONDITION_DAY.test(answer);
}

/**
 * The ids of the questions (and sections) shown for these answers, in order. A question without a
 * condition is shown; one with a condition is shown when its rules hold on the answers of
 * questions before it that are themselves shown (an answer to a hidden question counts as no
 * answer). A rule naming a question that is not before it never holds. A question after a section
 * is shown only when that section is too (a section's own condition decides it).
 */
export function visibleQuestionIds(
	questions: Pick<Question, 'id' | 'when' | 'type'>[],
	answers: Answers
): Set<string> {
	const visible = new Set<string>();
	const before = new Set<string>();
	let sectionShown = true;
	for (const q of questions) {
		const rules = q.when?.rules ?? [];
		const holds = (rule: ConditionRule) =>
			before.has(rule.question) && visible.has(rule.question)
				? ruleHolds(rule, answers[rule.question])
				: false;
		let shown =
			rules.length === 0 || (q.when!.combine === 'any' ? rules.some(holds) : rules.every(holds));
		if (q.type === 'section') sectionShown = shown;
		else shown &&= sectionShown;
		if (shown) visible.add(q.id);
		before.add(q.id);
	}
	return visible;
}

/**
 * The pages of the form without JavaScript: a page ends before the first question whose condition
 * tests an answer given on that same page, so every page's questions are settled by the pages
 * before it. A form without conditions is one page. Indexes into `questions`.
 */
export function formPages(questions: Pick<Question, 'id' | 'when'>[]): number[][] {
	const pages: number[][] = [];
	let current: number[] = [];
	let onPage = new Set<string>();
	questions.forEach((q, i) => {
		const dependsOnPage = (q.when?.rules ?? []).some((r) => onPage.has(r.question));
		if (dependsOnPage && current.length) {
			pages.push(current);
			current = [];
			onPage = new Set();
		}
		current.push(i);
		onPage.add(q.id);
	});
	if (current.length) pages.push(current);
	return pages;
}

export interface ConditionProblem {
	index: number;
	field: 'when';
	message:
		| 'condition_forward'
		| 'condition_missing'
		| 'condition_source_type'
		| 'condition_option'
		| 'condition_value'
		| 'condition_unreachable';
	/** 1-based number of the question the rule names, when it has one. */
	source?: number;
}

/** The values a source question can take, when they are few enough to list (choices, scales). */
function domainOf(q: Question): (string | number)[] | null {
	if (CHOICE_SOURCES.includes(q.type)) return q.options.map((o) => o.id);
	if (q.type === 'rating') return Array.from({ length: q.points ?? 5 }, (_, i) => i + 1);
	if (q.type === 'nps') return Array.from({ length: 11 }, (_, i) => i);
	return null;
}

/** Can some one answer of `source` satisfy every rule in `rules` at once? */
function satisfiable(source: Question, rules: ConditionRule[]): boolean {
	const domain = domainOf(source);
	if (domain && source.type === 'multiple') {
		// Several options may be chosen together: each rule needs some option of its own.
		return rules.every((r) => domain.some((v) => ruleHolds(r, [v as string])));
	}
	if (domain) return domain.some((v) => rules.every((r) => ruleHolds(r, v)));
	if (source.type === 'date') {
		// A day between the latest "on or after" and the earliest "on or before" (years 1900–2100).
		let first = '1900-01-01';
		let last = '2100-12-31';
		for (const r of rules) {
			if (typeof r.value !== 'string') return false;
			if (r.op === 'gte' && r.value > first) first = r.value;
			else if (r.op === 'lte' && r.value < last) last = r.value;
		}
		return first <= last;
	}
	// A number: an interval from the bounds and the rules, with the values tested for equality.
	let low = source.min ?? -Infinity;
	let high = source.max ?? Infinity;
	const equals = new Set<number>();
	for (const r of rules) {
		if (typeof r.value !== 'number') return false;
		if (r.op === 'lte') high = Math.min(high, r.value);
		else if (r.op === 'gte') low = Math.max(low, r.value);
		else if (r.op === 'eq') equals.add(r.value);
		else return false;
	}
	if (equals.size > 1) return false;
	if (equals.size === 1) {
		const [v] = equals;
		return v >= low && v <= high && (source.decimal || Number.isInteger(v));
	}
	if (low > high) return false;
	return source.decimal || Math.ceil(low) <= Math.floor(high);
}

/** A rule's value of the right kind for its source (options that exist, numbers on the scale). */
function ruleFits(rule: ConditionRule, source: Question): ConditionProblem['message'] | null {
	if (!CONDITION_SOURCES.includes(source.type)) return 'condition_source_type';
	if (!opsFor(source.type).includes(rule.op)) return 'condition_value';
	if (CHOICE_SOURCES.includes(source.type)) {
		const ids = new Set(source.options.map((o) => o.id));
		const named = rule.op === 'in' ? rule.value : [rule.value];
		if (!Array.isArray(named) || named.length === 0) return 'condition_value';
		return named.every((v) => typeof v === 'string' && ids.has(v)) ? null : 'condition_option';
	}
	if (source.type === 'date') {
		return typeof rule.value === 'string' && isDay(rule.value) ? null : 'condition_value';
	}
	return typeof rule.value === 'number' && Number.isFinite(rule.value) ? null : 'condition_value';
}

/** A day of the calendar written YYYY-MM-DD (not 2026-02-30), in the years a date answer takes. */
function isDay(value: string): boolean {
	if (!CONDITION_DAY.test(value)) return false;
	const [year, month, day] = value.split('-').map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return year >= 1900 && year <= 2100 && date.toISOString().slice(0, 10) === value;
}

/**
 * The questions with the options a group/area/unit question will have: a draft's are empty (they
 * are frozen from the organisation at publication), so its conditions are checked against the
 * organisation's options of now; a published version's keep their own.
 */
function withOrganisationOptions(
	questions: Question[],
	organisation?: OrganisationOptions
): Question[] {
	if (!organisation) return questions;
	return questions.map((q) =>
		q.type === 'group' || q.type === 'area' || q.type === 'unit'
			? { ...q, options: organisation[q.type] }
			: q
	);
}

export type OrganisationOptions = Record<'group' | 'area' | 'unit', QuestionOption[]>;

/**
 * The rules that span questions: a condition names a question before it (not a later one, not
 * one that is gone), of a type that can be tested, with options that exist and numbers of the
 * right kind; and every question can be reached — some answers show it. Rules name only earlier
 * questions, so the graph has no cycles by construction. Reachability treats the sources as
 * independent (it does not follow how a source's own condition constrains its answer).
 */
export function checkConditions(
	items: Question[],
	organisation?: OrganisationOptions
): ConditionProblem[] {
	const questions = withOrganisationOptions(items, organisation);
	const problems: ConditionProblem[] = [];
	const indexOf = new Map(questions.map((q, i) => [q.id, i]));
	const reachable = new Set<string>();
	// Questions in a section no answers can show are not reported one by one: the section is.
	let sectionReachable = true;
	questions.forEach((q, index) => {
		const rules = q.when?.rules ?? [];
		let ok = true;
		for (const rule of rules) {
			const at = indexOf.get(rule.question);
			if (at === undefined) {
				problems.push({ index, field: 'when', message: 'condition_missing' });
				ok = false;
			} else if (at >= index) {
				const message = 'condition_forward';
				problems.push({ index, field: 'when', message, source: at + 1 });
				ok = false;
			} else {
				const message = ruleFits(rule, questions[at]);
				if (message) problems.push({ index, field: 'when', message, source: at + 1 });
				ok &&= !message;
			}
		}
		if (!ok) {
			if (q.type === 'section') sectionReachable = false;
			return;
		}
		const bySource = new Map<string, ConditionRule[]>();
		for (const rule of rules) {
			bySource.set(rule.question, [...(bySource.get(rule.question) ?? []), rule]);
		}
		const sourceOk = (id: string, its: ConditionRule[]) =>
			reachable.has(id) && satisfiable(questions[indexOf.get(id)!], its);
		const shown =
			rules.length === 0 ||
			(q.when!.combine === 'any'
				? rules.some((r) => sourceOk(r.question, [r]))
				: [...bySource].every(([id, its]) => sourceOk(id, its)));
		if (q.type === 'section') sectionReachable = shown;
		else if (!sectionReachable) return;
		if (shown) reachable.add(q.id);
		else problems.push({ index, field: 'when', message: 'condition_unreachable' });
	});
	return problems;
}
