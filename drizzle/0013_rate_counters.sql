-- Per-client limits shared by every app process (intake/submission-limit.ts). UNLOGGED by hand
-- (drizzle-kit has no word for it): no WAL for counters that live ten minutes; a crash empties the
-- table, which only lets clients through sooner, and replicas do not carry it.
CREATE UNLOGGED TABLE "rate_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_counters_expires_at_idx" ON "rate_counters" USING btree ("expires_at");