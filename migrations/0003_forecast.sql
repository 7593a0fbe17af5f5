CREATE TABLE "forecast_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"value" double precision NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_by" uuid,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "forecast_adjustments_range" CHECK ("forecast_adjustments"."starts_at" < "forecast_adjustments"."ends_at"),
	CONSTRAINT "forecast_adjustments_kind" CHECK ("forecast_adjustments"."kind" in ('percent', 'absolute'))
);
--> statement-breakpoint
CREATE TABLE "forecast_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"queue_id" uuid,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"multiplier" double precision,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forecast_events_kind" CHECK ("forecast_events"."kind" in ('promotion', 'holiday', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "forecast_slots" (
	"shop_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"slot_minutes" smallint NOT NULL,
	"forecast" double precision NOT NULL,
	"lower" double precision NOT NULL,
	"upper" double precision NOT NULL,
	"closed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "forecast_slots_version_id_slot_start_pk" PRIMARY KEY("version_id","slot_start")
);
--> statement-breakpoint
CREATE TABLE "forecast_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"method_requested" text NOT NULL,
	"method_chosen" text,
	"from_date" date NOT NULL,
	"horizon_days" smallint NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"backtest" jsonb,
	"nightly_date" date,
	"job_run_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "forecast_versions_horizon" CHECK ("forecast_versions"."horizon_days" between 1 and 56)
);
--> statement-breakpoint
ALTER TABLE "forecast_adjustments" ADD CONSTRAINT "forecast_adjustments_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_adjustments" ADD CONSTRAINT "forecast_adjustments_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_events" ADD CONSTRAINT "forecast_events_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_events" ADD CONSTRAINT "forecast_events_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_slots" ADD CONSTRAINT "forecast_slots_version_id_forecast_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."forecast_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_versions" ADD CONSTRAINT "forecast_versions_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_versions" ADD CONSTRAINT "forecast_versions_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forecast_adjustments_shop_queue_range" ON "forecast_adjustments" USING btree ("shop_id","queue_id","starts_at");--> statement-breakpoint
CREATE INDEX "forecast_events_shop_date" ON "forecast_events" USING btree ("shop_id","date");--> statement-breakpoint
CREATE INDEX "forecast_versions_shop_queue_created" ON "forecast_versions" USING btree ("shop_id","queue_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "forecast_versions_queue_night" ON "forecast_versions" USING btree ("queue_id","nightly_date");