ALTER TABLE "job_runs" ADD COLUMN "claim_token" uuid;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "claimed_by" text;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "job_runs_unfinished" ON "job_runs" USING btree ("status") WHERE "job_runs"."status" in ('queued', 'running', 'retrying');