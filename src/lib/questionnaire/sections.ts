// Sections (issue 17): a `section` item in the questionnaire is a heading with help text and an
// optional condition, no answer. It governs every question after it up to the next section: they
// are shown only when the section is (and their own condition holds). Sections take no question
// number, so the form, the builder, the print, entry and the results number questions alike.
import type { Question } from './types';

export const isSection = (q: Pick<Question, 'type'>) => q.type === 'section';

/** The questions of a questionnaire, sections left out (what has answers, results, columns). */
export const questionsOnly = <T extends Pick<Question, 'type'>>(items: T[]): T[] =>
	items.filter((q) => !isSection(q));

/**
 * Question id → its number (1, 2, …), sections not counted; section id → its part. The questions
 * before the first section, if any, are the first part (untitled), so a form that opens with
 * questions calls its first section 第二部分, as a printed questionnaire would.
 */
export function itemNumbers(items: Pick<Question, 'id' | 'type'>[]): Map<string, number> {
	const numbers = new Map<string, number>();
	let question = 0;
	let part = items.length && !isSection(items[0]) ? 1 : 0;
	for (const q of items) numbers.set(q.id, isSection(q) ? ++part : ++question);
	return numbers;
}

/** Question id → the section it is in (the last one before it), for those in one. */
export function sectionOf<T extends Pick<Question, 'id' | 'type'>>(items: T[]): Map<string, T> {
	const of = new Map<string, T>();
	let current: T | undefined;
	for (const q of items) {
		if (isSection(q)) current = q;
		else if (current) of.set(q.id, current);
	}
	return of;
}

/** The indexes of the questions a section governs: after it, up to the next section. */
export function sectionRange(items: Pick<Question, 'type'>[], at: number): number[] {
	const range: number[] = [];
	for (let i = at + 1; i < items.length && !isSection(items[i]); i++) range.push(i);
	return range;
}
