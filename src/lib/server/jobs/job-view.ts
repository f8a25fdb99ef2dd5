import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '../db';
import { JOBS_SCHEMA } from './queue';

export const JOB_STATES = [
	'created',
	'retry',
	'active',
	'completed',
	'cancelled',
	'failed'
] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QueueCounts {
	name: string;
	policy: string;
	/** The cron of its schedule, if it has one, and the schedule's time zone. */
	cron: string | null;
	timezone: string | null;
	counts: Record<JobState, number>;
}

export interface RecentJob {
	id: string;
	name: string;
	state: JobState;
	/** Epoch ms. */
	createdOn: number;
	startedOn: number | null;
	completedOn: number | null;
	retryCount: number;
	retryLimit: number;
	/** Why it failed (the error's message), for failed jobs and those waiting for a retry. */
	error: string | null;
}

export interface JobOverview {
	installed: boolean;
	queues: QueueCounts[];
	recent: RecentJob[];
}

const RECENT = 50;
const schema = sql.raw(JOBS_SCHEMA);
// pg-boss's own queue (it sends scheduled jobs on): not work anyone asked for.
const INTERNAL = '\\_\\_pgboss\\_\\_%';

/**
 * What the admin's job view shows: each queue with its jobs counted by state, and the latest jobs.
 * Read from pg-boss's tables (its documented schema) in SQL; archived jobs (a week after they
 * ended) are no longer counted. Payloads are not shown: they hold ids and flags only anyway.
 */
export async function jobOverview(db: Database): Promise<JobOverview> {
	const [{ installed }] = await queryRows<{ installed: boolean }>(
		db,
		sql`select to_regclass(${`${JOBS_SCHEMA}.job`}) is not null as installed`
	);
	if (!installed) return { installed: false, queues: [], recent: [] };
	const [queues, counts, recent] = await Promise.all([
		queryRows<{ name: string; policy: string; cron: string | null; timezone: string | null }>(
			db,
			sql`select q.name, q.policy, s.cron, s.timezone
				from ${schema}.queue q left join ${schema}.schedule s on s.name = q.name
				where q.name not like ${INTERNAL} order by q.name`
		),
		queryRows<{ name: string; state: JobState; n: number }>(
			db,
			sql`select name, state::text as state, count(*)::int as n from ${schema}.job
				where name not like ${INTERNAL} group by name, state`
		),
		queryRows<Record<string, unknown>>(
			db,
			sql`select id::text, name, state::text as state,
					(extract(epoch from created_on) * 1000)::float8 as "createdOn",
					(extract(epoch from started_on) * 1000)::float8 as "startedOn",
					(extract(epoch from completed_on) * 1000)::float8 as "completedOn",
					retry_count as "retryCount", retry_limit as "retryLimit",
					case when state in ('failed', 'retry') then output->>'message' end as error
				from ${schema}.job where name not like ${INTERNAL}
				order by created_on desc, id limit ${RECENT}`
		)
	]);
	return {
		installed: true,
		queues: queues.map((q) => ({
			...q,
			counts: Object.fromEntries(
				JOB_STATES.map((state) => [
					state,
					counts.find((c) => c.name === q.name && c.state === state)?.n ?? 0
				])
			) as Record<JobState, number>
		})),
		recent: recent as unknown as RecentJob[]
	};
}
