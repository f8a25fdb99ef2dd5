// `npm run bench:stats`: the report queries on a big campaign. Creates a throwaway PostgreSQL
// database, migrates it, loads the demo, bulk-inserts 1,000,000 responses and 100,000 suggestions
// (150,000 items, ~200,000 events) into the demo campaign — through SQL, so the roll-up triggers of
// drizzle/0008 keep response_tallies and suggestion_tallies as they go — then times
// campaignStats, suggestionStats, the review queue's first filtered page and weeklyReport
// (p50/p99 over 50 calls, in-process; every roll-up figure spread over all 64 slots first, as
// months of live submissions leave it) and prints one EXPLAIN (ANALYZE) summary per service, with
// the plan outline of its slowest query. Then it measures what the triggers cost writers (a bulk
// insert of 100,000 responses, and single-row inserts from 50 connections, each with the triggers
// on and off, rolled back or removed afterwards) and checks the roll-ups against a full recount.
// The results (issue 16): a second campaign with a 10-question questionnaire and 1,000,000
// responses (BENCH_RESULTS_RESPONSES) from 200 kinds of respondent (group, area, unit, channel)
// over 150 days; campaignResults unfiltered and with an area filter and a group breakdown, counted
// from answer_tallies (drizzle/0012) — p50/p95/p99 — then the same two through the scan of the
// responses they replace (3 calls), which must give the same results.
// The database is always dropped.
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../src/lib/server/db/client';
import * as schema from '../src/lib/server/db/schema';
import { seedDemo } from '../src/lib/server/demo/seed';
import { campaignStats } from '../src/lib/server/returns/return-rate';
import { suggestionStats } from '../src/lib/server/suggestions/reports';
import { listQueue } from '../src/lib/server/suggestions/queries';
import { categoriserFor } from '../src/lib/server/insight/categoriser-service';
import { duplicateCandidates, raisedBefore } from '../src/lib/server/insight/duplicate-hints';
import { weeklyReport } from '../src/lib/server/suggestions/weekly';
import { publishQuestionnaire, saveDraft } from '../src/lib/server/campaigns/questionnaire';
import { countedResults } from '../src/lib/server/results/results';
import type { Question } from '../src/lib/questionnaire/types';
import type { ResultsQuery } from '../src/lib/results/types';
import { percentile } from '../tests/reliability/http';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const SUGGESTIONS = Number(process.env.BENCH_SUGGESTIONS ?? 100_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 50);
const RESULT_RESPONSES = Number(process.env.BENCH_RESULTS_RESPONSES ?? 1_000_000);
const BATCH = 100_000;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `xinkan_bench_stats_${process.pid}`;
const benchUrl = (() => {
	const u = new URL(adminUrl);
	u.pathname = `/${dbName}`;
	return u.toString();
})();
const BIG = ['responses', 'suggestions', 'suggestion_items', 'suggestion_events'];
const log = (line: string) => console.error(`[bench:stats] ${line}`);

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
let created = false;
let handle: ReturnType<typeof openDatabase> | null = null;
let raw: postgres.Sql | null = null;

async function load(db: Database, campaignId: number) {
	const ids = async (q: ReturnType<typeof sql>) =>
		(await queryRows<{ id: number }>(db, q)).map((r) => Number(r.id));
	const [version] = await ids(
		sql`select id from questionnaire_versions where campaign_id = ${campaignId} order by version desc limit 1`
	);
	const groups = await ids(sql`select id from respondent_groups order by id`);
	const areas = await ids(sql`select id from areas order by id`);
	const units = await ids(sql`select id from units where kind <> 'company' order by id`);
	const cats = await ids(sql`select id from categories order by id`);
	const users = await ids(sql`select id from users order by id`);
	const arr = (xs: number[]) => sql.raw(`array[${xs.join(',')}]::int[]`);
	const pick = (xs: number[], expr: string) =>
		sql`(${arr(xs)})[1 + (${sql.raw(expr)}) % ${xs.length}]`;
	const channels = sql.raw(
		`array['paper','letter','suggestion_box','forum','visit','online','qr_poster']`
	);

	log(`distributions: ${groups.length} groups × ${areas.length} areas × 7 channels`);
	await db.execute(sql`insert into distributions (campaign_id, group_id, area_id, unit_id, channel, issued, issued_on)
		select ${campaignId}, g, a, ${units[0]}, (${channels})[1 + c], 200 + (g * 7 + a * 3 + c) % 400, current_date - 150
		from unnest(${arr(groups)}) g, unnest(${arr(areas)}) a, generate_series(0, 6) c`);

	const started = performance.now();
	for (let from = 1; from <= RESPONSES; from += BATCH) {
		const to = Math.min(RESPONSES, from + BATCH - 1);
		await db.execute(sql`insert into responses (campaign_id, version_id, receipt_code, channel, group_id, area_id, unit_id, answers, submitted_at)
			select ${campaignId}, ${version}, 'BENCH' || lpad(g::text, 9, '0'),
				(${channels})[1 + (g * 13) % 7], ${pick(groups, 'g * 7')}, ${pick(areas, 'g * 11')}, ${pick(units, 'g * 3')},
				jsonb_build_object('q_supply', 1 + g % 5, 'q_service', 1 + (g / 5) % 5, 'q_improve', '希望停电前提前通知 ' || g),
				now() - make_interval(days => g % 150, secs => (g * 37) % 86400)
			from generate_series(${from}::int, ${to}::int) g`);
		log(`responses ${to}/${RESPONSES} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
	}
	const loadSeconds = (performance.now() - started) / 1000;
	const [firstResponse] = await ids(
		sql`select min(id) as id from responses where receipt_code like 'BENCH%'`
	);

	const statuses = sql.raw(
		`array['new','categorised','assigned','in_progress','resolved','planned','not_adopted']`
	);
	const natures = sql.raw(`array['routine','legacy','new']`);
	await db.execute(sql`insert into suggestions (campaign_id, title, category_id, nature, status, department_id, deadline, closed_at, created_at, updated_at)
		select ${campaignId}, '建议' || g || ' 电费缴纳 停电 通知 线路 抢修',
			case when st = 0 then null else ${pick(cats, 'g * 5')} end,
			case when st = 0 then null else (${natures})[1 + g % 3] end,
			(${statuses})[1 + st],
			case when st < 2 then null else ${pick(units, 'g * 3')} end,
			case when st < 2 then null else (current_date - 140 + (g % 170)) end,
			case when st >= 4 then now() - make_interval(days => g % 120) end,
			now() - make_interval(days => 120 + g % 30) + make_interval(days => 0),
			now()
		from (select g, (g * 7) % 7 + (g / 7) % 7 as s0 from generate_series(1, ${SUGGESTIONS}) g) x,
			lateral (select s0 % 7 as st) y`);
	const [firstSuggestion] = await ids(
		sql`select min(id) as id from suggestions where title like '建议%'`
	);
	log(`suggestions ${SUGGESTIONS}`);
	const items = Math.round(SUGGESTIONS * 1.5);
	await db.execute(sql`insert into suggestion_items (campaign_id, response_id, question_id, text, source_text, suggestion_id, origin_id)
		select ${campaignId}, ${firstResponse} + (g * 7) % ${RESPONSES}, 'q_improve', '希望停电前提前通知 ' || g, '希望停电前提前通知 ' || g,
			${firstSuggestion} + g % ${SUGGESTIONS}, ${firstSuggestion} + g % ${SUGGESTIONS}
		from generate_series(0, ${items - 1}) g`);
	log(`suggestion_items ${items}`);
	await db.execute(sql`insert into suggestion_events (suggestion_id, at, user_id, kind, data)
		select s.id, s.created_at + make_interval(days => k.n * (1 + s.id % 10)), ${users[0]}, k.kind, '{}'::jsonb
		from suggestions s
		join (values ('categorise', 1, 1), ('assign', 2, 2), ('status', 3, 3)) k(kind, n, min_status)
			on array_position(${statuses}, s.status) - 1 >= k.min_status
		where s.campaign_id = ${campaignId} and s.title like '建议%'`);
	const [{ n: events }] = await queryRows<{ n: number }>(
		db,
		sql`select count(*)::int as n from suggestion_events`
	);
	// A bulk INSERT adds to one slot of the roll-ups; live submissions over months fill all 64.
	// Readers sum the slots, so spread every figure over all of them: the worst case for reading.
	for (const table of ['response_tallies', 'suggestion_tallies']) {
		await db.execute(
			sql.raw(`with t as (delete from ${table} returning *),
			a as (select campaign_id, dim, key, sum(n)::int as n from t group by 1, 2, 3)
			insert into ${table} (campaign_id, dim, key, slot, n)
			select a.campaign_id, a.dim, a.key, s, a.n / 64 + (s < a.n % 64)::int from a, generate_series(0, 63) s`)
		);
	}
	const [{ rows: tallyRows }] = await queryRows<{ rows: number }>(
		db,
		sql`select count(*)::int as rows from response_tallies`
	);
	log(
		`suggestion_events ${events}; response_tallies spread over 64 slots: ${tallyRows} rows; analyze`
	);
	await db.execute(sql`vacuum analyze`);
	return { responsesLoadSeconds: Math.round(loadSeconds) };
}

interface Explained {
	summary: string;
}

/** Runs `fn` once on a logging connection and EXPLAIN ANALYZEs each query it sent. */
async function explain(sqlClient: postgres.Sql, fn: (db: Database) => Promise<unknown>) {
	const queries: { query: string; params: unknown[] }[] = [];
	const logging = drizzle(sqlClient, {
		schema,
		logger: { logQuery: (query, params) => void queries.push({ query, params }) }
	}) as unknown as Database;
	await fn(logging);
	const plans: { ms: number; top: string; seq: string[]; outline: string }[] = [];
	for (const q of queries) {
		const [row] = await sqlClient.unsafe(
			`explain (analyze, format json) ${q.query}`,
			q.params as postgres.ParameterOrJSON<never>[]
		);
		const plan = (row['QUERY PLAN'] as { Plan: PlanNode; 'Execution Time': number }[])[0];
		const seq = new Set<string>();
		const walk = (n: PlanNode) => {
			if (n['Node Type'] === 'Seq Scan' && BIG.includes(n['Relation Name'] ?? '')) {
				seq.add(n['Relation Name']!);
			}
			for (const c of n.Plans ?? []) walk(c);
		};
		walk(plan.Plan);
		plans.push({
			ms: plan['Execution Time'],
			top: plan.Plan['Node Type'],
			seq: [...seq],
			outline: outline(plan.Plan)
		});
	}
	const slowest = plans.reduce((a, b) => (b.ms > a.ms ? b : a), plans[0]);
	const seqScans = [...new Set(plans.flatMap((p) => p.seq))];
	return {
		queries: plans.length,
		totalMs: Math.round(plans.reduce((s, p) => s + p.ms, 0) * 10) / 10,
		slowestMs: Math.round(slowest.ms * 10) / 10,
		slowestTop: slowest.top,
		slowestPlan: slowest.outline,
		seqScansOnBigTables: seqScans
	} satisfies Record<string, unknown> & Partial<Explained>;
}

interface PlanNode {
	'Node Type': string;
	'Relation Name'?: string;
	'Index Name'?: string;
	'Actual Rows'?: number;
	'Actual Loops'?: number;
	'Actual Total Time'?: number;
	Plans?: PlanNode[];
}

/** The plan's nodes that read tables or took more than 1 ms, depth first: "node on table (rows, ms)". */
function outline(root: PlanNode): string {
	const parts: string[] = [];
	const walk = (n: PlanNode, depth: number) => {
		const ms = (n['Actual Total Time'] ?? 0) * (n['Actual Loops'] ?? 1);
		if (n['Relation Name'] || ms >= 1 || depth === 0) {
			const on = n['Index Name'] ?? n['Relation Name'];
			const rows = (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1);
			parts.push(`${n['Node Type']}${on ? ` ${on}` : ''} (${rows} rows, ${ms.toFixed(1)} ms)`);
		}
		for (const c of n.Plans ?? []) walk(c, depth + 1);
	};
	walk(root, 0);
	return parts.slice(0, 14).join(' > ');
}

async function time(fn: () => Promise<unknown>, calls = CALLS) {
	const ms: number[] = [];
	for (let i = 0; i < calls; i++) {
		const t = performance.now();
		await fn();
		ms.push(performance.now() - t);
	}
	ms.sort((a, b) => a - b);
	const r = (x: number) => Math.round(x * 10) / 10;
	return {
		p50ms: r(percentile(ms, 50)),
		p95ms: r(percentile(ms, 95)),
		p99ms: r(percentile(ms, 99))
	};
}

const rating = (id: string, title: string): Question => ({
	...questionBase,
	id,
	type: 'rating',
	title,
	lowLabel: '很不满意',
	highLabel: '非常满意'
});
const questionBase = {
	help: '',
	required: false,
	options: [],
	maxPicks: 0,
	lowLabel: '',
	highLabel: ''
};
/** Ten questions: the three organisation questions, four ratings, a single and a multiple choice, a suggestion. */
const RESULT_QUESTIONS: Question[] = [
	{ ...questionBase, id: 'group', type: 'group', title: '您的身份' },
	{ ...questionBase, id: 'township', type: 'area', title: '您所在的乡镇' },
	{ ...questionBase, id: 'station', type: 'unit', title: '为您服务的供电所' },
	rating('supply', '供电质量'),
	rating('service', '供电服务'),
	rating('repair', '抢修速度'),
	rating('billing', '电费缴纳'),
	{
		...questionBase,
		id: 'visited',
		type: 'single',
		title: '一年内到过营业厅几次',
		options: ['0', '1', '2', '3-5', '6+'].map((label, i) => ({ id: `v${i}`, label }))
	},
	{
		...questionBase,
		id: 'priorities',
		type: 'multiple',
		title: '您最看重哪些服务',
		maxPicks: 3,
		options: ['connection', 'outage_notice', 'repair', 'voltage', 'payment', 'manager'].map(
			(id) => ({ id, label: id })
		)
	},
	{ ...questionBase, id: 'improve', type: 'suggestion', title: '您的意见和建议' }
];

/**
 * The results campaign: RESULT_RESPONSES responses of 200 kinds of respondent (as a distribution
 * plan has rows: a group, an area, a unit or none, a channel) over 150 days, answers varying with
 * the area; loaded through SQL, so the triggers keep answer_tallies.
 */
async function loadResults(db: Database) {
	const slug = 'bench-results';
	await db.execute(
		sql`insert into campaigns (slug, title, status, anonymous) values (${slug}, '结果基准', 'draft', true)`
	);
	const { problems } = await saveDraft(db, null, slug, RESULT_QUESTIONS);
	if (problems.length) throw new Error(`results questionnaire: ${JSON.stringify(problems)}`);
	await publishQuestionnaire(db, null, slug);
	await db.execute(sql`update campaigns set status = 'open' where slug = ${slug}`);
	const [{ campaignId, versionId }] = await queryRows<{ campaignId: number; versionId: number }>(
		db,
		sql`select c.id as "campaignId", v.id as "versionId" from campaigns c join questionnaire_versions v on v.campaign_id = c.id where c.slug = ${slug}`
	);
	const ids = async (q: ReturnType<typeof sql>) =>
		(await queryRows<{ id: number }>(db, q)).map((r) => Number(r.id));
	const arr = (xs: number[]) => sql.raw(`array[${xs.join(',')}]::int[]`);
	const groups = arr(await ids(sql`select id from respondent_groups order by id`));
	const areas = arr(await ids(sql`select id from areas order by id`));
	const units = arr(await ids(sql`select id from units where kind <> 'company' order by id`));
	const channels = sql.raw(
		`array['paper','letter','suggestion_box','forum','visit','online','qr_poster']`
	);
	const started = performance.now();
	for (let from = 1; from <= RESULT_RESPONSES; from += BATCH) {
		const to = Math.min(RESULT_RESPONSES, from + BATCH - 1);
		await db.execute(sql`insert into responses (campaign_id, version_id, receipt_code, channel, group_id, area_id, unit_id, answers, submitted_at)
			select ${campaignId}, ${versionId}, 'RESULT' || lpad(g::text, 9, '0'), ch, gr, ar, un,
				jsonb_strip_nulls(jsonb_build_object('group', 'g' || gr, 'township', 'a' || ar, 'station', 'u' || un,
					'supply', 1 + (g % 3 + ar % 3), 'service', 1 + (g % 4 + p % 2), 'repair', 1 + (g / 3) % 5,
					'billing', case when g % 9 = 0 then null else 1 + (g + ar) % 5 end,
					'visited', 'v' || (g / 7) % 5,
					'priorities', (select jsonb_agg(o) from unnest(array['connection','outage_notice','repair','voltage','payment','manager']) with ordinality u(o, i)
						where (g / i) % 3 = 0),
					'improve', case when g % 10 = 0 then '希望停电前提前通知 ' || g end)),
				now() - make_interval(days => g % 150, secs => (g * 37) % 86400)
			from (select g, p,
					(${groups})[1 + p % cardinality(${groups})] as gr,
					(${areas})[1 + (p / 5) % cardinality(${areas})] as ar,
					case when p % 4 = 0 then null else (${units})[1 + p % cardinality(${units})] end as un,
					(${channels})[1 + (p / 3) % 7] as ch
				from (select g, ((g::bigint * 7919) % 200)::int as p from generate_series(${from}::int, ${to}::int) g) s) x`);
		log(
			`results responses ${to}/${RESULT_RESPONSES} (${((performance.now() - started) / 1000).toFixed(0)} s)`
		);
	}
	const loadSeconds = Math.round((performance.now() - started) / 1000);
	await db.execute(sql`vacuum analyze responses`);
	await db.execute(sql`vacuum analyze answer_tallies`);
	const [{ rows }] = await queryRows<{ rows: number }>(
		db,
		sql`select count(*)::int as rows from answer_tallies where campaign_id = ${campaignId}`
	);
	const [{ areaId }] = await queryRows<{ areaId: number }>(
		db,
		sql`select area_id as "areaId" from responses where campaign_id = ${campaignId} and area_id is not null
			group by 1 order by count(*) desc limit 1`
	);
	return { campaignId, areaId, loadSeconds, tallyRows: rows };
}

/** campaignResults on the results campaign, from the tallies and through the scan they replace. */
async function results(db: Database) {
	const { campaignId, areaId, loadSeconds, tallyRows } = await loadResults(db);
	console.log(
		JSON.stringify({
			load: 'results campaign, bulk SQL, triggers on',
			responses: RESULT_RESPONSES,
			questions: RESULT_QUESTIONS.length,
			seconds: loadSeconds,
			answerTallyRows: tallyRows
		})
	);
	const queries: [string, ResultsQuery][] = [
		['resultsUnfiltered', { filter: {} }],
		['resultsAreaByGroup', { filter: { area: [areaId] }, by: 'group' }]
	];
	for (const [bench, query] of queries) {
		const run = (d: Database) => countedResults(d, campaignId, query, 'auto');
		const t = await time(() => run(db));
		console.log(
			JSON.stringify({ bench, responses: RESULT_RESPONSES, questions: 10, ...t, calls: CALLS })
		);
		console.log(JSON.stringify({ explain: bench, ...(await explain(raw!, run)) }));
	}
	for (const [bench, query] of queries) {
		const tallied = await countedResults(db, campaignId, query, 'tallies');
		let scanned: unknown = null;
		const t = await time(async () => {
			scanned = await countedResults(db, campaignId, query, 'scan');
		}, 3);
		console.log(
			JSON.stringify({
				bench: `${bench}Scan`,
				responses: RESULT_RESPONSES,
				...t,
				calls: 3,
				sameAsTallies: JSON.stringify(scanned) === JSON.stringify(tallied)
			})
		);
		if (JSON.stringify(scanned) !== JSON.stringify(tallied)) process.exitCode = 1;
	}
}

async function main() {
	await admin.unsafe(
		`create database ${dbName} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C.UTF-8'`
	);
	created = true;
	handle = openDatabase({ url: benchUrl, poolSize: 10 });
	raw = postgres(benchUrl, { max: 1, onnotice: () => {} });
	await handle.migrate();
	await seedDemo(handle.db, 'bench-stats-password');
	const db = handle.db;
	const [{ id: campaignId }] = await queryRows<{ id: number }>(
		db,
		sql`select id from campaigns where slug = 'liuyang-2014'`
	);
	const t0 = performance.now();
	const loaded = await load(db, campaignId);
	const loadSeconds = Math.round((performance.now() - t0) / 1000);
	log(`loaded in ${loadSeconds} s`);
	console.log(JSON.stringify({ load: 'bulk SQL, triggers on', seconds: loadSeconds, ...loaded }));
	const [{ categoryId }] = await queryRows<{ categoryId: number }>(
		db,
		sql`select category_id as "categoryId" from suggestions where status = 'assigned' and campaign_id = ${campaignId}
			group by 1 order by count(*) desc limit 1`
	);
	const reviewer = { id: 1, role: 'reviewer' as const, unitId: null };
	const today = new Date().toISOString().slice(0, 10);
	const benches: [string, (d: Database) => Promise<unknown>][] = [
		['returnRateStats', (d) => campaignStats(d, campaignId)],
		['suggestionStats', (d) => suggestionStats(d, campaignId)],
		['reviewQueue', (d) => listQueue(d, reviewer, { campaignId, status: 'assigned', categoryId })],
		['weeklyReport', (d) => weeklyReport(d, campaignId, today)]
	];
	const base = { responses: RESPONSES, suggestions: SUGGESTIONS };
	for (const [bench, fn] of benches) {
		const t = await time(() => fn(db));
		console.log(JSON.stringify({ bench, ...base, ...t, calls: CALLS }));
		console.log(JSON.stringify({ explain: bench, ...(await explain(raw!, fn)) }));
	}
	await queueHints(db, campaignId, reviewer);
	await results(db);
	await triggerCost(campaignId);
	const t1 = performance.now();
	const [check] = await raw!.unsafe(`select
		(select coalesce(json_agg(t order by t), '[]') from (select campaign_id, dim, key, sum(n)::int as n from response_tallies group by 1, 2, 3 having sum(n) <> 0) t)::text
		= (select coalesce(json_agg(t order by t), '[]') from (
			select campaign_id, 'group' as dim, group_id::text as key, count(*)::int as n from responses group by 1, 3
			union all select campaign_id, 'unit', unit_id::text, count(*)::int from responses group by 1, 3
			union all select campaign_id, 'area', area_id::text, count(*)::int from responses group by 1, 3
			union all select campaign_id, 'channel', channel, count(*)::int from responses group by 1, 3
			union all select campaign_id, 'day', to_char(submitted_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'), count(*)::int from responses group by 1, 3) t)::text
		as equal`);
	console.log(
		JSON.stringify({
			check: 'response_tallies = full recount of responses',
			equal: check.equal,
			recountMs: Math.round(performance.now() - t1)
		})
	);
	if (!check.equal) process.exitCode = 1;
}

/**
 * The review queue's hints for the new suggestions of its first page (as its page load asks for
 * them): suggested categories, likely duplicates in the campaign, "raised before" in others. The
 * first call builds the duplicate indexes from every live suggestion; later ones reuse them.
 */
async function queueHints(
	db: Database,
	campaignId: number,
	reviewer: { id: number; role: 'reviewer'; unitId: null }
) {
	const fresh = (await listQueue(db, reviewer, { campaignId, status: 'new' })).rows.map(
		(r) => r.id
	);
	const hints = () =>
		Promise.all([
			categoriserFor(db),
			duplicateCandidates(db, campaignId, fresh),
			raisedBefore(db, campaignId, fresh)
		]);
	const t = performance.now();
	await hints();
	const firstMs = Math.round(performance.now() - t);
	const calls = 10;
	console.log(
		JSON.stringify({
			bench: 'reviewQueueHints',
			items: fresh.length,
			firstMs,
			...(await time(hints, calls)),
			calls
		})
	);
}

/**
 * What the roll-up triggers cost writers, on the loaded database: a 100,000-row INSERT … SELECT
 * of responses in a transaction that is rolled back, and 50 connections inserting one response
 * per statement (as public submissions do) for a few seconds; each with the triggers on, then
 * off (ALTER TABLE … DISABLE TRIGGER, bench database only). Rows of the concurrent runs are
 * deleted afterwards with the triggers in the state they were inserted with.
 */
async function triggerCost(campaignId: number) {
	const [{ version }] = await raw!.unsafe(
		`select id as version from questionnaire_versions where campaign_id = $1 order by version desc limit 1`,
		[campaignId]
	);
	const triggers = async (sqlClient: postgres.Sql | postgres.TransactionSql, on: boolean) => {
		for (const t of [
			'responses_tally_insert',
			'responses_tally_delete',
			'responses_answer_tally_insert',
			'responses_answer_tally_delete'
		]) {
			await sqlClient.unsafe(`alter table responses ${on ? 'enable' : 'disable'} trigger ${t}`);
		}
	};
	for (const on of [true, false]) {
		const t = performance.now();
		await raw!
			.begin(async (tx) => {
				if (!on) await triggers(tx, false);
				await tx.unsafe(
					`insert into responses (campaign_id, version_id, receipt_code, channel, group_id, answers, submitted_at)
					select $1, $2, 'COST' || g, 'online', 1 + g % 5, '{}'::jsonb, now() from generate_series(1, 100000) g`,
					[campaignId, version]
				);
				throw new Error('rollback');
			})
			.catch((e) => {
				if ((e as Error).message !== 'rollback') throw e;
			});
		console.log(
			JSON.stringify({
				triggerCost: 'INSERT … SELECT of 100,000 responses',
				triggers: on ? 'on' : 'off',
				ms: Math.round(performance.now() - t)
			})
		);
	}
	const seconds = Number(process.env.BENCH_INSERT_SECONDS ?? 5);
	const pool = postgres(benchUrl, { max: 50, onnotice: () => {} });
	try {
		for (const on of [true, false]) {
			if (!on) await triggers(raw!, false);
			const ms: number[] = [];
			const until = performance.now() + seconds * 1000;
			let n = 0;
			await Promise.all(
				Array.from({ length: 50 }, async (_, w) => {
					while (performance.now() < until) {
						const i = n++;
						const t = performance.now();
						await pool`insert into responses (campaign_id, version_id, receipt_code, channel, group_id, answers)
							values (${campaignId}, ${version}, ${`CONC${on ? 1 : 0}-${w}-${i}`}, 'online', ${1 + (i % 5)}, '{}'::jsonb)`;
						ms.push(performance.now() - t);
					}
				})
			);
			ms.sort((a, b) => a - b);
			console.log(
				JSON.stringify({
					triggerCost: 'single-row INSERTs of responses, 50 connections',
					triggers: on ? 'on' : 'off',
					seconds,
					perSecond: Math.round(ms.length / seconds),
					p50ms: Math.round(percentile(ms, 50) * 10) / 10,
					p99ms: Math.round(percentile(ms, 99) * 10) / 10
				})
			);
			await raw!.unsafe(`delete from responses where receipt_code like 'CONC${on ? 1 : 0}-%'`);
			if (!on) await triggers(raw!, true);
		}
	} finally {
		await pool.end({ timeout: 5 });
	}
}

async function cleanup() {
	await raw?.end({ timeout: 5 }).catch(() => {});
	await handle?.close().catch(() => {});
	if (created) {
		await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch((e) => {
			log(`could not drop ${dbName}: ${(e as Error).message}`);
		});
	}
	await admin.end({ timeout: 5 });
}

process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
try {
	await main();
} catch (e) {
	console.error(e);
	process.exitCode = 1;
} finally {
	await cleanup();
}
