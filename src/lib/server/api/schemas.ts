// The JSON API's parameters and answers as zod schemas: the routes parse their query strings with
// the parameter schemas, and openapi.ts builds the OpenAPI document from all of them, so what is
// checked and what is documented cannot drift apart. The answers' shapes are the services' (the
// contract test, src/routes/api/v1/contract.spec.ts, holds every answer against them).
import { z } from 'zod';
import 'zod-openapi';
import { CAMPAIGN_STATUSES, CHANNELS, NATURES, SUGGESTION_STATUSES } from '../../domain';
import { MAX_ID } from '../../input-checks';
import { QUESTION_TYPES } from '../../questionnaire/types';
import { isCalendarDate } from '../../input-checks';

// ---------------------------------------------------------------- parameters

const idText = (what: string) =>
	z
		.string()
		.regex(/^\d{1,10}$/, `${what} must be a whole number from 1`)
		.transform(Number)
		.refine((n) => n >= 1 && n <= MAX_ID, `${what} must be a whole number from 1 to ${MAX_ID}`);

const day = (name: string) =>
	z
		.string()
		.refine(isCalendarDate, `${name} must be a day written YYYY-MM-DD`)
		.meta({ format: 'date', example: '2014-03-17' });

export const slugPath = z.object({
	slug: z.string().meta({ description: "The campaign's address name", example: 'liuyang-2014' })
});

export const suggestionPath = slugPath.extend({
	id: idText('id').meta({ description: 'The suggestion id', example: '12' })
});

export const suggestionListQuery = z.object({
	category: z.string().optional().meta({ description: 'A category key' }),
	status: z.enum(SUGGESTION_STATUSES).optional(),
	department: idText('department').optional().meta({ description: 'A unit id' }),
	page: idText('page').optional().meta({ description: 'From 1; 50 suggestions a page' })
});

/** The cursor is opaque to callers: `next` of the page before, given back as it came. */
export const responseListQuery = z
	.object({
		cursor: z
			.string()
			.max(100)
			.optional()
			.meta({ description: "The page before's `next`; absent for the first page" }),
		from: day('from').optional().meta({ description: 'First day (China time), included' }),
		to: day('to').optional().meta({ description: 'Last day (China time), included' }),
		channel: z.enum(CHANNELS).optional(),
		area: idText('area').optional().meta({ description: 'An area (township) id' }),
		limit: idText('limit')
			.refine((n) => n <= 200, 'limit must be at most 200')
			.optional()
			.meta({ description: 'Responses a page, 1–200 (default 50)' })
	})
	.refine((q) => !q.from || !q.to || q.from <= q.to, {
		message: 'from is after to',
		path: ['from']
	});

export const resultsQuery = z.object({
	group: z.string().optional().meta({ description: 'Respondent group key (repeatable)' }),
	area: z.string().optional().meta({ description: 'Area id (repeatable)' }),
	unit: z.string().optional().meta({ description: 'Unit id (repeatable)' }),
	channel: z.enum(CHANNELS).optional().meta({ description: 'Channel (repeatable)' }),
	version: z.string().optional().meta({ description: 'Questionnaire version (repeatable)' }),
	from: day('from').optional(),
	to: day('to').optional(),
	by: z
		.string()
		.optional()
		.meta({ description: 'Breakdown: group, area, unit, channel or question:<id>' }),
	min: z.string().optional().meta({ description: 'Cells below this n are `small` (default 5)' }),
	compare: z.string().optional().meta({ description: "An earlier campaign's slug to compare with" })
});

/**
 * Parses a query string with `schema`: the first value of each parameter (repeatable ones are the
 * results route's own business). A bad value is a 400 naming the parameter, never a 500.
 */
export function parseQuery<S extends z.ZodType>(
	schema: S,
	params: URLSearchParams
):
	| { ok: true; value: z.output<S> }
	| { ok: false; message: string; fields: Record<string, string> } {
	const raw = Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.get(k)]));
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true, value: parsed.data };
	const fields = Object.fromEntries(
		parsed.error.issues.map((i) => [String(i.path[0] ?? 'query'), i.message])
	);
	return {
		ok: false,
		message: Object.entries(fields)
			.map(([k, m]) => `${k}: ${m}`)
			.join('; '),
		fields
	};
}

// ---------------------------------------------------------------- answers

export const errorBody = z
	.object({
		message: z.string(),
		fields: z.record(z.string(), z.string()).optional()
	})
	.meta({ id: 'Error', description: 'Why the request was refused' });

const campaignFields = {
	slug: z.string(),
	title: z.string(),
	status: z.enum(CAMPAIGN_STATUSES),
	startsOn: z.string().nullable().meta({ format: 'date' }),
	endsOn: z.string().nullable().meta({ format: 'date' }),
	anonymous: z.boolean(),
	responses: z.int().min(0).meta({ description: 'Responses stored' })
};

export const campaignSummary = z.object(campaignFields).meta({ id: 'CampaignSummary' });
export const campaignList = z
	.object({ items: z.array(campaignSummary) })
	.meta({ id: 'CampaignList' });

const question = z.object({
	id: z.string().meta({ description: 'The key of its answer in `answers`' }),
	type: z.enum(QUESTION_TYPES),
	title: z.string(),
	required: z.boolean(),
	options: z.array(z.object({ id: z.string(), label: z.string() })),
	points: z
		.int()
		.optional()
		.meta({ description: 'Matrix questions: the points of the shared scale (3, 5, 7 or 10)' }),
	statements: z
		.array(z.object({ id: z.string(), label: z.string() }))
		.optional()
		.meta({ description: 'Matrix questions: the statements, keys of the matrix answer' })
});

export const campaignDetail = z
	.object({
		...campaignFields,
		introduction: z.string(),
		questionnaires: z.array(
			z.object({
				version: z.int().min(1),
				publishedAt: z.iso.datetime({ offset: true }),
				questions: z.array(question)
			})
		)
	})
	.meta({ id: 'Campaign' });

const place = z.object({ id: z.int(), name: z.string() }).nullable();
const answer = z.union([
	z.string(),
	z.array(z.string()),
	z.number(),
	z
		.record(z.string(), z.number())
		.meta({ description: 'A matrix question: statement id → the point given' })
]);

export const responseItem = z
	.object({
		id: z.int(),
		submittedAt: z.iso.datetime({ offset: true }),
		channel: z.enum(CHANNELS),
		version: z.int().meta({ description: 'The questionnaire version it answered' }),
		group: z.string().nullable().meta({ description: 'Respondent group key' }),
		area: place,
		unit: place,
		enteredFromPaper: z.boolean(),
		answers: z.record(z.string(), answer).meta({
			description:
				"By question id (see the campaign's questionnaires). Without contact rights, phone numbers, ID numbers, e-mail addresses and names in free text are masked."
		}),
		contact: z
			.object({
				name: z.string().nullable(),
				phone: z.string().nullable(),
				email: z.string().nullable().meta({ description: 'The e-mail address the respondent left' })
			})
			.optional()
			.meta({
				description:
					'Only for a session that may read contact details (admin, organiser) or a token with the `contact` scope made by one'
			})
	})
	.meta({ id: 'Response' });

export const responsePage = z
	.object({
		items: z.array(responseItem),
		next: z
			.string()
			.nullable()
			.meta({ description: 'Give it back as `cursor` for the next page; null on the last page' })
	})
	.meta({ id: 'ResponsePage' });

const breakdown = z.object({
	key: z.string().nullable(),
	label: z.string(),
	labelEn: z.string().nullable(),
	issued: z.int(),
	returned: z.int(),
	returnRate: z.number().nullable()
});

export const returnStats = z
	.object({
		issued: z.int(),
		returned: z.int(),
		returnRate: z.number().nullable().meta({ description: 'null when nothing was issued' }),
		byGroup: z.array(breakdown),
		byUnit: z.array(breakdown),
		byArea: z.array(breakdown),
		byChannel: z.array(breakdown),
		byDay: z.array(z.object({ date: z.string().meta({ format: 'date' }), returned: z.int() }))
	})
	.meta({ id: 'ReturnStats' });

const countBy = z.array(
	z.object({ key: z.string().nullable(), label: z.string(), count: z.int() })
);

const satisfactionCounts = {
	satisfied: z.int().meta({ description: '满意' }),
	basic: z.int().meta({ description: '基本满意' }),
	dissatisfied: z.int().meta({ description: '不满意' }),
	answered: z.int(),
	notFollowedUp: z
		.int()
		.meta({ description: '未回访: answered items whose follow-up window ended without an answer' }),
	pending: z.int().meta({ description: '待回访: answered items still inside the window' }),
	rate: z
		.number()
		.nullable()
		.meta({ description: '(满意 + 基本满意) ÷ answers; null without answers' })
};
const onTimeCounts = {
	due: z.int().meta({ description: 'Closed items that had a deadline' }),
	onTime: z.int().meta({ description: 'Of them, closed on or before the deadline in force' }),
	extended: z
		.int()
		.meta({ description: 'Items whose deadline an approved extension moved (original kept)' }),
	rate: z.number().nullable().meta({ description: 'onTime ÷ due; null when nothing was due' })
};
const satisfactionRow = z.object({
	key: z.string().nullable(),
	label: z.string().nullable(),
	labelEn: z.string().nullable().optional(),
	...satisfactionCounts
});

export const suggestionStats = z
	.object({
		total: z.int(),
		rawAnswers: z.int(),
		byCategory: countBy,
		byNature: countBy,
		byStatus: countBy,
		byDepartment: countBy,
		overdue: z.int(),
		planExpired: z.int(),
		resolutionRate: z.number().nullable(),
		medianDaysToClose: z.number().nullable(),
		satisfaction: z
			.object({
				...satisfactionCounts,
				byDepartment: z.array(satisfactionRow),
				byCategory: z.array(satisfactionRow)
			})
			.meta({ description: '回访 (follow-up satisfaction) in all, by department and by category' }),
		onTime: z
			.object({
				...onTimeCounts,
				byDepartment: z.array(z.object({ id: z.int(), department: z.string(), ...onTimeCounts }))
			})
			.meta({
				description:
					'按期办结率 (on-time rate) in all and by department: of the closed items with a deadline, those closed by it (China calendar day). An approved extension (延期) counts against the granted deadline, any other item against its original one.'
			})
	})
	.meta({ id: 'SuggestionStats' });

const suggestionFields = {
	id: z.int(),
	title: z.string(),
	category: z.string().nullable().meta({ description: 'Category key' }),
	nature: z.enum(NATURES).nullable(),
	status: z.enum(SUGGESTION_STATUSES),
	department: z.string().nullable(),
	deadline: z.string().nullable().meta({ format: 'date' }),
	overdue: z.boolean(),
	targetDate: z.string().nullable().meta({ format: 'date' }),
	planExpired: z.boolean(),
	published: z.boolean()
};

export const suggestionList = z
	.object({
		total: z.int(),
		page: z.int(),
		pageSize: z.int(),
		items: z.array(
			z
				.object({
					...suggestionFields,
					raised: z.int().meta({ description: 'People who raised it' })
				})
				.meta({ id: 'SuggestionSummary' })
		)
	})
	.meta({ id: 'SuggestionList' });

export const suggestionDetail = z
	.object({
		...suggestionFields,
		measures: z.string(),
		reply: z
			.string()
			.meta({ description: 'The reply to the proposers (or the reason it was not adopted)' }),
		plan: z.string().meta({ description: 'The improvement plan (status planned)' }),
		createdAt: z.iso.datetime({ offset: true }),
		closedAt: z.iso.datetime({ offset: true }).nullable(),
		history: z.array(
			z.object({
				at: z.iso.datetime({ offset: true }),
				by: z.string().nullable().meta({ description: 'The staff account; null for the system' }),
				kind: z.string().meta({ description: 'categorise, assign, status, comment, merge, …' }),
				data: z.record(z.string(), z.unknown())
			})
		)
	})
	.meta({ id: 'Suggestion' });

const option = z.object({
	id: z.string(),
	label: z.string(),
	count: z.int(),
	share: z.number().nullable()
});

const direction = z.enum(['up', 'down', 'same']);

const satisfactionCell = z.object({
	key: z.string().nullable().meta({ description: 'Area or unit id as text; null: not given' }),
	label: z.string(),
	n: z.int(),
	index: z.number().nullable().meta({ description: '0–100' }),
	small: z.boolean(),
	rank: z.int().nullable()
});

/** A figure of this campaign beside the earlier one's (shares 0–1, their change in percentage points). */
const figureComparison = z.object({
	now: z.number().nullable(),
	earlier: z.number().nullable(),
	delta: z.number().nullable(),
	direction: direction.nullable()
});

/** A ranking question's places: per option, how often ranked, ranked first, and its mean place. */
const rankingResult = z
	.object({
		places: z.int().meta({ description: 'How many places could be filled (N)' }),
		options: z.array(
			z.object({
				id: z.string(),
				label: z.string(),
				ranked: z.int(),
				rankedShare: z.number().nullable(),
				first: z.int(),
				firstShare: z.number().nullable(),
				meanPlace: z
					.number()
					.nullable()
					.meta({ description: 'Mean place (1 = first) among those who ranked it' })
			})
		)
	})
	.meta({ description: 'Ranking questions only' });

export const campaignResults = z
	.object({
		campaign: z.object({ slug: z.string(), title: z.string() }),
		n: z.int(),
		filter: z.record(z.string(), z.unknown()),
		by: z.string().nullable(),
		minN: z.int(),
		questions: z.array(
			z.object({
				id: z.string(),
				type: z.enum(QUESTION_TYPES),
				title: z.string(),
				answered: z.int(),
				asked: z.int(),
				conditional: z.boolean().optional(),
				options: z.array(option),
				mean: z.number().nullable(),
				top2: z.number().nullable(),
				matrix: z
					.array(
						z.object({
							id: z.string().meta({ description: 'The statement id, stable across versions' }),
							label: z.string(),
							answered: z.int(),
							options: z.array(option).meta({ description: "One per point, '1'…'n'" }),
							mean: z.number().nullable()
						})
					)
					.optional()
					.meta({
						description:
							'Matrix questions: per statement, the distribution over the shared scale and the mean (over the whole filter, not split by a breakdown)'
					}),
				byBreakdown: z
					.array(
						z.object({
							key: z.string().nullable(),
							label: z.string(),
							labelEn: z.string().nullable().optional(),
							n: z.int(),
							asked: z.int().optional(),
							options: z.array(option),
							mean: z.number().nullable(),
							small: z.boolean()
						})
					)
					.optional(),
				test: z
					.object({
						kind: z.enum(['chi_square', 'kruskal_wallis']),
						statistic: z.number(),
						df: z.number(),
						p: z.number()
					})
					.nullable()
					.optional(),
				ranking: rankingResult.optional()
			})
		),
		satisfaction: z
			.object({
				questions: z.array(z.string()),
				byArea: z.array(satisfactionCell),
				byUnit: z.array(satisfactionCell),
				overall: z.object({ n: z.int(), index: z.number().nullable() })
			})
			.optional(),
		compare: z
			.object({
				campaign: z.object({ slug: z.string(), title: z.string() }),
				copiedFrom: z.boolean(),
				n: z.int(),
				filter: z.record(z.string(), z.unknown()),
				notApplied: z.array(z.enum(['from', 'to', 'version'])),
				questions: z.array(
					z.object({
						id: z.string(),
						type: z.enum(QUESTION_TYPES),
						status: z.enum(['matched', 'not_in_earlier', 'type_differs']),
						earlierType: z.enum(QUESTION_TYPES).optional(),
						answered: z.int(),
						earlierAnswered: z.int().nullable(),
						options: z.array(
							z.object({
								id: z.string(),
								label: z.string(),
								share: z.number().nullable(),
								earlierShare: z.number().nullable(),
								deltaPoints: z.number().nullable(),
								direction: direction.nullable()
							})
						),
						rating: z
							.object({
								mean: z.number().nullable(),
								earlierMean: z.number().nullable(),
								meanDelta: z.number().nullable(),
								meanDirection: direction.nullable(),
								top2: z.number().nullable(),
								earlierTop2: z.number().nullable(),
								top2DeltaPoints: z.number().nullable(),
								top2Direction: direction.nullable()
							})
							.nullable(),
						nps: z
							.object({
								score: figureComparison,
								promoters: figureComparison,
								passives: figureComparison,
								detractors: figureComparison
							})
							.optional()
							.meta({ description: 'Recommendation (0–10) questions' }),
						numbers: z
							.object({ mean: figureComparison, median: figureComparison })
							.optional()
							.meta({ description: 'Number questions' }),
						ranking: z
							.object({
								options: z.array(figureComparison.extend({ id: z.string(), label: z.string() }))
							})
							.optional()
							.meta({ description: 'Ranking questions: mean place (1 = first) per option' }),
						notCompared: z
							.discriminatedUnion('reason', [
								z.object({ reason: z.literal('date') }),
								z.object({
									reason: z.literal('scales_differ'),
									points: z.int(),
									earlierPoints: z.int()
								}),
								z.object({
									reason: z.literal('places_differ'),
									places: z.int(),
									earlierPlaces: z.int()
								})
							])
							.optional()
							.meta({
								description:
									'Why a matched question is not compared: dates; ratings on scales of different sizes; rankings of different numbers of places'
							})
					})
				),
				onlyEarlier: z.array(z.object({ id: z.string(), type: z.string(), title: z.string() }))
			})
			.optional()
			.meta({ description: 'With `compare=`: the earlier campaign beside this one' })
	})
	.meta({ id: 'CampaignResults' });
