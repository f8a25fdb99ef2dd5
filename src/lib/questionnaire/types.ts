// The questionnaire vocabulary, shared by the builder (browser), the public form and the server.

export const QUESTION_TYPES = [
	'single',
	'multiple',
	'rating',
	'short_text',
	'long_text',
	'suggestion',
	'group',
	'area',
	'unit',
	'contact'
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types whose options the organiser writes; group/area/unit take theirs from the organisation. */
export const CHOICE_TYPES: QuestionType[] = ['single', 'multiple'];
export const ORGANISATION_TYPES: QuestionType[] = ['group', 'area', 'unit'];

export interface QuestionOption {
	id: string;
	label: string;
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
	/** multiple: at most this many picks (0 = no limit). */
	maxPicks: number;
	/** rating: labels of 1 and 5. */
	lowLabel: string;
	highLabel: string;
	/**
	 * rating: counted in the satisfaction index of the results (issue 16). Absent on questions
	 * saved before the flag existed, which reads as not marked.
	 */
	satisfaction?: boolean;
}

export const TEXT_LIMIT = 2000;
export const SHORT_TEXT_LIMIT = 200;

export type ContactAnswer = { name: string; phone: string };
export type Answer = string | string[] | number | ContactAnswer;
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
		highLabel: ''
	};
}

/** Short random id for questions and options (not secret; only unique within a questionnaire). */
export function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(6));
	return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
