CREATE TABLE "categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "insight_models" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"model" jsonb NOT NULL,
	"examples" integer NOT NULL,
	"trained_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"suggestion_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"response_id" bigint NOT NULL,
	"question_id" text NOT NULL,
	"text" text NOT NULL,
	"source_text" text NOT NULL,
	"suggestion_id" integer NOT NULL,
	"origin_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"title" text NOT NULL,
	"category_id" integer,
	"nature" text,
	"status" text DEFAULT 'new' NOT NULL,
	"department_id" integer,
	"measures" text DEFAULT '' NOT NULL,
	"deadline" date,
	"reply" text DEFAULT '' NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"target_date" date,
	"published" boolean DEFAULT false NOT NULL,
	"merged_into" integer,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "suggestion_events" ADD CONSTRAINT "suggestion_events_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_events" ADD CONSTRAINT "suggestion_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_items" ADD CONSTRAINT "suggestion_items_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_items" ADD CONSTRAINT "suggestion_items_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_items" ADD CONSTRAINT "suggestion_items_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_items" ADD CONSTRAINT "suggestion_items_origin_id_suggestions_id_fk" FOREIGN KEY ("origin_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_department_id_units_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_merged_into_suggestions_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_events_suggestion_idx" ON "suggestion_events" USING btree ("suggestion_id","at");--> statement-breakpoint
CREATE INDEX "suggestion_events_kind_at_idx" ON "suggestion_events" USING btree ("kind","at");--> statement-breakpoint
CREATE INDEX "suggestion_items_suggestion_idx" ON "suggestion_items" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "suggestion_items_response_idx" ON "suggestion_items" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "suggestion_items_text_trgm_idx" ON "suggestion_items" USING gin ("text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "suggestions_campaign_status_idx" ON "suggestions" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "suggestions_department_idx" ON "suggestions" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "suggestions_merged_into_idx" ON "suggestions" USING btree ("merged_into");--> statement-breakpoint
CREATE INDEX "suggestions_title_trgm_idx" ON "suggestions" USING gin ("title" gin_trgm_ops);