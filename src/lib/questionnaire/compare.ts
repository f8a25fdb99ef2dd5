// Comparing two questionnaires (issue 17, item 5): an old version against the current draft.
// Questions are matched by their stable id, the same id answers and results line up by.
import { itemNumbers } from './sections';
import { ORGANISATION_TYPES, matrixStatements, type Question } from './types';

/** What can differ in a question, as the comparison names it. */
export const COMPARED_FIELDS = [
	'type',
	'title',
	'help',
	'required',
	'options',
	'maxPicks',
	'labels',
	'scale',
	'statements',
	'bounds',
	'satisfaction',
	'when'
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface NumberedQuestion {
	question: Question;
	/** Its number in its own questionnaire (a section: its part number; sections.ts). */
	number: number;
}

export interface QuestionnaireComparison {
	/** In the draft, not in the version. */
	added: NumberedQuestion[];
	/** In the version, not in the draft. */
	removed: NumberedQuestion[];
	/** In both, with what differs. */
	changed: Array<{ before: NumberedQuestion; after: NumberedQuestion; fields: ComparedField[] }>;
	/** In both and unchanged, but in another place among the questions both have. */
	moved: Array<{ before: NumberedQuestion; after: NumberedQuestion }>;
	/** Nothing differs. */
	same: boolean;
}

/** A field's value as compared: settings a question's type ignores, and absent defaults, are equal. */
function valueOf(q: Question, field: ComparedField): unknown {
	switch (field) {
		case 'type':
		case 'title':
		case 'help':
		case 'required':
			return q[field];
		case 'options':
			// group/area/unit take their options from the organisation when published: not the organiser's.
			if (ORGANISATION_TYPES.includes(q.type)) return null;
			return q.options.map((o) => [o.id, o.label, o.other === true]);
		case 'maxPicks':
			return q.type === 'multiple' || q.type === 'ranking' ? q.maxPicks : null;
		case 'labels':
			return q.type === 'rating' || q.type === 'nps' || q.type === 'matrix'
				? [q.lowLabel, q.highLabel]
				: null;
		case 'scale':
			return q.type === 'rating' || q.type === 'matrix' ? (q.points ?? 5) : null;
		case 'statements':
			return q.type === 'matrix' ? matrixStatements(q).map((s) => [s.id, s.label]) : null;
		case 'bounds':
			return q.type === 'number' ? [q.min ?? null, q.max ?? null, q.decimal === true] : null;
		case 'satisfaction':
			return q.type === 'rating' && q.satisfaction === true;
		case 'when':
			return q.when ?? null;
	}
}

function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

export function compareQuestionnaires(
	version: readonly Question[],
	draft: readonly Question[]
): QuestionnaireComparison {
	// Sections are compared like questions (heading, help, condition), numbered by their part.
	const numbered = (list: readonly Question[]) => {
		const numbers = itemNumbers([...list]);
		return new Map(list.map((q) => [q.id, { question: q, number: numbers.get(q.id)! }]));
	};
	const before = numbered(version);
	const after = numbered(draft);
	const added = [...after.values()].filter((q) => !before.has(q.question.id));
	const removed = [...before.values()].filter((q) => !after.has(q.question.id));
	// Order among the questions both have: a question added or removed moves no other.
	const common = (list: readonly Question[], other: Map<string, unknown>) =>
		list.filter((q) => other.has(q.id)).map((q) => q.id);
	const orderBefore = common(version, after);
	const orderAfter = common(draft, before);
	const changed: QuestionnaireComparison['changed'] = [];
	const moved: QuestionnaireComparison['moved'] = [];
	orderAfter.forEach((id, place) => {
		const was = before.get(id)!;
		const now = after.get(id)!;
		const fields = COMPARED_FIELDS.filter(
			(field) => !same(valueOf(was.question, field), valueOf(now.question, field))
		);
		if (fields.length) changed.push({ before: was, after: now, fields });
		else if (orderBefore[place] !== id) moved.push({ before: was, after: now });
	});
	return {
		added,
		removed,
		changed,
		moved,
		same: !added.length && !removed.length && !changed.length && !moved.length
	};
}
