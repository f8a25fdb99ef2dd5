import { z } from 'zod';
import { CONDITION_DAY, checkConditions, type OrganisationOptions } from './conditions';
import { sectionRange } from './sections';
import {
	QUESTION_TYPES,
	RATING_POINTS,
	SHORT_TEXT_LIMIT,
	matrixStatements,
	type Question
} from './types';

const option = z.object({
	id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'invalid'),
	label: z.string().trim().min(1, 'option_label_required').max(SHORT_TEXT_LIMIT, 'too_long'),
	other: z.boolean().optional()
});

/** A row of a matrix question: its words, and an id stable across versions like an option's. */
const statement = z.object({
	id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'invalid'),
	label: z.string().trim().min(1, 'statement_label_required').max(SHORT_TEXT_LIMIT, 'too_long')
});

/** A bound of a number question: finite, and small enough to print in the boxes of a paper form. */
const bound = z.number().finite().min(-1e9, 'invalid').max(1e9, 'invalid').nullable().optional();

const questionId = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'condition_missing');
const conditionNumber = z.number().finite().min(-1e9, 'invalid').max(1e9, 'invalid');
const rule = z.discriminatedUnion(
	'op',
	[
		z.object({
			question: questionId,
			op: z.literal('eq'),
			value: z.union([z.string().max(40), conditionNumber], 'condition_value')
		}),
		z.object({
			question: questionId,
			op: z.literal('in'),
			value: z.array(z.string().max(40)).min(1, 'condition_value').max(100)
		}),
		z.object({
			question: questionId,
			op: z.enum(['lte', 'gte']),
			// A number, or a day (date questions) written as a date answer is stored.
			value: z.union([conditionNumber, z.string().regex(CONDITION_DAY)], 'condition_value')
		})
	],
	'condition_value'
);

const question = z.object({
	id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'invalid'),
	type: z.enum(QUESTION_TYPES, 'invalid'),
	title: z.string().trim().min(1, 'question_title_required').max(500, 'too_long'),
	help: z.string().trim().max(1000, 'too_long').default(''),
	required: z.boolean().default(false),
	options: z.array(option).max(100, 'too_many_options').default([]),
	maxPicks: z.number().int().min(0).max(100).default(0),
	lowLabel: z.string().trim().max(40, 'too_long').default(''),
	highLabel: z.string().trim().max(40, 'too_long').default(''),
	satisfaction: z.boolean().optional(),
	points: z
		.number()
		.refine((n) => (RATING_POINTS as readonly number[]).includes(n), 'invalid')
		.optional(),
	statements: z.array(statement).max(30, 'too_many_statements').optional(),
	min: bound,
	max: bound,
	decimal: z.boolean().optional(),
	when: z
		.object({
			combine: z.enum(['all', 'any'], 'invalid'),
			rules: z.array(rule).min(1, 'condition_empty').max(10, 'condition_too_many')
		})
		.optional()
});

export const questionsSchema = z.array(question).max(100, 'too_many_questions');

export interface DefinitionProblem {
	/** Index of the question, or -1 for the questionnaire as a whole. */
	index: number;
	field: string;
	message: string;
}

/** A ranking orders at least two options, and cannot ask for more places than it has options. */
function checkRanking(q: Question, index: number): DefinitionProblem[] {
	const problems: DefinitionProblem[] = [];
	if (q.options.length < 2) {
		problems.push({ index, field: 'options', message: 'two_options_needed' });
	}
	if (q.maxPicks > q.options.length) {
		problems.push({ index, field: 'maxPicks', message: 'ranking_places' });
	}
	return problems;
}

/**
 * Checks a questionnaire as the builder saves it: zod for shapes, then the rules that span
 * questions — choice questions need two options, ids are unique, at most one question maps to each
 * of group/area/unit/contact, and anonymous campaigns have no contact question at all. Conditions
 * on group/area/unit are checked against `organisation`'s options when given (a draft has none of
 * its own until publication freezes them).
 */
export function checkQuestions(
	input: unknown,
	anonymous: boolean,
	organisation?: OrganisationOptions
): { questions: Question[]; problems: DefinitionProblem[] } {
	const parsed = questionsSchema.safeParse(input);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => ({
			index: typeof issue.path[0] === 'number' ? issue.path[0] : -1,
			field: String(issue.path[1] ?? ''),
			message: issue.message
		}));
		return { questions: [], problems };
	}
	const questions = parsed.data as Question[];
	const problems: DefinitionProblem[] = [];
	const ids = new Set<string>();
	const singletons = new Set<string>();
	questions.forEach((q, index) => {
		if (ids.has(q.id)) problems.push({ index, field: 'id', message: 'invalid' });
		ids.add(q.id);
		if ((q.type === 'single' || q.type === 'multiple') && q.options.length < 2) {
			problems.push({ index, field: 'options', message: 'two_options_needed' });
		}
		if (q.type === 'ranking') problems.push(...checkRanking(q, index));
		if (new Set(q.options.map((o) => o.id)).size !== q.options.length) {
			problems.push({ index, field: 'options', message: 'invalid' });
		}
		if (['group', 'area', 'unit', 'contact'].includes(q.type)) {
			if (singletons.has(q.type)) {
				problems.push({ index, field: 'type', message: 'only_one_of_type' });
			}
			singletons.add(q.type);
		}
		const others = q.options.filter((o) => o.other);
		if (others.length && (!['single', 'multiple'].includes(q.type) || others.length > 1)) {
			problems.push({ index, field: 'options', message: 'invalid' });
		}
		if (q.type === 'matrix' && !matrixStatements(q).length) {
			problems.push({ index, field: 'statements', message: 'statements_needed' });
		}
		if (q.statements !== undefined && q.type !== 'matrix') {
			problems.push({ index, field: 'statements', message: 'invalid' });
		}
		if (new Set(matrixStatements(q).map((s) => s.id)).size !== matrixStatements(q).length) {
			problems.push({ index, field: 'statements', message: 'invalid' });
		}
		if (q.points !== undefined && q.type !== 'rating' && q.type !== 'matrix') {
			problems.push({ index, field: 'points', message: 'invalid' });
		}
		if (q.type === 'number' && q.min != null && q.max != null && q.min > q.max) {
			problems.push({ index, field: 'max', message: 'number_bounds' });
		}
		if (
			q.type === 'number' &&
			!q.decimal &&
			[q.min, q.max].some((b) => b != null && !Number.isInteger(b))
		) {
			problems.push({ index, field: 'min', message: 'number_integer' });
		}
		// Only a 1–5 rating has a place on the satisfaction index's 0–100 scale (its SQL reads 1–5).
		if (q.satisfaction && (q.type !== 'rating' || (q.points ?? 5) !== 5)) {
			problems.push({ index, field: 'satisfaction', message: 'invalid' });
		}
		if (q.type === 'section') {
			if (q.required || q.options.length) {
				problems.push({ index, field: 'type', message: 'invalid' });
			}
			if (sectionRange(questions, index).length === 0) {
				problems.push({ index, field: 'type', message: 'section_empty' });
			}
		}
		if (q.type === 'contact' && anonymous) {
			problems.push({ index, field: 'type', message: 'contact_on_anonymous' });
		}
		if (q.type === 'contact' && q.required && anonymous) {
			problems.push({ index, field: 'required', message: 'contact_on_anonymous' });
		}
	});
	problems.push(...checkConditions(questions, organisation));
	return { questions, problems };
}
