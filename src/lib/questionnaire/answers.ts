import { visibleQuestionIds } from './conditions';
import {
	matrixStatements,
	SHORT_TEXT_LIMIT,
	TEXT_LIMIT,
	otherKey,
	otherOption,
	rankingPlaces,
	type Answer,
	type Answers,
	type ContactAnswer,
	type MatrixAnswer,
	type MatrixStatement,
	type Question
} from './types';

/** The form field names of a question's inputs. */
export const fieldName = (q: Question) => `q_${q.id}`;
export const contactNameField = (q: Question) => `q_${q.id}_name`;
export const contactPhoneField = (q: Question) => `q_${q.id}_phone`;
export const contactEmailField = (q: Question) => `q_${q.id}_email`;
/** The text field of an "other, please specify" option. */
export const otherField = (q: Question) => `q_${q.id}_other`;
/**
 * The radio group of one statement of a matrix. A dot, which no id can hold, so `q_a.b` (question
 * a, statement b) is never the field of another question or statement.
 */
export const matrixField = (q: Pick<Question, 'id'>, statement: Pick<MatrixStatement, 'id'>) =>
	`q_${q.id}.${statement.id}`;

/** What the respondent typed, by field name, to put back into the form when it is shown again. */
export type TypedValues = Record<string, string | string[]>;

export interface ParsedAnswers {
	answers: Answers;
	contact: ContactAnswer | null;
	/** Option ids of the group/area/unit questions, which also fill the response's own columns. */
	groupOption: string | null;
	areaOption: string | null;
	unitOption: string | null;
	/** Question id → error key of the i18n `errors` table. */
	errors: Record<string, string>;
	typed: TypedValues;
	/** Questions the answers' conditions hide: not required, and whatever they hold is dropped. */
	hidden: string[];
}

// NUL cannot be stored in PostgreSQL text and other C0 controls have no business in an answer.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Accepts Chinese mobile (11 digits from 13–19) and landline (0 + area code + number) numbers. */
export function normalisePhone(raw: string): string | null {
	const compact = raw.replace(/[\s\-()（）]/g, '').replace(/^(\+86|0086)/, '');
	if (/^1[3-9]\d{9}$/.test(compact)) return compact;
	if (/^0\d{9,11}$/.test(compact)) return compact;
	return null;
}

/** The longest address SMTP can carry (RFC 5321: a 256-octet path less its angle brackets). */
export const EMAIL_LIMIT = 254;

/**
 * The browser's own rule for `<input type="email">` (the WHATWG "valid e-mail address"), so the
 * server refuses exactly what a browser with JavaScript would, and a form sent without it too.
 */
const EMAIL =
	/^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/**
 * An e-mail address as it is stored, or null when it is not one: full-width characters typed on
 * a Chinese keyboard (＠, ．) are read as their ASCII forms, and the domain is lower-cased (it is
 * case-blind; the local part is left alone, as the receiving server owns it). A domain must have
 * a dot: an address at a bare host name is a typing slip, not a mailbox the public can have.
 */
export function normaliseEmail(raw: string): string | null {
	const compact = raw.normalize('NFKC').trim();
	if (compact.length > EMAIL_LIMIT || !EMAIL.test(compact)) return null;
	const at = compact.lastIndexOf('@');
	return compact.slice(0, at) + '@' + compact.slice(at + 1).toLowerCase();
}

/** What answers are read from: a FormData, or the URLSearchParams of a form-encoded body. */
export type FormFields = Pick<FormData, 'get' | 'getAll'>;

/** Typed values handed back with a refused form, read again as the form they came from. */
export function typedFields(typed: TypedValues): FormFields {
	const all = (name: string) => {
		const value = typed[name];
		return value === undefined ? [] : Array.isArray(value) ? value : [value];
	};
	return { get: (name: string) => all(name)[0] ?? null, getAll: all };
}

function text(form: FormFields, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}

function checkText(value: string, limit: number): string | null {
	if (value.length > limit) return 'too_long';
	if (CONTROL.test(value)) return 'invalid_chars';
	return null;
}

type Outcome = { answer?: Answer; error?: string; otherText?: string };

/**
 * The "other, please specify" text of a choice question: required when the other option is
 * chosen, refused when written without choosing it (rather than silently dropped).
 */
function withOtherText(
	q: Question,
	form: FormFields,
	typed: TypedValues,
	outcome: Outcome
): Outcome {
	const other = otherOption(q);
	if (!other) return outcome;
	const value = text(form, otherField(q));
	typed[otherField(q)] = value;
	if (outcome.error) return outcome;
	const chosen = Array.isArray(outcome.answer)
		? outcome.answer.includes(other.id)
		: outcome.answer === other.id;
	if (!chosen) return value ? { error: 'other_not_chosen' } : outcome;
	if (!value) return { error: 'other_text_required' };
	const error = checkText(value, SHORT_TEXT_LIMIT);
	return error ? { error } : { ...outcome, otherText: value };
}

function parseChoice(q: Question, form: FormFields, typed: TypedValues): Outcome {
	const name = fieldName(q);
	const picked = form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
	const known = new Set(q.options.map((o) => o.id));
	if (q.type === 'multiple') {
		const unique = [...new Set(picked)];
		typed[name] = unique;
		if (unique.some((id) => !known.has(id))) return { error: 'unknown_option' };
		if (q.maxPicks > 0 && unique.length > q.maxPicks) return { error: 'too_many_picks' };
		if (unique.length === 0) return {};
		// Keep the questionnaire's order, not the order the browser sent them in.
		return { answer: q.options.filter((o) => unique.includes(o.id)).map((o) => o.id) };
	}
	typed[name] = picked[0] ?? '';
	if (picked.length > 1) return { error: 'invalid' };
	if (picked.length === 0) return {};
	return known.has(picked[0]) ? { answer: picked[0] } : { error: 'unknown_option' };
}

/** A whole number from `low` to `high` (rating 1…points, recommendation 0…10). */
function parseScale(
	q: Question,
	form: FormFields,
	typed: TypedValues,
	low: number,
	high: number
): Outcome {
	const raw = text(form, fieldName(q)).normalize('NFKC');
	typed[fieldName(q)] = raw;
	if (raw === '') return {};
	const n = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
	return n >= low && n <= high ? { answer: n } : { error: 'rating_range' };
}

/** Decimal digits, optionally signed; full-width digits (a Chinese keyboard's) read as such. */
const NUMBER = /^[-+]?(\d{1,12})(\.\d{1,6})?$/;

function parseNumber(q: Question, form: FormFields, typed: TypedValues): Outcome {
	const raw = text(form, fieldName(q));
	typed[fieldName(q)] = raw;
	const compact = raw.normalize('NFKC').replace(/[\s,]/g, '').replace(/。/g, '.');
	if (compact === '') return {};
	const match = NUMBER.exec(compact);
	if (!match) return { error: 'number_format' };
	if (match[2] && !q.decimal && !/^\.0+$/.test(match[2])) return { error: 'number_integer' };
	const n = Number(compact);
	const outside = (q.min != null && n < q.min) || (q.max != null && n > q.max);
	if (outside) return { error: 'number_range' };
	return { answer: Object.is(n, -0) ? 0 : n };
}

/**
 * A calendar day as YYYY-MM-DD: what a date input posts, and what people write without one
 * ("2026/3/5", "2026.3.5", "2026年3月5日", "20260305"). A day that does not exist (30 February)
 * is refused, not rolled over into March.
 */
export function readDate(raw: string): string | null {
	const compact = raw.normalize('NFKC').replace(/\s/g, '');
	const match =
		/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(compact) ??
		/^(\d{4})(\d{2})(\d{2})$/.exec(compact);
	if (!match) return null;
	const [year, month, day] = match.slice(1).map(Number);
	if (year < 1900 || year > 2100) return null;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
	return date.toISOString().slice(0, 10);
}

function parseDate(q: Question, form: FormFields, typed: TypedValues): Outcome {
	const raw = text(form, fieldName(q));
	typed[fieldName(q)] = raw;
	if (raw === '') return {};
	const day = readDate(raw);
	return day ? { answer: day } : { error: 'date_invalid' };
}

/**
 * A ranking's select value: the option and the place it was given, `<option id>:<place>`. Every
 * select of the question has the question's one field name, so a crafted post can name an option
 * twice or one that does not exist, and the parser sees it (per-option names would hide both).
 */
export const rankingValue = (optionId: string, place: number) => `${optionId}:${place}`;

/**
 * Ranking: the option ids in rank order. Refused: an option or a place given twice, a place
 * outside 1…N, a gap (1 and 3 without 2), an option the question does not have. Places need not
 * all be filled — a ranking of the first one or two is an answer; none at all is no answer.
 */
function parseRanking(q: Question, form: FormFields, typed: TypedValues): Outcome {
	const name = fieldName(q);
	const values = form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
	typed[name] = values;
	if (values.length === 0) return {};
	const places = rankingPlaces(q);
	const known = new Set(q.options.map((o) => o.id));
	const byPlace = new Map<number, string>();
	const ranked = new Set<string>();
	for (const value of values) {
		const match = /^([a-z0-9_-]{1,40}):(\d{1,3})$/.exec(value);
		if (!match) return { error: 'invalid' };
		const [, optionId, placeText] = match;
		const place = Number(placeText);
		if (!known.has(optionId)) return { error: 'unknown_option' };
		if (place < 1 || place > places) return { error: 'ranking_range' };
		if (ranked.has(optionId) || byPlace.has(place)) return { error: 'ranking_repeat' };
		ranked.add(optionId);
		byPlace.set(place, optionId);
	}
	const order = Array.from({ length: byPlace.size }, (_, i) => byPlace.get(i + 1));
	if (order.some((id) => id === undefined)) return { error: 'ranking_gap' };
	return { answer: order as string[] };
}

/** The names of the fields sent, when the form can list them (FormData and URLSearchParams can). */
function sentNames(form: FormFields): string[] {
	const keys = (form as Partial<Pick<FormData, 'keys'>>).keys;
	return typeof keys === 'function' ? [...new Set(keys.call(form))] : [];
}

/**
 * A matrix: one point of the shared scale per statement, in its own radio group. Refused whole
 * (a message at the question) for a point outside the scale, a statement answered twice (two
 * values under one name: only a crafted post has them) or a field naming no statement. Required
 * means every statement answered.
 */
function parseMatrix(q: Question, form: FormFields, typed: TypedValues): Outcome {
	const statements = matrixStatements(q);
	const high = q.points ?? 5;
	const answer: MatrixAnswer = {};
	let error: string | undefined;
	for (const s of statements) {
		const name = matrixField(q, s);
		// Empty values (a blank box of paper entry) are no answer; two given ones are a duplicate.
		const values = form
			.getAll(name)
			.filter((v): v is string => typeof v === 'string')
			.map((v) => v.trim().normalize('NFKC'))
			.filter(Boolean);
		const raw = values[0] ?? '';
		typed[name] = raw;
		if (values.length > 1) {
			error ??= 'matrix_duplicate';
			continue;
		}
		if (raw === '') continue;
		const n = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
		if (n >= 1 && n <= high) answer[s.id] = n;
		else error ??= 'rating_range';
	}
	const known = new Set(statements.map((s) => matrixField(q, s)));
	const prefix = `q_${q.id}.`;
	if (sentNames(form).some((name) => name.startsWith(prefix) && !known.has(name))) {
		error ??= 'matrix_unknown_statement';
	}
	if (error) return { error };
	const answered = Object.keys(answer).length;
	if (answered === 0) return {};
	if (q.required && answered < statements.length) return { error: 'matrix_incomplete' };
	return { answer };
}

function parseContact(q: Question, form: FormFields, typed: TypedValues): Outcome {
	const name = text(form, contactNameField(q));
	const phone = text(form, contactPhoneField(q));
	const email = text(form, contactEmailField(q));
	typed[contactNameField(q)] = name;
	typed[contactPhoneField(q)] = phone;
	typed[contactEmailField(q)] = email;
	if (!name && !phone && !email) return {};
	const nameError = checkText(name, 50);
	if (nameError) return { error: nameError };
	const normalisedPhone = phone ? normalisePhone(phone) : '';
	if (normalisedPhone === null) return { error: 'phone_format' };
	if (email.length > EMAIL_LIMIT) return { error: 'email_too_long' };
	const normalisedEmail = email ? normaliseEmail(email) : '';
	if (normalisedEmail === null) return { error: 'email_format' };
	return { answer: { name, phone: normalisedPhone, email: normalisedEmail } };
}

function parseOne(q: Question, form: FormFields, typed: TypedValues): Outcome {
	switch (q.type) {
		case 'single':
		case 'multiple':
		case 'group':
		case 'area':
		case 'unit':
			return withOtherText(q, form, typed, parseChoice(q, form, typed));
		case 'rating':
			return parseScale(q, form, typed, 1, q.points ?? 5);
		case 'nps':
			return parseScale(q, form, typed, 0, 10);
		case 'matrix':
			return parseMatrix(q, form, typed);
		case 'number':
			return parseNumber(q, form, typed);
		case 'date':
			return parseDate(q, form, typed);
		case 'ranking':
			return parseRanking(q, form, typed);
		case 'contact':
			return parseContact(q, form, typed);
		case 'section':
			return {};
		default: {
			const value = text(form, fieldName(q));
			typed[fieldName(q)] = value;
			const error = checkText(value, q.type === 'short_text' ? SHORT_TEXT_LIMIT : TEXT_LIMIT);
			if (error) return { error };
			return value ? { answer: value } : {};
		}
	}
}

/**
 * Reads a submitted form against one questionnaire version. Fields that belong to no question are
 * ignored; every error is reported (not just the first) so the respondent can fix them in one go.
 * Skip logic: a question whose condition the (valid) answers before it do not meet is hidden — never
 * required, and its answer is dropped, not refused (a respondent who went back and changed an
 * earlier answer did nothing wrong). What was typed into it is still handed back, so the form can
 * show it again should the question come back.
 */
export function parseAnswers(questions: Question[], form: FormFields): ParsedAnswers {
	const result: ParsedAnswers = {
		answers: {},
		contact: null,
		groupOption: null,
		areaOption: null,
		unitOption: null,
		errors: {},
		typed: {},
		hidden: []
	};
	const outcomes = questions.map((q) => parseOne(q, form, result.typed));
	const valid: Answers = {};
	questions.forEach((q, i) => {
		const { answer, error } = outcomes[i];
		if (answer !== undefined && !error) valid[q.id] = answer;
	});
	const visible = visibleQuestionIds(questions, valid);
	questions.forEach((q, i) => {
		if (!visible.has(q.id)) {
			result.hidden.push(q.id);
			return;
		}
		// A section has no answer (and is never required).
		if (q.type === 'section') return;
		const { answer, error, otherText } = outcomes[i];
		if (error) result.errors[q.id] = error;
		else if (answer === undefined && q.required) result.errors[q.id] = 'answer_required';
		if (answer === undefined || error) return;
		if (q.type === 'contact') result.contact = answer as ContactAnswer;
		else result.answers[q.id] = answer;
		if (otherText !== undefined) result.answers[otherKey(q)] = otherText;
		if (q.type === 'group') result.groupOption = answer as string;
		if (q.type === 'area') result.areaOption = answer as string;
		if (q.type === 'unit') result.unitOption = answer as string;
	});
	return result;
}
