CREATE TABLE "roster_shifts" (
	"shop_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"day" smallint NOT NULL,
	"local_date" date NOT NULL,
	"shift_template_id" uuid NOT NULL,
	"start_minutes" smallint NOT NULL,
	"length_minutes" smallint NOT NULL,
	"skill" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "roster_shifts_version_id_agent_id_day_pk" PRIMARY KEY("version_id","agent_id","day")
);
--> statement-breakpoint
CREATE TABLE "roster_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"roster_id" uuid NOT NULL,
	"version" smallint NOT NULL,
	"status" text NOT NULL,
	"evaluation" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roster_versions_status" CHECK ("roster_versions"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "rosters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"team_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"demand" text NOT NULL,
	"time_limit_seconds" smallint NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"problem" jsonb,
	"solve" jsonb,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"job_run_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rosters_status" CHECK ("rosters"."status" in ('queued', 'running', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "shift_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"start_minutes" smallint,
	"start_earliest" smallint,
	"start_latest" smallint,
	"length_minutes" smallint NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"colour" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shift_templates_start" CHECK (("shift_templates"."start_minutes" is null) <> ("shift_templates"."start_earliest" is null and "shift_templates"."start_latest" is null))
);
--> statement-breakpoint
ALTER TABLE "roster_shifts" ADD CONSTRAINT "roster_shifts_version_id_roster_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."roster_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_versions" ADD CONSTRAINT "roster_versions_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_versions" ADD CONSTRAINT "roster_versions_roster_id_rosters_id_fk" FOREIGN KEY ("roster_id") REFERENCES "public"."rosters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rosters" ADD CONSTRAINT "rosters_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_templates" ADD CONSTRAINT "shift_templates_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roster_shifts_shop_agent_start" ON "roster_shifts" USING btree ("shop_id","agent_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "roster_versions_roster_version" ON "roster_versions" USING btree ("roster_id","version");--> statement-breakpoint
CREATE INDEX "rosters_shop_week" ON "rosters" USING btree ("shop_id","week_start");--> statement-breakpoint
CREATE UNIQUE INDEX "shift_templates_shop_code" ON "shift_templates" USING btree ("shop_id","code");