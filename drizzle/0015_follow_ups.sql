CREATE TABLE "follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"suggestion_id" integer NOT NULL,
	"round" integer NOT NULL,
	"method" text NOT NULL,
	"level" text,
	"comment" text DEFAULT '' NOT NULL,
	"response_id" bigint,
	"recorded_by" integer,
	"contacted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_receipt_round_uq" UNIQUE("suggestion_id","round","response_id"),
	CONSTRAINT "follow_ups_level_ck" CHECK ("follow_ups"."level" is null or "follow_ups"."level" in ('satisfied', 'basic', 'dissatisfied')),
	CONSTRAINT "follow_ups_method_ck" CHECK ("follow_ups"."method" in ('receipt', 'phone', 'visit')),
	CONSTRAINT "follow_ups_source_ck" CHECK (("follow_ups"."method" = 'receipt') = ("follow_ups"."response_id" is not null and "follow_ups"."recorded_by" is null))
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "follow_up_days" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "follow_up_round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "reopened_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_ups_suggestion_round_idx" ON "follow_ups" USING btree ("suggestion_id","round");--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_follow_up_round_ck" CHECK ("suggestions"."follow_up_round" >= 1);