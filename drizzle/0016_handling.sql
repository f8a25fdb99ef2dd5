CREATE TABLE "co_handlers" (
	"suggestion_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"added_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handling_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"suggestion_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"from_department_id" integer NOT NULL,
	"to_department_id" integer,
	"current_deadline" date,
	"requested_deadline" date,
	"reason" text NOT NULL,
	"requested_by" integer NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handling_requests_kind_ck" CHECK ("handling_requests"."kind" in ('transfer', 'extension')),
	CONSTRAINT "handling_requests_status_ck" CHECK ("handling_requests"."status" in ('pending', 'approved', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holidays_kind_ck" CHECK ("holidays"."kind" in ('off', 'work'))
);
--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "default_department_id" integer;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "service_days" integer;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "original_deadline" date;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "sent_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "supervised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "supervised_by" integer;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "supervised_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "co_handlers" ADD CONSTRAINT "co_handlers_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_handlers" ADD CONSTRAINT "co_handlers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_handlers" ADD CONSTRAINT "co_handlers_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_requests" ADD CONSTRAINT "handling_requests_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_requests" ADD CONSTRAINT "handling_requests_from_department_id_units_id_fk" FOREIGN KEY ("from_department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_requests" ADD CONSTRAINT "handling_requests_to_department_id_units_id_fk" FOREIGN KEY ("to_department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_requests" ADD CONSTRAINT "handling_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_requests" ADD CONSTRAINT "handling_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "co_handlers_suggestion_unit_uq" ON "co_handlers" USING btree ("suggestion_id","unit_id");--> statement-breakpoint
CREATE INDEX "co_handlers_unit_idx" ON "co_handlers" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "handling_requests_pending_uq" ON "handling_requests" USING btree ("suggestion_id","kind") WHERE "handling_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "handling_requests_suggestion_idx" ON "handling_requests" USING btree ("suggestion_id");--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_default_department_id_units_id_fk" FOREIGN KEY ("default_department_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_supervised_by_users_id_fk" FOREIGN KEY ("supervised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;