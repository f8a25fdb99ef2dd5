-- Per-client limits shared by every app process (intake/submission-limit.ts). UNLOGGED by hand
-- (drizzle-kit has no word for it): no WAL for counters that live ten minutes; a crash empties the
-- table, which only lets clients through sooner, and replicas do not carry it.
CREATE UNLOGGED TABLE "rate_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_counters_expires_at_idx" ON "rate_counters" USING btree ("expires_at");--> statement-breakpoint
-- Other app processes drop their public copies of campaigns when these tables change
-- (platform/change-signals.ts). Once per statement; NOTIFY is sent when the transaction commits.
CREATE FUNCTION "xinkan_campaigns_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('xinkan_changes', 'campaigns');
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "campaigns_changed" AFTER INSERT OR UPDATE OR DELETE ON "campaigns"
	FOR EACH STATEMENT EXECUTE FUNCTION "xinkan_campaigns_changed"();
--> statement-breakpoint
CREATE TRIGGER "questionnaire_versions_changed" AFTER INSERT OR UPDATE OR DELETE ON "questionnaire_versions"
	FOR EACH STATEMENT EXECUTE FUNCTION "xinkan_campaigns_changed"();
