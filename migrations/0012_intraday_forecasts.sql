CREATE TABLE "intraday_forecast_slots" (
	"shop_id" uuid NOT NULL,
	"intraday_id" uuid NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"slot_minutes" smallint NOT NULL,
	"day_ahead" double precision NOT NULL,
	"forecast" double precision NOT NULL,
	CONSTRAINT "intraday_forecast_slots_intraday_id_slot_start_pk" PRIMARY KEY("intraday_id","slot_start")
);
--> statement-breakpoint
CREATE TABLE "intraday_forecasts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"base_version_id" uuid NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"observed" double precision NOT NULL,
	"expected" double precision NOT NULL,
	"weight" double precision NOT NULL,
	"level" double precision NOT NULL,
	"recent" double precision NOT NULL,
	"params" jsonb NOT NULL,
	"facts_read_at" timestamp with time zone NOT NULL,
	"updates" integer DEFAULT 1 NOT NULL,
	"job_run_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "coalesce_key" text;--> statement-breakpoint
ALTER TABLE "intraday_forecast_slots" ADD CONSTRAINT "intraday_forecast_slots_intraday_id_intraday_forecasts_id_fk" FOREIGN KEY ("intraday_id") REFERENCES "public"."intraday_forecasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intraday_forecasts" ADD CONSTRAINT "intraday_forecasts_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intraday_forecasts" ADD CONSTRAINT "intraday_forecasts_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intraday_forecasts" ADD CONSTRAINT "intraday_forecasts_base_version_id_forecast_versions_id_fk" FOREIGN KEY ("base_version_id") REFERENCES "public"."forecast_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "intraday_forecasts_queue_day" ON "intraday_forecasts" USING btree ("queue_id","local_date");--> statement-breakpoint
CREATE INDEX "intraday_forecasts_shop_day" ON "intraday_forecasts" USING btree ("shop_id","local_date");--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_coalesce_waiting" ON "job_runs" USING btree ("coalesce_key") WHERE "job_runs"."status" = 'queued';