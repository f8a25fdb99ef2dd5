CREATE TABLE "answer_tallies" (
	"campaign_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"month" date NOT NULL,
	"group_id" integer,
	"area_id" integer,
	"unit_id" integer,
	"channel" text NOT NULL,
	"question_id" text,
	"value" text,
	"n" integer NOT NULL,
	CONSTRAINT "answer_tallies_uq" UNIQUE NULLS NOT DISTINCT("campaign_id","version_id","month","group_id","area_id","unit_id","channel","question_id","value")
);
--> statement-breakpoint
-- The per-answer roll-up of the results (issue 16), kept like response_tallies (0008): statement
-- triggers with transition tables, one aggregated upsert per statement. Rows per campaign,
-- version, month, group, area, unit and channel: question_id null = responses; value null =
-- responses that answered a multiple-choice or text question; otherwise how often a value of a
-- choice, rating or organisation question was given (each option of a multiple choice). The rules
-- are those of the results' counting statement (src/lib/server/results/results.ts countAnswers),
-- applied with the type each question has in the response's own (frozen) version. Text answers
-- and contact details are never copied.
-- No slots (0008 spreads each figure over 64): the results read every row of a campaign, and
-- slots would multiply them. bench:stats' million responses from 200 kinds of respondent over five
-- months make ~11,000 rows here (summed in ~20 ms); spread over 64 slots, ~680,000, and summing
-- 270,000 rows alone took 400 ms on the shared test machine. The price: two transactions writing
-- responses of the same kind of respondent (group, area, unit, channel) in the same month wait
-- for each other's commit on the rows they share. The app's public submissions are group-committed (one autocommitted statement
-- per batch, intake/record-response.ts) and a correction is one UPDATE, so each writer takes these
-- locks in one statement, in key order: no two of them deadlock.
-- fillfactor 50: room for HOT updates, as in 0008.
ALTER TABLE answer_tallies SET (fillfactor = 50);
--> statement-breakpoint
-- The statement that adds the rows of `source` (responses' columns plus delta, +1 or -1) to the
-- tallies. One text for the triggers (whose transition tables only EXECUTE in the trigger itself
-- can see) and the backfill below.
CREATE FUNCTION answer_tallies_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($q$
WITH r AS (%s),
-- Each version's questions as {id: type}: one row per version, not a join per answer.
types AS (
	SELECT v.id AS version_id, jsonb_object_agg(q->>'id', q->>'type') AS t
	FROM questionnaire_versions v, jsonb_array_elements(v.questions) q
	WHERE v.id IN (SELECT DISTINCT version_id FROM r)
	GROUP BY v.id
),
d AS (
	SELECT r.campaign_id, r.version_id,
		date_trunc('month', r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS month,
		r.group_id, r.area_id, r.unit_id, r.channel, r.answers, r.delta
	FROM r
),
e AS (
	SELECT d.campaign_id, d.version_id, d.month, d.group_id, d.area_id, d.unit_id, d.channel, d.delta,
		a.key, a.value, types.t ->> a.key AS qtype
	FROM d JOIN types USING (version_id) CROSS JOIN LATERAL jsonb_each(d.answers) a
	WHERE types.t ? a.key
),
k AS (
	SELECT campaign_id, version_id, month, group_id, area_id, unit_id, channel,
		NULL::text AS question_id, NULL::text AS value, delta
	FROM d
	UNION ALL
	SELECT campaign_id, version_id, month, group_id, area_id, unit_id, channel, key, NULL::text, delta
	FROM e
	WHERE qtype IN ('multiple', 'short_text', 'long_text', 'suggestion')
		AND value NOT IN ('""'::jsonb, '[]'::jsonb, 'null'::jsonb)
	UNION ALL
	SELECT campaign_id, version_id, month, group_id, area_id, unit_id, channel, key,
		coalesce(x.v, value #>> '{}'), delta
	FROM e LEFT JOIN LATERAL jsonb_array_elements_text(
		CASE jsonb_typeof(value) WHEN 'array' THEN value ELSE '[]'::jsonb END) x(v) ON true
	WHERE qtype NOT IN ('short_text', 'long_text', 'suggestion', 'contact')
		AND jsonb_typeof(value) IN ('string', 'number', 'array')
)
INSERT INTO answer_tallies AS t
	(campaign_id, version_id, month, group_id, area_id, unit_id, channel, question_id, value, n)
SELECT campaign_id, version_id, month, group_id, area_id, unit_id, channel, question_id, value,
	sum(delta)::integer
FROM k
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 HAVING sum(delta) <> 0
-- In key order, so two transactions take their row locks in the same order.
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ON CONFLICT (campaign_id, version_id, month, group_id, area_id, unit_id, channel, question_id, value)
DO UPDATE SET n = t.n + excluded.n
$q$, source)
$fn$;
--> statement-breakpoint
-- The planner guesses a hundred answers per response and millions of rows, and would spend
-- seconds compiling the statement (JIT) for what takes milliseconds to run.
CREATE FUNCTION answer_tallies_apply() RETURNS trigger LANGUAGE plpgsql SET jit = off AS $$
DECLARE
	cols CONSTANT text := 'campaign_id, version_id, group_id, area_id, unit_id, channel, answers, submitted_at';
BEGIN
	IF TG_OP = 'INSERT' THEN
		EXECUTE answer_tallies_sql(format('SELECT %s, 1 AS delta FROM new_rows', cols));
	ELSIF TG_OP = 'DELETE' THEN
		EXECUTE answer_tallies_sql(format('SELECT %s, -1 AS delta FROM old_rows', cols));
	ELSIF TG_OP = 'UPDATE' THEN
		-- Old rows out, new rows in; what an update leaves as it was nets to no write.
		EXECUTE answer_tallies_sql(format(
			'SELECT %s, -1 AS delta FROM old_rows UNION ALL SELECT %s, 1 FROM new_rows', cols, cols));
	ELSE
		DELETE FROM answer_tallies;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER responses_answer_tally_insert AFTER INSERT ON responses REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION answer_tallies_apply();
--> statement-breakpoint
CREATE TRIGGER responses_answer_tally_update AFTER UPDATE ON responses REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION answer_tallies_apply();
--> statement-breakpoint
CREATE TRIGGER responses_answer_tally_delete AFTER DELETE ON responses REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION answer_tallies_apply();
--> statement-breakpoint
CREATE TRIGGER responses_answer_tally_truncate AFTER TRUNCATE ON responses
	FOR EACH STATEMENT EXECUTE FUNCTION answer_tallies_apply();
--> statement-breakpoint
-- The responses stored before this migration (the triggers above already lock out writers).
DO $$ BEGIN EXECUTE answer_tallies_sql('SELECT campaign_id, version_id, group_id, area_id, unit_id, channel, answers, submitted_at, 1 AS delta FROM responses'); END $$;
