// What people answered, per question (issue 16): the shape the results page, its XLSX and the
// API (`GET /api/v1/campaigns/<slug>/results`) share. Shared by server and browser.
import type { Channel } from '../domain';
import type { QuestionType } from '../questionnaire/types';

/** What a breakdown splits the responses by: a dimension of the response, or a single-choice question. */
export type BreakdownKey = 'group' | 'area' | 'unit' | 'channel' | `question:${string}`;

/** The filters of a results query; every one optional, all of them together (AND). */
export interface ResultsFilter {
	/** Respondent group keys (as respondent_groups.key). */
	group?: string[];
	/** Area ids. */
	area?: number[];
	/** Unit ids. */
	unit?: number[];
	channel?: Channel[];
	/** Submitted on or after this day (China time), YYYY-MM-DD. */
	from?: string;
	/** Submitted on or before this day (China time), YYYY-MM-DD. */
	to?: string;
	/** Questionnaire version numbers. */
	version?: number[];
}

export interface ResultsQuery {
	filter: ResultsFilter;
	by?: BreakdownKey;
	/** Cells with fewer responses than this are flagged `small` (default 5). */
	minN?: number;
}

export interface OptionResult {
	id: string;
	label: string;
	count: number;
	/**
	 * count ÷ answered (single choice, organisation questions) or ÷ respondents who answered the
	 * question (multiple choice: the shares add up to more than 1). null when answered is 0.
	 */
	share: number | null;
}

export interface BreakdownCell {
	/** The breakdown value (group key, area/unit id as text, channel, option id); null: not given. */
	key: string | null;
	label: string;
	/** Group cells: the group's English name (the organisation keeps one); absent otherwise. */
	labelEn?: string | null;
	/** Responses in this cell that answered the question. */
	n: number;
	/** Responses in this cell whose version asks the question (未作答 = asked − n); always set by the server. */
	asked?: number;
	options: OptionResult[];
	/** Ratings: the mean of 1–5 in this cell, null when n is 0. */
	mean: number | null;
	/** Recommendation questions: the net promoter score of this cell. */
	nps?: NpsResult | null;
	/** n is below minN: shown greyed and said to be too small. */
	small: boolean;
}

export interface TestResult {
	kind: 'chi_square' | 'kruskal_wallis';
	statistic: number;
	df: number;
	p: number;
}

/** A recommendation (0–10) question's groups: how many gave 9–10, 7–8 and 0–6, and the score. */
export interface NpsResult {
	promoters: number;
	passives: number;
	detractors: number;
	/** (promoters − detractors) ÷ answered × 100, rounded: −100…100; null when nobody answered. */
	score: number | null;
}

/** A number question's figures, over those who answered; null when nobody did. */
export interface NumberSummary {
	mean: number;
	median: number;
	min: number;
	max: number;
}

/** One option of a ranking question: how often it was placed, placed first, and its mean place. */
export interface RankingOptionResult {
	id: string;
	label: string;
	/** Respondents who gave it a place at all. */
	ranked: number;
	/** ranked ÷ the question's answered; null when nobody answered. */
	rankedShare: number | null;
	/** Respondents who put it first. */
	first: number;
	/** first ÷ the question's answered; null when nobody answered. */
	firstShare: number | null;
	/** The mean of its places (1 = first) among those who ranked it; null when nobody did. */
	meanPlace: number | null;
}

/** A ranking question's figures, read from the responses (places are not in the roll-up). */
export interface RankingResult {
	/** How many places could be filled (N). */
	places: number;
	options: RankingOptionResult[];
}

export interface QuestionResult {
	id: string;
	type: QuestionType;
	title: string;
	/** Responses in the filter whose version asks this question and that answered it. */
	answered: number;
	/**
	 * Responses in the filter whose version asks this question (answered + not answered); under skip
	 * logic, only those it was shown to.
	 */
	asked: number;
	/** Some version shows it only when earlier answers match (skip logic): `asked` is "shown to". */
	conditional?: boolean;
	/**
	 * Choice, rating and organisation questions: one entry per option (ratings: '1'…'5', or as
	 * many points as the scale has; recommendations '0'…'10'); number and date questions: one
	 * entry per value given (days as YYYY-MM-DD), in order.
	 */
	options: OptionResult[];
	/** Ratings, recommendations and numbers: the mean, null when nobody answered. */
	mean: number | null;
	/** Ratings: share of the top two points (4 and 5 of five) among those who answered, null when nobody answered. */
	top2: number | null;
	/** Recommendation questions: promoters, passives, detractors and the score. */
	nps?: NpsResult;
	/**
	 * Ranking questions: per option its mean place, ranked first and ranked at all (`options` then
	 * counts how often each was ranked, with shares of those who answered the question).
	 */
	ranking?: RankingResult;
	/** Number questions: mean, median, lowest and highest. */
	numbers?: NumberSummary | null;
	/** Date questions: the answers per month (YYYY-MM), in order. */
	months?: OptionResult[];
	/**
	 * Choice questions with an "other, please specify" option: what was written, newest first (at
	 * most 200), with phone numbers, ID numbers and e-mail addresses masked.
	 */
	otherTexts?: string[];
	/**
	 * Matrix questions: per statement, the distribution over the shared scale and the mean (over
	 * the whole filter; a breakdown does not split them). `answered` of the question counts the
	 * responses that rated at least one statement.
	 */
	matrix?: MatrixStatementResult[];
	/** With a breakdown: one cell per breakdown value that has responses in the filter. */
	byBreakdown?: BreakdownCell[];
	/** With a breakdown, for choice and rating questions when the table allows it; else null. */
	test?: TestResult | null;
}

/** One statement of a matrix question. */
export interface MatrixStatementResult {
	id: string;
	label: string;
	/** Responses that rated this statement. */
	answered: number;
	/** One entry per point of the scale, '1'…'n'; shares of `answered`. */
	options: OptionResult[];
	/** null when nobody rated it. */
	mean: number | null;
}

export interface CampaignResults {
	campaign: { slug: string; title: string };
	/** Responses in the filter (= the return-rate stats' `returned` when unfiltered). */
	n: number;
	filter: ResultsFilter;
	by: BreakdownKey | null;
	minN: number;
	questions: QuestionResult[];
	/** The satisfaction index of the marked rating questions, in the same filter (always set by campaignResults). */
	satisfaction?: SatisfactionIndex;
}

/** One township or unit of the satisfaction index. */
export interface SatisfactionCell {
	/** Area or unit id as text; null: responses that give none. */
	key: string | null;
	label: string;
	/** Respondents in the cell who answered at least one marked question. */
	n: number;
	/** 0–100: the mean of the respondents' own scores (see satisfaction.ts); null only when n is 0. */
	index: number | null;
	/** n is below minN: shown greyed, said to be too small, and not ranked. */
	small: boolean;
	/** 1 = most satisfied, ties share a rank; null for small cells and for "not given". */
	rank: number | null;
}

/** The satisfaction index (issue 16): the rating questions the organiser marked, on 0–100. */
export interface SatisfactionIndex {
	/** Ids of the marked rating questions; empty when none is marked (and then no cells). */
	questions: string[];
	byArea: SatisfactionCell[];
	byUnit: SatisfactionCell[];
	overall: { n: number; index: number | null };
}
