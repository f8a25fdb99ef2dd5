// Conditions said in words: on the printed form ("如第 3 题选“不满意”，请答第 4 题；否则跳到第 6
// 题") and beside a question in the builder's preview.
import type { Messages } from '../i18n';
import type { Condition, ConditionRule } from './conditions';
import { isSection, itemNumbers, sectionRange } from './sections';
import type { Question } from './types';

type Words = Messages['skipLogic'];

function ruleWords(w: Words, questions: Question[], rule: ConditionRule): string {
	const at = questions.findIndex((q) => q.id === rule.question);
	// Numbered as the form and the print number them: sections take no number.
	const n = itemNumbers(questions).get(rule.question) ?? 0;
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
 * The printed form's instructions, by the index of the item they stand before: one for each run of
 * consecutive questions with the same condition (a run stops at a section), naming the run and
 * where to go otherwise; and one before each section with a condition, naming its part and its
 * questions ("如第 1 题选“城关”，请答第二部分（第 3–4 题）；否则跳到第 5 题。").
 */
export function paperInstructions(
	w: Words,
	questions: Question[],
	sectionWords?: Messages['sections']
): Map<number, string> {
	const instructions = new Map<number, string>();
	const numbers = itemNumbers(questions);
	const numberAt = (i: number) => numbers.get(questions[i].id)!;
	/** The number of the first question after index `end`, or null at the end of the form. */
	const nextAfter = (end: number) => {
		for (let j = end + 1; j < questions.length; j++) {
			if (!isSection(questions[j])) return numberAt(j);
		}
		return null;
	};
	const key = (q: Question) => (q.when ? JSON.stringify(q.when) : '');
	let i = 0;
	while (i < questions.length) {
		const q = questions[i];
		if (isSection(q)) {
			const range = sectionRange(questions, i);
			if (q.when && sectionWords && range.length) {
				const last = range[range.length - 1];
				const words = conditionWords(w, questions, q.when);
				const part = sectionWords.part(numberAt(i));
				instructions.set(
					i,
					sectionWords.paper(words, part, numberAt(range[0]), numberAt(last), nextAfter(last))
				);
			}
			i++;
			continue;
		}
		let end = i;
		while (
			end + 1 < questions.length &&
			!isSection(questions[end + 1]) &&
			key(questions[end + 1]) === key(q)
		) {
			end++;
		}
		if (q.when) {
			const words = conditionWords(w, questions, q.when);
			instructions.set(i, w.paper(words, numberAt(i), numberAt(end), nextAfter(end)));
		}
		i = end + 1;
	}
	return instructions;
}
