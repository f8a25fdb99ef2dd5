// What people answered (issue 16): per question of a campaign, in the filter, optionally broken
// down by group, area, unit, channel or a single-choice question, with a test of whether the cells
// differ. The results page, its exports and GET /api/v1/campaigns/<slug>/results share it.
//
// The counts come from one statement for every question at once: over answer_tallies (the
// per-answer roll-up kept by the triggers of drizzle/0012, per version, month, group, area, unit
// and channel) when the query stays within those, otherwise over the responses themselves (see
// talliesAnswer for what falls back to that scan). Both give the same rows.
import { eq, sql, type SQL } from 'drizzle-orm';
import { CHANNELS, type Channel } from '../../domain';
import type { Condition } from '../../questionnaire/conditions';
import { messages } from '../../i18n';
import {
	NPS_LEVELS,
	otherKey,
	otherOption,
	ratingLevels,
	type Question
} from '../../questionnaire/types';
import {
	chiSquareTest,
	kruskalWallisTest,
	meanOfCounts,
	npsOfCounts,
	share,
	summariseCounts
} from '../../results/statistics';
import type {
	BreakdownCell,
	BreakdownKey,
	CampaignResults,
	OptionResult,
	QuestionResult,
	ResultsFilter,
	ResultsQuery,
	TestResult
} from '../../results/types';
import { queryRows, type Database } from '../db';
import { areas, campaigns, respondentGroups, units } from '../db/schema';
import { Invalid, NotFound } from '../platform/errors';
import { maskPersonalData } from '../platform/personal-data';
import {
	DEFAULT_MIN_N,
	breakdownKey,
	campaignVersions,
	checkFilterValues,
	lineUpQuestions,
	readResultsQuery,
	resultsQuestions,
	type ResultQuestion,
	type VersionQuestions
} from './query';
import { countPlaces, withPlaces } from './ranking';
import { countMatrixAnswers, matrixStatementResults } from './matrix-results';
import { satisfactionIndex } from './satisfaction';

export { readResultsQuery, resultsQuestions } from './query';

/**
 * The filters, breakdown and minimum n of a results address (see readResultsQuery), checked
 * against the questions of this campaign's versions. Invalid when a value is malformed or names a
 * question that is not there or cannot split the others.
 */
export async function parseResultsQuery(
	db: Database,
	campaignId: number,
	params: URLSearchParams
): Promise<ResultsQuery> {
	return readResultsQuery(params, await resultsQuestions(db, campaignId));
}

/** The points of a scale question (rating 1…n, recommendation 0–10); empty for other types. */
const scaleLevels = (q: Question): number[] =>
	q.type === 'rating' ? ratingLevels(q) : q.type === 'nps' ? NPS_LEVELS : [];
/** Types counted on an ordered scale: a mean, and Kruskal–Wallis between cells. */
const ORDERED_TYPES = new Set(['rating', 'nps', 'number']);
/** How many "other" texts a question's results list. */
const OTHER_TEXTS_LISTED = 200;
const TEXT_TYPES = new Set(['short_text', 'long_text', 'suggestion']);

/** One row of the counting statement: n responses per version and breakdown value (part 'n'), per
 * question answered (part 'a'), or per question and answer value (part 'v'); of countShown, per
 * conditional question the responses it was shown to (part 's'). */
type CountRow = {
	part: 'n' | 'a' | 'v' | 's';
	q: string | null;
	version_id: number;
	b: string | null;
	val: string | null;
	n: number;
};

/** A breakdown value as the cells show it; `raw` is what the statement groups by. */
interface Cell {
	raw: string | null;
	key: string | null;
	label: string;
	labelEn?: string | null;
	order: number;
}

/** Tallies of one question: breakdown value → answer value → count, and answered per value. */
interface Tally {
	values: Map<string | null, Map<string, number>>;
	answered: Map<string | null, number>;
}

const list = (items: (string | number)[]) =>
	sql.join(
		items.map((v) => sql`${v}`),
		sql`, `
	);

export async function organisation(db: Database) {
	const [groups, areaRows, unitRows] = await Promise.all([
		db.select().from(respondentGroups),
		db.select().from(areas),
		db.select().from(units)
	]);
	const bySort = <T extends { sortOrder: number; id: number }>(rows: T[]) =>
		[...rows].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
	return { groups: bySort(groups), areas: bySort(areaRows), units: bySort(unitRows) };
}

export type Organisation = Awaited<ReturnType<typeof organisation>>;

/**
 * The WHERE of the responses in the filter; Invalid when a value names nothing. `r` is a response
 * or an answer_tallies row (the same column names); the date range is left to the caller.
 */
export function whereOf(
	campaignId: number,
	filter: ResultsFilter,
	org: Organisation,
	versions: { id: number; version: number }[]
): SQL[] {
	checkFilterValues(filter);
	const parts: SQL[] = [sql`r.campaign_id = ${campaignId}`];
	if (filter.group?.length) {
		const groupIds = filter.group.map((key) => {
			const group = org.groups.find((g) => g.key === key);
			if (!group) {
				throw new Invalid(`unknown respondent group "${key}"`);
			}
			return group.id;
		});
		parts.push(sql`r.group_id in (${list(groupIds)})`);
	}
	for (const [name, ids, rows] of [
		['area', filter.area, org.areas],
		['unit', filter.unit, org.units]
	] as const) {
		if (!ids?.length) {
			continue;
		}
		const missing = ids.find((id) => !rows.some((row) => row.id === id));
		if (missing !== undefined) {
			throw new Invalid(`unknown ${name} ${missing}`);
		}
		parts.push(
			name === 'area' ? sql`r.area_id in (${list(ids)})` : sql`r.unit_id in (${list(ids)})`
		);
	}
	if (filter.channel?.length) {
		parts.push(sql`r.channel in (${list(filter.channel)})`);
	}
	if (filter.version?.length) {
		const versionIds = filter.version.map((number) => {
			const version = versions.find((v) => v.version === number);
			if (!version) {
				throw new Invalid(`this campaign has no questionnaire version ${number}`);
			}
			return version.id;
		});
		parts.push(sql`r.version_id in (${list(versionIds)})`);
	}
	return parts;
}

/** The date range on responses. Days are the organisation's calendar days, as the return-rate figures count them. */
export function submittedWithin(filter: ResultsFilter): SQL[] {
	const parts: SQL[] = [];
	if (filter.from) {
		parts.push(
			sql`r.submitted_at >= (${filter.from}::date)::timestamp at time zone 'Asia/Shanghai'`
		);
	}
	if (filter.to) {
		parts.push(
			sql`r.submitted_at < (${filter.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`
		);
	}
	return parts;
}

/** The date range on answer_tallies' months: the range must start and end on a month's edges. */
function monthsWithin(filter: ResultsFilter): SQL[] {
	const parts: SQL[] = [];
	if (filter.from) {
		parts.push(sql`r.month >= ${filter.from}::date`);
	}
	if (filter.to) {
		parts.push(sql`r.month <= ${filter.to}::date`);
	}
	return parts;
}

const isFirstOfMonth = (day: string) => day.endsWith('-01');
/** The last day of its month: the next day is the first of one (calendar dates, no time zone). */
const isLastOfMonth = (day: string) => {
	const next = new Date(`${day}T00:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return next.getUTCDate() === 1;
};

/** How the tallies and the scan count a question: answered only (texts), values only, or both (multiple choice). */
const countedAs = (type: Question['type']) =>
	type === 'multiple' ? 'both' : TEXT_TYPES.has(type) ? 'answered' : 'values';

/**
 * Whether answer_tallies can answer the query exactly. They cannot (and the statement scans the
 * responses instead) for a breakdown by a question (the tallies keep no answer beside another), a
 * date range that does not start on the first and end on the last day of a month (they keep
 * months, not days), or a question counted one way in one version and another way in another
 * (the triggers count each answer by the type of its own version; the scan by the newest one).
 */
function talliesAnswer(
	query: ResultsQuery,
	by: BreakdownKey | undefined,
	questions: ResultQuestion[],
	versions: VersionQuestions[]
): boolean {
	if (by !== undefined && by.startsWith('question:')) {
		return false;
	}
	const { from, to } = query.filter;
	if ((from && !isFirstOfMonth(from)) || (to && !isLastOfMonth(to))) {
		return false;
	}
	return questions.every(({ question, versionIds }) =>
		versions
			.filter((v) => versionIds.has(v.id))
			.every((v) =>
				v.questions.every(
					(q) => q.id !== question.id || countedAs(q.type) === countedAs(question.type)
				)
			)
	);
}

/** What the statement groups the responses by for a breakdown. */
function breakdownColumn(by: BreakdownKey | undefined): SQL {
	switch (by) {
		case undefined:
			return sql`null::text`;
		case 'group':
			return sql`r.group_id::text`;
		case 'area':
			return sql`r.area_id::text`;
		case 'unit':
			return sql`r.unit_id::text`;
		case 'channel':
			return sql`r.channel`;
		default:
			return sql`r.answers ->> ${by.slice('question:'.length)}`;
	}
}

/**
 * Counts in one statement: responses per version and breakdown value; for multiple-choice and
 * text questions, the responses that answered; for choice, rating and organisation questions,
 * each answer value (a multiple choice counts each option picked).
 */
async function countAnswers(
	db: Database,
	where: SQL,
	by: BreakdownKey | undefined,
	questions: ResultQuestion[]
): Promise<CountRow[]> {
	// Same order as countTallies, so values outside a question's options are listed alike.
	const answeredIds = questions
		.filter((r) => r.question.type === 'multiple' || TEXT_TYPES.has(r.question.type))
		.map((r) => r.question.id);
	const valueIds = questions
		.filter((r) => !TEXT_TYPES.has(r.question.type))
		.map((r) => r.question.id);
	const parts: SQL[] = [
		sql`select 'n' as part, null::text as q, r.version_id, r.b, null::text as val, count(*)::int as n
			from r group by r.version_id, r.b`
	];
	if (answeredIds.length) {
		parts.push(sql`select 'a', e.key, r.version_id, r.b, null::text, count(*)::int
			from r cross join lateral jsonb_each(r.answers) e
			where e.key in (${list(answeredIds)}) and e.value not in ('""'::jsonb, '[]'::jsonb, 'null'::jsonb)
			group by e.key, r.version_id, r.b`);
	}
	if (valueIds.length) {
		parts.push(sql`select 'v', e.key, r.version_id, r.b, coalesce(x.v, e.value #>> '{}'), count(*)::int
			from r cross join lateral jsonb_each(r.answers) e
			left join lateral jsonb_array_elements_text(
				case jsonb_typeof(e.value) when 'array' then e.value else '[]'::jsonb end) x(v) on true
			where e.key in (${list(valueIds)}) and jsonb_typeof(e.value) in ('string', 'number', 'array')
			group by e.key, r.version_id, r.b, 5`);
	}
	return queryRows<CountRow>(
		db,
		sql`with r as (select r.version_id, ${breakdownColumn(by)} as b, r.answers
			from responses r where ${where})
		${sql.join(parts, sql` union all `)}
		order by 1, 2 nulls first, 3, 4 nulls first, 5`
	);
}

/**
 * A condition (skip logic) as SQL on a stored response's answers: the server stores no answer to a
 * question it hid, so a rule on a hidden question does not hold here either — as in
 * `visibleQuestionIds`.
 */
function conditionSql(condition: Condition): SQL {
	const rules = condition.rules.map((rule) => {
		const answer = sql`r.answers -> ${rule.question}`;
		const text = sql`r.answers ->> ${rule.question}`;
		const isNumber = sql`jsonb_typeof(${answer}) = 'number'`;
		switch (rule.op) {
			case 'eq':
				return typeof rule.value === 'number'
					? sql`(${isNumber} and (${text})::numeric = ${rule.value})`
					: sql`(${answer} = to_jsonb(${rule.value}::text) or (jsonb_typeof(${answer}) = 'array' and jsonb_exists(${answer}, ${rule.value})))`;
			case 'in': {
				const values = sql`array[${sql.join(
					rule.value.map((v) => sql`${v}::text`),
					sql`, `
				)}]::text[]`;
				return sql`((jsonb_typeof(${answer}) = 'string' and ${text} = any(${values})) or (jsonb_typeof(${answer}) = 'array' and jsonb_exists_any(${answer}, ${values})))`;
			}
			case 'lte':
			case 'gte': {
				// A date answer is stored as its day, YYYY-MM-DD, which compares as text.
				const op = sql.raw(rule.op === 'lte' ? '<=' : '>=');
				return typeof rule.value === 'string'
					? sql`(jsonb_typeof(${answer}) = 'string' and ${text} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' and ${text} collate "C" ${op} ${rule.value}::text)`
					: sql`(${isNumber} and (${text})::numeric ${op} ${rule.value})`;
			}
		}
	});
	if (!rules.length) return sql`true`;
	return sql`(${sql.join(rules, condition.combine === 'any' ? sql` or ` : sql` and `)})`;
}

/**
 * For questions some version shows only under a condition: the responses of that version it was
 * shown to, per breakdown value (part 's'). Read from the responses, not the tallies.
 */
async function countShown(
	db: Database,
	where: SQL,
	by: BreakdownKey | undefined,
	questions: ResultQuestion[]
): Promise<CountRow[]> {
	const parts = questions.flatMap((q) =>
		[...(q.conditions ?? [])].map(
			([versionId, conditions]) => sql`select 's' as part, ${q.question.id}::text as q,
				r.version_id, r.b, null::text as val, count(*)::int as n
			from r where r.version_id = ${versionId} and ${sql.join(conditions.map(conditionSql), sql` and `)}
			group by r.version_id, r.b`
		)
	);
	if (!parts.length) return [];
	return queryRows<CountRow>(
		db,
		sql`with r as (select r.version_id, ${breakdownColumn(by)} as b, r.answers
			from responses r where ${where})
		${sql.join(parts, sql` union all `)}`
	);
}

/**
 * The rows of countAnswers from answer_tallies (summed over their cells): responses where the
 * question is null, answered where the value is null, each value otherwise. Only for a query
 * talliesAnswer accepts; `where` is on the tally rows.
 */
async function countTallies(
	db: Database,
	where: SQL,
	by: BreakdownKey | undefined
): Promise<CountRow[]> {
	return queryRows<CountRow>(
		db,
		sql`select case when r.question_id is null then 'n' when r.value is null then 'a' else 'v' end as part,
			r.question_id as q, r.version_id, ${breakdownColumn(by)} as b, r.value as val, sum(r.n)::int as n
		from answer_tallies r where ${where}
		group by 1, 2, 3, 4, 5 having sum(r.n) <> 0
		order by 1, 2 nulls first, 3, 4 nulls first, 5`
	);
}

/** The breakdown's cells: the values with responses in the filter, labelled and in order. */
function cellsOf(
	present: Set<string | null>,
	by: BreakdownKey | undefined,
	org: Organisation,
	questions: ResultQuestion[]
): Cell[] {
	const zh = messages('zh-CN');
	const cell = (raw: string | null): Cell => {
		if (raw === null) {
			return { raw, key: null, label: zh.stats.notGiven, order: Number.MAX_SAFE_INTEGER };
		}
		const id = Number(raw);
		switch (by) {
			case 'group': {
				const i = org.groups.findIndex((g) => g.id === id);
				const g = org.groups[i];
				return g
					? { raw, key: g.key, label: g.nameZh, labelEn: g.nameEn, order: i }
					: { raw, key: raw, label: raw, labelEn: null, order: org.groups.length };
			}
			case 'area':
			case 'unit': {
				const rows = by === 'area' ? org.areas : org.units;
				const i = rows.findIndex((row) => row.id === id);
				return { raw, key: raw, label: rows[i]?.name ?? raw, order: i < 0 ? rows.length : i };
			}
			case 'channel': {
				const i = CHANNELS.indexOf(raw as Channel);
				return { raw, key: raw, label: zh.channels[raw as Channel] ?? raw, order: i };
			}
			default: {
				const questionId = by?.slice('question:'.length);
				const options = questions.find((q) => q.question.id === questionId)?.question.options ?? [];
				const i = options.findIndex((o) => o.id === raw);
				return {
					raw,
					key: raw,
					label: options[i]?.label ?? raw,
					order: i < 0 ? options.length : i
				};
			}
		}
	};
	return [...present].map(cell).sort((a, b) => a.order - b.order);
}

/**
 * The results of one campaign in a filter (see ResultsQuery). Counts are of responses in the
 * filter whose version asks the question; contact questions are never read.
 */
export async function campaignResults(
	db: Database,
	campaignId: number,
	query: ResultsQuery
): Promise<CampaignResults> {
	return countedResults(db, campaignId, query, 'auto');
}

/**
 * campaignResults counted from the tallies where they answer the query ('auto'), or always from
 * one source, for the test that compares them ('tallies' is Invalid where they cannot answer).
 */
export async function countedResults(
	db: Database,
	campaignId: number,
	query: ResultsQuery,
	source: 'auto' | 'tallies' | 'scan'
): Promise<CampaignResults> {
	const [campaign] = await db
		.select({ slug: campaigns.slug, title: campaigns.title })
		.from(campaigns)
		.where(eq(campaigns.id, campaignId));
	if (!campaign) {
		throw new NotFound('no such campaign');
	}
	const [versions, org] = await Promise.all([campaignVersions(db, campaignId), organisation(db)]);
	const questions = lineUpQuestions(versions);
	const minN = query.minN ?? DEFAULT_MIN_N;
	if (!Number.isInteger(minN) || minN < 1) {
		throw new Invalid('min must be a whole number from 1');
	}
	const by = query.by
		? breakdownKey(
				query.by,
				questions.map((q) => q.question)
			)
		: undefined;
	const where = whereOf(campaignId, query.filter, org, versions);
	const fromTallies = source !== 'scan' && talliesAnswer(query, by, questions, versions);
	if (source === 'tallies' && !fromTallies) {
		throw new Invalid('the answer tallies cannot answer this query');
	}
	const responsesWhere = sql.join([...where, ...submittedWithin(query.filter)], sql` and `);
	// The satisfaction index is a mean of each respondent's own score: it reads the responses
	// themselves (the tallies count answers, not respondents' scores), and only when a question
	// is marked.
	const [rows, satisfaction, others, shownRows, places, matrices] = await Promise.all([
		fromTallies
			? countTallies(db, sql.join([...where, ...monthsWithin(query.filter)], sql` and `), by)
			: countAnswers(db, responsesWhere, by, questions),
		satisfactionIndex(db, responsesWhere, questions, org, minN),
		otherTexts(db, responsesWhere, questions),
		countShown(db, responsesWhere, by, questions),
		countPlaces(db, responsesWhere, breakdownColumn(by), questions),
		countMatrixAnswers(db, responsesWhere, questions)
	]);
	// Question → breakdown value → version → responses it was shown to (conditional versions only).
	const shown = new Map<string, Map<string | null, Map<number, number>>>();
	for (const row of shownRows) {
		const byB = shown.get(row.q!) ?? new Map<string | null, Map<number, number>>();
		const byVersion = byB.get(row.b) ?? new Map<number, number>();
		byVersion.set(Number(row.version_id), Number(row.n));
		byB.set(row.b, byVersion);
		shown.set(row.q!, byB);
	}

	// Responses per breakdown value and version: n, the cells, and how many were asked each question.
	const perVersion = new Map<string | null, Map<number, number>>();
	let n = 0;
	const tallies = new Map<string, Tally>();
	for (const row of rows) {
		const count = Number(row.n);
		const version = Number(row.version_id);
		if (row.part === 'n') {
			n += count;
			const byVersion = perVersion.get(row.b) ?? new Map<number, number>();
			byVersion.set(version, (byVersion.get(version) ?? 0) + count);
			perVersion.set(row.b, byVersion);
			continue;
		}
		const question = questions.find((q) => q.question.id === row.q);
		// An answer kept by a version that no longer asks the question (never written by the app).
		if (!question || !question.versionIds.has(version)) {
			continue;
		}
		const tally = tallies.get(question.question.id) ?? { values: new Map(), answered: new Map() };
		tallies.set(question.question.id, tally);
		if (row.part === 'a') {
			tally.answered.set(row.b, (tally.answered.get(row.b) ?? 0) + count);
		} else if (row.val !== null) {
			const values = tally.values.get(row.b) ?? new Map<string, number>();
			values.set(row.val, (values.get(row.val) ?? 0) + count);
			tally.values.set(row.b, values);
		}
	}
	const cells = cellsOf(new Set(perVersion.keys()), by, org, questions);
	// Asked: the responses whose version holds the question and, under skip logic, showed it.
	const asked = (q: ResultQuestion, b: string | null) =>
		[...(perVersion.get(b) ?? new Map<number, number>())].reduce(
			(sum, [version, count]) =>
				sum +
				(!q.versionIds.has(version)
					? 0
					: q.conditions?.has(version)
						? (shown.get(q.question.id)?.get(b)?.get(version) ?? 0)
						: count),
			0
		);

	return {
		campaign,
		n,
		filter: query.filter,
		by: by ?? null,
		minN,
		questions: questions.map((q) => {
			const result = withPlaces(
				questionResult(q, tallies.get(q.question.id), cells, asked, by !== undefined, minN),
				q,
				places,
				minN,
				(key) => cells.find((c) => c.key === key)?.raw ?? key
			);
			if (q.question.type === 'matrix') {
				// Per statement over the whole filter: a breakdown does not split a matrix (yet).
				const { byBreakdown: _cells, test: _test, ...overall } = result;
				return { ...overall, ...matrixStatementResults(q.question, matrices) };
			}
			return otherOption(q.question)
				? { ...result, otherTexts: others.get(otherKey(q.question)) ?? [] }
				: result;
		}),
		satisfaction
	};
}

/**
 * What was written beside the "other, please specify" options, per answers key (otherKey), newest
 * first, at most OTHER_TEXTS_LISTED each. Free text like a suggestion: the results go to leaders,
 * handlers and API tokens, so phone numbers, ID numbers and e-mail addresses are masked, as on
 * every page that shows respondents' words beyond the response itself.
 */
async function otherTexts(
	db: Database,
	where: SQL,
	questions: ResultQuestion[]
): Promise<Map<string, string[]>> {
	const keys = questions.filter((q) => otherOption(q.question)).map((q) => otherKey(q.question));
	const texts = new Map<string, string[]>();
	if (!keys.length) {
		return texts;
	}
	const rows = await queryRows<{ key: string; text: string }>(
		db,
		sql`select key, text from (
			select e.key, e.value #>> '{}' as text,
				row_number() over (partition by e.key order by r.submitted_at desc, r.id desc) as i
			from responses r cross join lateral jsonb_each(r.answers) e
			where ${where} and e.key in (${list(keys)}) and jsonb_typeof(e.value) = 'string'
		) t where i <= ${OTHER_TEXTS_LISTED} order by key, i`
	);
	for (const row of rows) {
		texts.set(row.key, [...(texts.get(row.key) ?? []), maskPersonalData(row.text)]);
	}
	return texts;
}

/** Values of a number or date question in order: numerically, or as YYYY-MM-DD text. */
function sortedValues(question: Question, tally: Tally | undefined): string[] {
	const values = new Set<string>();
	for (const counts of tally?.values.values() ?? []) {
		for (const value of counts.keys()) {
			values.add(value);
		}
	}
	return question.type === 'number'
		? [...values].sort((a, b) => Number(a) - Number(b))
		: [...values].sort();
}

/** The option ids a question's results list: its options, then any value answered outside them. */
function optionList(question: Question, tally: Tally | undefined): { id: string; label: string }[] {
	if (question.type === 'rating' || question.type === 'nps') {
		return scaleLevels(question).map((n) => ({ id: String(n), label: String(n) }));
	}
	if (question.type === 'number' || question.type === 'date') {
		return sortedValues(question, tally).map((id) => ({ id, label: id }));
	}
	if (TEXT_TYPES.has(question.type)) {
		return [];
	}
	const options = question.options.map((o) => ({ id: o.id, label: o.label }));
	const known = new Set(options.map((o) => o.id));
	for (const values of tally?.values.values() ?? []) {
		for (const id of values.keys()) {
			if (!known.has(id)) {
				known.add(id);
				options.push({ id, label: id });
			}
		}
	}
	return options;
}

/** One question's figures, overall and (with a breakdown) per cell. */
function questionResult(
	q: ResultQuestion,
	tally: Tally | undefined,
	cells: Cell[],
	askedIn: (q: ResultQuestion, b: string | null) => number,
	withBreakdown: boolean,
	minN: number
): QuestionResult {
	const { question } = q;
	const options = optionList(question, tally);
	const rating = question.type === 'rating';
	const ordered = ORDERED_TYPES.has(question.type);
	// The value of each listed option on its scale (ratings, recommendations, numbers).
	const values = options.map((o) => Number(o.id));
	// Counted per response (multiple choice, texts) or as the sum of the one value each gave.
	const perResponse = question.type === 'multiple' || TEXT_TYPES.has(question.type);
	const figures = (bs: (string | null)[]) => {
		const counts = options.map((o) =>
			bs.reduce((sum, b) => sum + (tally?.values.get(b)?.get(o.id) ?? 0), 0)
		);
		const answered = perResponse
			? bs.reduce((sum, b) => sum + (tally?.answered.get(b) ?? 0), 0)
			: counts.reduce((sum, c) => sum + c, 0);
		const optionResults: OptionResult[] = options.map((o, j) => ({
			id: o.id,
			label: o.label,
			count: counts[j],
			share: share(counts[j], answered)
		}));
		const mean = ordered ? meanOfCounts(values, counts) : null;
		const nps = question.type === 'nps' ? npsOfCounts(counts) : undefined;
		return { counts, answered, options: optionResults, mean, nps };
	};
	const all = figures(cells.map((c) => c.raw));
	const result: QuestionResult = {
		id: question.id,
		type: question.type,
		title: question.title,
		answered: all.answered,
		asked: cells.reduce((sum, c) => sum + askedIn(q, c.raw), 0),
		...(q.conditions?.size ? { conditional: true } : {}),
		options: all.options,
		mean: all.mean,
		top2: rating ? share(all.counts.at(-2)! + all.counts.at(-1)!, all.answered) : null,
		...(all.nps ? { nps: all.nps } : {}),
		...(question.type === 'number' ? { numbers: summariseCounts(values, all.counts) } : {}),
		...(question.type === 'date' ? { months: monthsOf(all.options, all.answered) } : {})
	};
	if (!withBreakdown) {
		return result;
	}
	const perCell = cells.map((c) => ({ cell: c, ...figures([c.raw]) }));
	result.byBreakdown = perCell.map(
		({ cell, answered, options: cellOptions, mean, nps }): BreakdownCell => ({
			key: cell.key,
			label: cell.label,
			...(cell.labelEn !== undefined ? { labelEn: cell.labelEn } : {}),
			n: answered,
			asked: askedIn(q, cell.raw),
			options: cellOptions,
			mean,
			...(nps ? { nps } : {}),
			small: answered < minN
		})
	);
	result.test = testOf(
		question.type,
		// Responses that give no breakdown value are no group to compare.
		perCell.filter((c) => c.cell.raw !== null).map((c) => c.counts)
	);
	return result;
}

/** A date question's days summed into months (YYYY-MM), in order. */
function monthsOf(days: OptionResult[], answered: number): OptionResult[] {
	const months = new Map<string, number>();
	for (const day of days) {
		const month = day.id.slice(0, 7);
		months.set(month, (months.get(month) ?? 0) + day.count);
	}
	return [...months].map(([id, count]) => ({
		id,
		label: id,
		count,
		share: share(count, answered)
	}));
}

function testOf(type: Question['type'], table: number[][]): TestResult | null {
	if (ORDERED_TYPES.has(type)) {
		return kruskalWallisTest(table);
	}
	if (type === 'single' || type === 'group' || type === 'area' || type === 'unit') {
		return chiSquareTest(table);
	}
	// Multiple choice: one respondent may stand in several columns, which the test does not allow.
	return null;
}
