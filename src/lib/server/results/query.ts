// What a results query asks (issue 16): the questions a campaign's versions ask, lined up by id,
// and the filters and breakdown read from an address (`?area=3&by=group&min=10`), refused with a
// 400 that says why when a value names nothing.
import { asc, eq } from 'drizzle-orm';
import { CHANNELS, type Channel } from '../../domain';
import { idParam, isCalendarDate, isId } from '../../input-checks';
import type { Condition } from '../../questionnaire/conditions';
import { sectionOf } from '../../questionnaire/sections';
import type { Question, QuestionOption } from '../../questionnaire/types';
import type { BreakdownKey, ResultsFilter, ResultsQuery } from '../../results/types';
import type { Database } from '../db';
import { questionnaireVersions } from '../db/schema';
import { Invalid } from '../platform/errors';

export const DEFAULT_MIN_N = 5;
const MAX_MIN_N = 100_000;

/** A question as the results show it, with the versions that ask it. */
export interface ResultQuestion {
	question: Question;
	/** Ids of the questionnaire versions that hold this question. */
	versionIds: Set<number>;
	/**
	 * Skip logic: the conditions under which each version shows the question, all of which must
	 * hold — its section's and its own (versions that show it to everyone are absent). Only those
	 * it was shown to were asked it.
	 */
	conditions?: Map<number, Condition[]>;
}

export interface VersionQuestions {
	id: number;
	version: number;
	questions: Question[];
}

/**
 * The questions of every version, matched by id: the title and options of the newest version
 * that has the question, with the options only older versions had kept after them (their answers
 * are still counted). Newest version's order first, then questions that only older versions ask.
 * Contact questions are left out: results never read personal data (DESIGN.md).
 */
export function lineUpQuestions(versions: VersionQuestions[]): ResultQuestion[] {
	const newestFirst = [...versions].sort((a, b) => b.version - a.version);
	const byId = new Map<string, ResultQuestion>();
	for (const v of newestFirst) {
		const sections = sectionOf(v.questions);
		for (const q of v.questions) {
			// Sections have no answers; their conditions go with their questions.
			if (q.type === 'contact' || q.type === 'section') {
				continue;
			}
			const seen = byId.get(q.id);
			const shownWhen = [sections.get(q.id)?.when, q.when].filter(
				(c): c is Condition => !!c?.rules.length
			);
			const condition = shownWhen.length ? shownWhen : undefined;
			if (!seen) {
				byId.set(q.id, {
					question: { ...q, options: [...q.options] },
					versionIds: new Set([v.id]),
					...(condition ? { conditions: new Map([[v.id, condition]]) } : {})
				});
				continue;
			}
			seen.versionIds.add(v.id);
			if (condition) (seen.conditions ??= new Map()).set(v.id, condition);
			const known = new Set(seen.question.options.map((o) => o.id));
			seen.question.options.push(...q.options.filter((o: QuestionOption) => !known.has(o.id)));
		}
	}
	return [...byId.values()];
}

/** A campaign's published versions, oldest first. */
export async function campaignVersions(
	db: Database,
	campaignId: number
): Promise<VersionQuestions[]> {
	return db
		.select({
			id: questionnaireVersions.id,
			version: questionnaireVersions.version,
			questions: questionnaireVersions.questions
		})
		.from(questionnaireVersions)
		.where(eq(questionnaireVersions.campaignId, campaignId))
		.orderBy(asc(questionnaireVersions.version));
}

/** The questions the results of a campaign show (contact questions left out), for readResultsQuery. */
export async function resultsQuestions(db: Database, campaignId: number): Promise<Question[]> {
	return lineUpQuestions(await campaignVersions(db, campaignId)).map((r) => r.question);
}

/** Values of a repeatable parameter; empty ones (a form's "any" choice) are no filter. */
const values = (params: URLSearchParams, name: string) => [
	...new Set(params.getAll(name).filter((v) => v !== ''))
];

function ids(params: URLSearchParams, name: string, what: string): number[] | undefined {
	const list = values(params, name).map((raw) => {
		const id = idParam(raw);
		if (id === undefined) {
			throw new Invalid(`${name} must be ${what} id (a whole number from 1), not "${raw}"`);
		}
		return id;
	});
	return list.length ? list : undefined;
}

function day(params: URLSearchParams, name: 'from' | 'to'): string | undefined {
	const raw = params.get(name);
	if (!raw) {
		return undefined;
	}
	if (!isCalendarDate(raw)) {
		throw new Invalid(`${name} must be a day written YYYY-MM-DD, not "${raw}"`);
	}
	return raw;
}

/**
 * The filters, breakdown and minimum n of a results address: `group=<key>`, `area=<id>`,
 * `unit=<id>`, `channel=<channel>`, `version=<n>` (each repeatable), `from=` and `to=` (YYYY-MM-DD,
 * China time), `by=group|area|unit|channel|question:<id>` (a single-choice question of
 * `questions`) and `min=<n>`. A malformed value or a question that is not there is Invalid;
 * whether a group, area, unit or version exists is checked by campaignResults.
 */
export function readResultsQuery(params: URLSearchParams, questions: Question[]): ResultsQuery {
	const filter: ResultsFilter = {};
	const group = values(params, 'group');
	for (const key of group) {
		if (key.length > 100) {
			throw new Invalid('group must be a respondent group key');
		}
	}
	if (group.length) {
		filter.group = group;
	}
	const area = ids(params, 'area', 'an area');
	if (area) {
		filter.area = area;
	}
	const unit = ids(params, 'unit', 'a unit');
	if (unit) {
		filter.unit = unit;
	}
	const channel = values(params, 'channel');
	for (const c of channel) {
		if (!(CHANNELS as readonly string[]).includes(c)) {
			throw new Invalid(`channel must be one of ${CHANNELS.join(', ')}, not "${c}"`);
		}
	}
	if (channel.length) {
		filter.channel = channel as Channel[];
	}
	const from = day(params, 'from');
	const to = day(params, 'to');
	if (from && to && from > to) {
		throw new Invalid(`from (${from}) is after to (${to})`);
	}
	if (from) {
		filter.from = from;
	}
	if (to) {
		filter.to = to;
	}
	const version = ids(params, 'version', 'a questionnaire version');
	if (version) {
		filter.version = version;
	}
	const query: ResultsQuery = { filter };
	const by = params.get('by');
	if (by) {
		query.by = breakdownKey(by, questions);
	}
	const min = params.get('min');
	if (min) {
		const n = /^\d{1,6}$/.test(min) ? Number(min) : NaN;
		if (!(n >= 1 && n <= MAX_MIN_N)) {
			throw new Invalid(`min must be a whole number from 1 to ${MAX_MIN_N}, not "${min}"`);
		}
		query.minN = n;
	}
	return query;
}

/** A breakdown a campaign's results can be split by; Invalid for anything else. */
export function breakdownKey(raw: string, questions: Question[]): BreakdownKey {
	if (raw === 'group' || raw === 'area' || raw === 'unit' || raw === 'channel') {
		return raw;
	}
	const questionId = raw.startsWith('question:') ? raw.slice('question:'.length) : null;
	if (questionId === null) {
		throw new Invalid(`by must be group, area, unit, channel or question:<id>, not "${raw}"`);
	}
	const question = questions.find((q) => q.id === questionId);
	if (!question) {
		throw new Invalid(`by names no question of this campaign: "${questionId}"`);
	}
	if (question.type !== 'single') {
		throw new Invalid(`by: question "${questionId}" is not a single-choice question`);
	}
	return `question:${questionId}`;
}

/** The checks of readResultsQuery for a query built in code: the values a filter may hold. */
export function checkFilterValues(filter: ResultsFilter): void {
	for (const id of [...(filter.area ?? []), ...(filter.unit ?? []), ...(filter.version ?? [])]) {
		if (!isId(id)) {
			throw new Invalid(`filter ids must be whole numbers from 1, not ${String(id)}`);
		}
	}
	for (const c of filter.channel ?? []) {
		if (!(CHANNELS as readonly string[]).includes(c)) {
			throw new Invalid(`unknown channel "${c}"`);
		}
	}
	for (const d of [filter.from, filter.to]) {
		if (d !== undefined && !isCalendarDate(d)) {
			throw new Invalid(`dates must be days written YYYY-MM-DD, not "${d}"`);
		}
	}
}
