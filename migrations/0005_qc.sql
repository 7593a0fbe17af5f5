CREATE TABLE "qc_coaching_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"team_id" uuid,
	"supervisor_agent_id" uuid,
	"reason" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"overdue" boolean DEFAULT false NOT NULL,
	"overdue_flagged_at" timestamp with time zone,
	"note" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qc_coaching_tasks_status" CHECK ("qc_coaching_tasks"."status" in ('open', 'done')),
	CONSTRAINT "qc_coaching_tasks_reason" CHECK ("qc_coaching_tasks"."reason" in ('failed', 'below_threshold')),
	CONSTRAINT "qc_coaching_tasks_closed_note" CHECK ("qc_coaching_tasks"."status" <> 'done' or ("qc_coaching_tasks"."note" is not null and length(trim("qc_coaching_tasks"."note")) > 0))
);
--> statement-breakpoint
CREATE TABLE "qc_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"item_id" uuid,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"quote" text,
	"note" text,
	"session_started_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qc_findings_category" CHECK ("qc_findings"."category" in ('话术', '平台政策', '工具使用', '流程', '沟通技巧', '销售技能', '服务态度')),
	CONSTRAINT "qc_findings_severity" CHECK ("qc_findings"."severity" in ('low', 'medium', 'high', 'critical'))
);
--> statement-breakpoint
CREATE TABLE "qc_review_scores" (
	"shop_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"points" numeric(5, 2) NOT NULL,
	"comment" text,
	CONSTRAINT "qc_review_scores_review_id_item_id_pk" PRIMARY KEY("review_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "qc_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"sample_id" uuid,
	"session_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"session_started_at" timestamp with time zone NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"rubric_version_id" uuid NOT NULL,
	"total_score" numeric(5, 2) NOT NULL,
	"failed" boolean DEFAULT false NOT NULL,
	"sampling_weight" double precision DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"comment" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qc_reviews_total" CHECK ("qc_reviews"."total_score" between 0 and 100),
	CONSTRAINT "qc_reviews_status" CHECK ("qc_reviews"."status" in ('draft', 'submitted'))
);
--> statement-breakpoint
CREATE TABLE "qc_rubric_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"rubric_version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"max_points" numeric(5, 2) NOT NULL,
	"critical" boolean DEFAULT false NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "qc_rubric_items_kind" CHECK ("qc_rubric_items"."kind" in ('points', 'deduction')),
	CONSTRAINT "qc_rubric_items_category" CHECK ("qc_rubric_items"."category" in ('话术', '平台政策', '工具使用', '流程', '沟通技巧', '销售技能', '服务态度')),
	CONSTRAINT "qc_rubric_items_critical" CHECK (not "qc_rubric_items"."critical" or "qc_rubric_items"."kind" = 'deduction'),
	CONSTRAINT "qc_rubric_items_points" CHECK ("qc_rubric_items"."max_points" > 0 and "qc_rubric_items"."max_points" <= 100)
);
--> statement-breakpoint
CREATE TABLE "qc_rubric_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qc_sample_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"sample_date" date NOT NULL,
	"session_date" date NOT NULL,
	"seed" text NOT NULL,
	"settings" jsonb NOT NULL,
	"mix" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"job_run_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qc_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"sample_date" date NOT NULL,
	"agent_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"session_started_at" timestamp with time zone NOT NULL,
	"weight" double precision NOT NULL,
	"inclusion_probability" double precision NOT NULL,
	"reason" text NOT NULL,
	"outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qc_samples_probability" CHECK ("qc_samples"."inclusion_probability" > 0 and "qc_samples"."inclusion_probability" <= 1)
);
--> statement-breakpoint
CREATE TABLE "qc_settings" (
	"shop_id" uuid PRIMARY KEY NOT NULL,
	"samples_per_agent" smallint DEFAULT 15 NOT NULL,
	"random_floor_percent" smallint DEFAULT 30 NOT NULL,
	"low_rating_max" smallint DEFAULT 2 NOT NULL,
	"slow_first_response_seconds" integer DEFAULT 60 NOT NULL,
	"outcome_weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"coaching_threshold" numeric(5, 2) DEFAULT '80' NOT NULL,
	"coaching_due_days" smallint DEFAULT 3 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qc_settings_samples" CHECK ("qc_settings"."samples_per_agent" between 10 and 20),
	CONSTRAINT "qc_settings_floor" CHECK ("qc_settings"."random_floor_percent" between 0 and 100),
	CONSTRAINT "qc_settings_threshold" CHECK ("qc_settings"."coaching_threshold" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "qc_coaching_tasks" ADD CONSTRAINT "qc_coaching_tasks_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_coaching_tasks" ADD CONSTRAINT "qc_coaching_tasks_review_id_qc_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."qc_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_coaching_tasks" ADD CONSTRAINT "qc_coaching_tasks_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_coaching_tasks" ADD CONSTRAINT "qc_coaching_tasks_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_findings" ADD CONSTRAINT "qc_findings_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_findings" ADD CONSTRAINT "qc_findings_review_id_qc_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."qc_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_review_scores" ADD CONSTRAINT "qc_review_scores_review_id_qc_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."qc_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_review_scores" ADD CONSTRAINT "qc_review_scores_item_id_qc_rubric_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."qc_rubric_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_reviews" ADD CONSTRAINT "qc_reviews_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_reviews" ADD CONSTRAINT "qc_reviews_sample_id_qc_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."qc_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_reviews" ADD CONSTRAINT "qc_reviews_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_reviews" ADD CONSTRAINT "qc_reviews_rubric_version_id_qc_rubric_versions_id_fk" FOREIGN KEY ("rubric_version_id") REFERENCES "public"."qc_rubric_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_rubric_items" ADD CONSTRAINT "qc_rubric_items_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_rubric_items" ADD CONSTRAINT "qc_rubric_items_rubric_version_id_qc_rubric_versions_id_fk" FOREIGN KEY ("rubric_version_id") REFERENCES "public"."qc_rubric_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_rubric_versions" ADD CONSTRAINT "qc_rubric_versions_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_sample_runs" ADD CONSTRAINT "qc_sample_runs_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_samples" ADD CONSTRAINT "qc_samples_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_samples" ADD CONSTRAINT "qc_samples_run_id_qc_sample_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."qc_sample_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_samples" ADD CONSTRAINT "qc_samples_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qc_settings" ADD CONSTRAINT "qc_settings_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "qc_coaching_tasks_review" ON "qc_coaching_tasks" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "qc_coaching_tasks_shop_status" ON "qc_coaching_tasks" USING btree ("shop_id","status");--> statement-breakpoint
CREATE INDEX "qc_coaching_tasks_shop_team" ON "qc_coaching_tasks" USING btree ("shop_id","team_id");--> statement-breakpoint
CREATE INDEX "qc_findings_shop_started" ON "qc_findings" USING btree ("shop_id","session_started_at");--> statement-breakpoint
CREATE INDEX "qc_findings_review" ON "qc_findings" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "qc_review_scores_shop" ON "qc_review_scores" USING btree ("shop_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qc_reviews_session_reviewer" ON "qc_reviews" USING btree ("shop_id","session_id","reviewer_user_id");--> statement-breakpoint
CREATE INDEX "qc_reviews_shop_started" ON "qc_reviews" USING btree ("shop_id","session_started_at");--> statement-breakpoint
CREATE INDEX "qc_reviews_shop_agent" ON "qc_reviews" USING btree ("shop_id","agent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qc_rubric_items_version_code" ON "qc_rubric_items" USING btree ("rubric_version_id","code");--> statement-breakpoint
CREATE INDEX "qc_rubric_items_shop" ON "qc_rubric_items" USING btree ("shop_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qc_rubric_versions_shop_version" ON "qc_rubric_versions" USING btree ("shop_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "qc_sample_runs_shop_date" ON "qc_sample_runs" USING btree ("shop_id","sample_date");--> statement-breakpoint
CREATE UNIQUE INDEX "qc_samples_shop_session" ON "qc_samples" USING btree ("shop_id","session_id");--> statement-breakpoint
CREATE INDEX "qc_samples_shop_date_agent" ON "qc_samples" USING btree ("shop_id","sample_date","agent_id");