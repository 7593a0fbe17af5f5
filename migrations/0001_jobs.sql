CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"name" text NOT NULL,
	"params" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"progress_note" text,
	"dedupe_key" text,
	"parent_run_id" uuid,
	"requested_by" uuid,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text,
	"result" jsonb
);
--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_dedupe" ON "job_runs" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "job_runs_shop_queued" ON "job_runs" USING btree ("shop_id","queued_at");--> statement-breakpoint
CREATE INDEX "job_runs_parent" ON "job_runs" USING btree ("parent_run_id");