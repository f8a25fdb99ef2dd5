import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { asParameter } from './executor';
import { answerWhenClosed, JOBS_SCHEMA, RECORDS_END } from './queue';

// pg-boss's own statement texts (pinned exactly in package.json): an upgrade that changes them
// fails here rather than letting an unawaited failure end the process again.
const plans = createRequire(import.meta.url)('pg-boss/src/plans.js') as Record<
	string,
	(schema: string) => string
>;

it('recognises exactly the statements that record a job’s end, which pg-boss does not await', () => {
	expect(RECORDS_END.test(plans.completeJobs(JOBS_SCHEMA))).toBe(true);
	expect(RECORDS_END.test(plans.failJobsById(JOBS_SCHEMA))).toBe(true);
	for (const other of ['insertJob', 'cancelJobs', 'deleteJobs', 'retryJobs', 'createQueue']) {
		expect(RECORDS_END.test(plans[other](JOBS_SCHEMA))).toBe(false);
	}
});

it('answers a stopped queue’s record of a job’s end with the count row pg-boss reads', () => {
	const Manager = createRequire(import.meta.url)('pg-boss/src/manager.js') as {
		prototype: { mapCommandResponse(ids: string[], result: unknown): { affected: number } };
	};
	const read = (text: string) =>
		Manager.prototype.mapCommandResponse.call(null, ['id'], answerWhenClosed(text));
	expect(read(plans.completeJobs(JOBS_SCHEMA)).affected).toBe(0);
	expect(read(plans.failJobsById(JOBS_SCHEMA)).affected).toBe(0);
	// Anything else: no rows (no job fetched, nothing inserted).
	expect(answerWhenClosed(plans.insertJob(JOBS_SCHEMA))).toEqual({ rows: [] });
});

it('sends parameters as node-postgres would: JSON for objects, array literals for arrays', () => {
	expect(asParameter(undefined)).toBeNull();
	expect(asParameter({ a: 1, b: '"' })).toBe('{"a":1,"b":"\\""}');
	expect(asParameter(['x', 'y"z', null])).toBe('{"x","y\\"z",NULL}');
	expect(asParameter(true)).toBe('true');
	expect(asParameter(12)).toBe('12');
	expect(asParameter(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
});
