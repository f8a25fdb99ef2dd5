// The questionnaire vocabulary, shared by the builder (browser), the public form and the server.
import type { Condition } from './conditions';

export const QUESTION_TYPES = [
	'single',
	'multiple',
	'rating',
	'nps',
	'matrix',
	'number',
	'date',
	'ranking',
	'short_text',
	'long_text',
	'suggestion',
	'group',
	'area',
	'unit',
	'contact',
	// Not a question: a heading with help text and an optional condition, governing every question
	// after it up to the next section (sections.ts). It has no answer.
	'section'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types whose options the organiser writes; group/area/unit take theirs from the organisation. */
export const CHOICE_TYPES: QuestionType[] = ['single', 'multiple'];
export const ORGANISATION_TYPES: QuestionType[] = ['group', 'area', 'unit'];

export interface QuestionOption {
	id: string;
	label: string;
	/**
	 * single/multiple: the "other, please specify" option (at most one, the last), which has its
	 * own text field, required when it is chosen. Absent on options saved before it existed.
	 */
	other?: boolean;
}

export interface Question {
	/** Stable across versions, so answers of different versions line up in exports. */
	id: string;
	type: QuestionType;
	title: string;
	help: string;
	required: boolean;
	/** single/multiple: written by the organiser; group/area/unit: frozen from the organisation at publication. */
	options: QuestionOption[];
	/** multiple: at most this many picks (0 = no limit); ranking: the N of "order up to N" (0 = all). */
	maxPicks: number;
	/** rating: labels of the lowest and highest point; nps: labels of 0 and 10. */
	lowLabel: string;
	highLabel: string;
	/**
	 * rating and matrix: how many points (3, 5, 7 or 10). Absent on ratings saved before scales had
	 * sizes: 5.
	 */
	points?: RatingPoints;
	/** matrix: the statements rated on the one shared scale, each with an id stable across versions. */
	statements?: MatrixStatement[];
	/** number: the smallest and largest number accepted (null or absent: no bound). */
	min?: number | null;
	max?: number | null;
	/** number: decimals accepted (absent or false: whole numbers only). */
	decimal?: boolean;
	/**
	 * rating: counted in the satisfaction index of the results (issue 16). Absent on questions
	 * saved before the flag existed, which reads as not marked.
	 */
	satisfaction?: boolean;
	/**
	 * Skip logic: shown only when earlier answers match (conditions.ts). Absent on questions saved
	 * before conditions existed, and on every question shown to all.
	 */
	when?: Condition;
}

/** One row of a matrix question. */
export interface MatrixStatement {
	id: string;
	label: string;
}

/** A matrix answer: statement id → the point chosen (only the statements answered). */
export type MatrixAnswer = Record<string, number>;

/** The point a matrix answer gives one statement, if any. */
export function matrixLevel(answer: Answer | undefined, statementId: string): number | undefined {
	if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return undefined;
	const level = (answer as Record<string, unknown>)[statementId];
	return typeof level === 'number' ? level : undefined;
}

/** The statements of a matrix question (none on other types). */
export const matrixStatements = (q: Pick<Question, 'statements'>): MatrixStatement[] =>
	q.statements ?? [];

export const RATING_POINTS = [3, 5, 7, 10] as const;
export type RatingPoints = (typeof RATING_POINTS)[number];

/** A rating's points, 1…n (5 for questions saved before scales had sizes). */
export function ratingLevels(q: Pick<Question, 'points'>): number[] {
	return Array.from({ length: q.points ?? 5 }, (_, i) => i + 1);
}

/** The 0–10 of a recommendation question, and how its answers are grouped (promoters 9–10, detractors 0–6). */
export const NPS_LEVELS = Array.from({ length: 11 }, (_, i) => i);
export type NpsGroup = 'promoter' | 'passive' | 'detractor';
export const npsGroup = (n: number): NpsGroup =>
	n >= 9 ? 'promoter' : n >= 7 ? 'passive' : 'detractor';

/**
 * Ranking: how many places the respondent may fill, N — the organiser's number, or every option
 * when it is 0 (the default) or larger than the options.
 */
export const rankingPlaces = (q: Pick<Question, 'options' | 'maxPicks'>) =>
	q.maxPicks > 0 ? Math.min(q.maxPicks, q.options.length) : q.options.length;

/**
 * Where the text of an "other, please specify" answer is kept in a response's answers: beside the
 * question's own answer (which names the other option like any option), under a key no question
 * id can take (ids have no dot), so counts and roll-ups, which read question ids, never see it.
 */
export const otherKey = (q: Pick<Question, 'id'>) => `${q.id}.other`;
export const otherOption = (q: Pick<Question, 'options'>) => q.options.find((o) => o.other);

export const TEXT_LIMIT = 2000;
export const SHORT_TEXT_LIMIT = 200;

/** `email` is '' when none was left (answers stored before it existed have none at all). */
export type ContactAnswer = { name: string; phone: string; email?: string };
export type Answer = string | string[] | number | ContactAnswer | MatrixAnswer;
export type Answers = Record<string, Answer>;

export function blankQuestion(id: string, type: QuestionType): Question {
	return {
		id,
		type,
		title: '',
		help: '',
		required: false,
		options: [],
		maxPicks: 0,
		lowLabel: '',
		highLabel: '',
		// A matrix starts as a 5-point scale with two statements to write.
		...(type === 'matrix'
			? { points: 5 as const, statements: [0, 1].map(() => ({ id: newId(), label: '' })) }
			: {})
	};
}

/** Short random id for questions and options (not secret; only unique within a questionnaire). */
export function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(6));
	return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
