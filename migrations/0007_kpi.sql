CREATE TABLE "kpi_agent_days" (
	"shop_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"day" date NOT NULL,
	"team_id" uuid,
	"role_group" text,
	"sessions" integer DEFAULT 0 NOT NULL,
	"inquiries" integer DEFAULT 0 NOT NULL,
	"pre_sale_inquiries" integer DEFAULT 0 NOT NULL,
	"first_response_sum" numeric(16, 2) DEFAULT '0' NOT NULL,
	"first_response_count" integer DEFAULT 0 NOT NULL,
	"response_sum" numeric(18, 2) DEFAULT '0' NOT NULL,
	"response_pairs" integer DEFAULT 0 NOT NULL,
	"customer_messages" integer DEFAULT 0 NOT NULL,
	"agent_messages" integer DEFAULT 0 NOT NULL,
	"after_sale_sessions" integer DEFAULT 0 NOT NULL,
	"resolved_sessions" integer DEFAULT 0 NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	"satisfied_ratings" integer DEFAULT 0 NOT NULL,
	"ordered_customers" integer DEFAULT 0 NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"paying_customers" integer DEFAULT 0 NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"out_of_stock_orders" integer DEFAULT 0 NOT NULL,
	"complaints" integer DEFAULT 0 NOT NULL,
	"qc_reviews" integer DEFAULT 0 NOT NULL,
	"qc_score_sum" numeric(12, 2) DEFAULT '0' NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_agent_days_shop_id_day_agent_id_pk" PRIMARY KEY("shop_id","day","agent_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_import_watermarks" (
	"shop_id" uuid PRIMARY KEY NOT NULL,
	"seen_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"reason" text NOT NULL,
	"source" text NOT NULL,
	"ranking_run_id" uuid,
	"rule_index" smallint,
	"status" text DEFAULT 'proposed' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "ledger_entries_kind" CHECK ("ledger_entries"."kind" in ('bonus', 'penalty', 'improvement_plan')),
	CONSTRAINT "ledger_entries_status" CHECK ("ledger_entries"."status" in ('proposed', 'approved', 'rejected')),
	CONSTRAINT "ledger_entries_source" CHECK ("ledger_entries"."source" in ('rule', 'manual'))
);
--> statement-breakpoint
CREATE TABLE "ranking_rows" (
	"shop_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"team_id" uuid,
	"eligible" boolean NOT NULL,
	"rank" integer,
	"metrics" jsonb NOT NULL,
	"total" numeric(7, 3),
	"percentile" numeric(6, 2),
	"top" boolean DEFAULT false NOT NULL,
	"bottom" boolean DEFAULT false NOT NULL,
	"days_worked" integer NOT NULL,
	"inquiries" integer NOT NULL,
	"ineligible_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "ranking_rows_run_id_agent_id_pk" PRIMARY KEY("run_id","agent_id")
);
--> statement-breakpoint
CREATE TABLE "ranking_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"month" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"scorecard" jsonb NOT NULL,
	"error" text,
	"job_run_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	CONSTRAINT "ranking_runs_status" CHECK ("ranking_runs"."status" in ('queued', 'running', 'completed', 'failed', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "scorecards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role_group" text NOT NULL,
	"metrics" jsonb NOT NULL,
	"min_days_worked" smallint NOT NULL,
	"min_inquiries" integer NOT NULL,
	"top_n" smallint NOT NULL,
	"bottom_percent" smallint NOT NULL,
	"tie_rule" text NOT NULL,
	"reward_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecards_role_group" CHECK ("scorecards"."role_group" in ('pre_sales', 'after_sales'))
);
--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_rows" ADD CONSTRAINT "ranking_rows_run_id_ranking_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."ranking_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_runs" ADD CONSTRAINT "ranking_runs_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_runs" ADD CONSTRAINT "ranking_runs_scorecard_id_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."scorecards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_agent_days_shop_agent_day" ON "kpi_agent_days" USING btree ("shop_id","agent_id","day");--> statement-breakpoint
CREATE INDEX "ledger_entries_shop_month" ON "ledger_entries" USING btree ("shop_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_rule" ON "ledger_entries" USING btree ("ranking_run_id","agent_id","rule_index");--> statement-breakpoint
CREATE INDEX "ranking_rows_shop" ON "ranking_rows" USING btree ("shop_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ranking_runs_version" ON "ranking_runs" USING btree ("shop_id","scorecard_id","month","version");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecards_shop_name" ON "scorecards" USING btree ("shop_id","name");