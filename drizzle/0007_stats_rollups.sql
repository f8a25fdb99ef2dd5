CREATE TABLE "response_tallies" (
	"campaign_id" integer NOT NULL,
	"dim" text NOT NULL,
	"key" text,
	"slot" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "response_tallies_uq" UNIQUE NULLS NOT DISTINCT("campaign_id","dim","key","slot")
);
--> statement-breakpoint
CREATE TABLE "suggestion_tallies" (
	"campaign_id" integer NOT NULL,
	"dim" text NOT NULL,
	"key" text,
	"slot" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "suggestion_tallies_uq" UNIQUE NULLS NOT DISTINCT("campaign_id","dim","key","slot")
);
--> statement-breakpoint
CREATE INDEX "suggestions_open_deadline_idx" ON "suggestions" USING btree ("campaign_id","deadline","id","created_at","department_id","category_id") WHERE "suggestions"."merged_into" is null and "suggestions"."status" not in ('resolved', 'planned', 'not_adopted');--> statement-breakpoint
CREATE INDEX "suggestions_closed_at_idx" ON "suggestions" USING btree ("campaign_id","closed_at","id","status","deadline","created_at","department_id","category_id") WHERE "suggestions"."merged_into" is null and "suggestions"."status" in ('resolved', 'planned', 'not_adopted');--> statement-breakpoint
CREATE INDEX "suggestions_days_to_close_idx" ON "suggestions" USING btree ("campaign_id",(extract(epoch from "closed_at" - "created_at") / 86400),"closed_at","created_at") WHERE "suggestions"."merged_into" is null and "suggestions"."status" in ('resolved', 'planned', 'not_adopted') and "suggestions"."closed_at" is not null;--> statement-breakpoint
CREATE INDEX "suggestions_created_idx" ON "suggestions" USING btree ("campaign_id","created_at","department_id","category_id") WHERE "suggestions"."merged_into" is null;