// Conditions said in words: on the printed form ("如第 3 题选“不满意”，请答第 4 题；否则跳到第 6
// 题") and beside a question in the builder's preview.
import type { Messages } from '../i18n';
import type { Condition, ConditionRule } from './conditions';
import type { Question } from './types';

type Words = Messages['skipLogic'];

function ruleWords(w: Words, questions: Question[], rule: ConditionRule): string {
	const at = questions.findIndex((q) => q.id === rule.question);
	const n = at + 1;
	if (rule.op === 'eq' || rule.op === 'in') {
		if (typeof rule.value === 'number') return w.ruleEq(n, rule.value);
		const ids = Array.isArray(rule.value) ? rule.value : [rule.value];
		const options = questions[at]?.options ?? [];
		return w.ruleChoice(
			n,
			ids.map((id) => options.find((o) => o.id === id)?.label ?? id)
		);
	}
	if (typeof rule.value === 'string') {
		return rule.op === 'lte' ? w.ruleDateLte(n, rule.value) : w.ruleDateGte(n, rule.value);
	}
	return rule.op === 'lte' ? w.ruleLte(n, rule.value) : w.ruleGte(n, rule.value);
}

/** "第 1 题选“不满意”或“一般”且第 3 题答 2 或以下". */
export function conditionWords(w: Words, questions: Question[], when: Condition): string {
	const join = when.combine === 'any' ? w.joinAny : w.joinAll;
	return when.rules.map((rule) => ruleWords(w, questions, rule)).join(join);
}

/**
 * The printed form's instructions, by the index of the question they stand before: one for each
 * run of consecutive questions with the same condition, naming the run and where to go otherwise.
 */
export function paperInstructions(w: Words, questions: Question[]): Map<number, string> {
	const instructions = new Map<number, string>();
	const key = (q: Question) => (q.when ? JSON.stringify(q.when) : '');
	let i = 0;
	while (i < questions.length) {
		let end = i;
		while (end + 1 < questions.length && key(questions[end + 1]) === key(questions[i])) end++;
		const when = questions[i].when;
		if (when) {
			const next = end + 1 < questions.length ? end + 2 : null;
			instructions.set(i, w.paper(conditionWords(w, questions, when), i + 1, end + 1, next));
		}
		i = end + 1;
	}
	return instructions;
}
