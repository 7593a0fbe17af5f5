CREATE TABLE "self_service_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" uuid,
	"agent_ids" uuid[] NOT NULL,
	"roster_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_off_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"start_time" text,
	"end_time" text,
	"reason" text,
	"status" text NOT NULL,
	"auto_approved" boolean DEFAULT false NOT NULL,
	"requested_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"note" text,
	"leave_id" uuid,
	"published" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_off_requests_status" CHECK ("time_off_requests"."status" in ('pending', 'approved', 'rejected', 'cancelled')),
	CONSTRAINT "time_off_requests_range" CHECK ("time_off_requests"."start_date" <= "time_off_requests"."end_date"),
	CONSTRAINT "time_off_requests_part_day" CHECK (("time_off_requests"."start_time" is null) = ("time_off_requests"."end_time" is null) and ("time_off_requests"."start_time" is null or "time_off_requests"."start_date" = "time_off_requests"."end_date"))
);
--> statement-breakpoint
ALTER TABLE "self_service_events" ADD CONSTRAINT "self_service_events_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_off_requests" ADD CONSTRAINT "time_off_requests_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "self_service_events_subject" ON "self_service_events" USING btree ("shop_id","subject","subject_id");--> statement-breakpoint
CREATE INDEX "self_service_events_agents" ON "self_service_events" USING gin ("agent_ids");--> statement-breakpoint
CREATE INDEX "self_service_events_rosters" ON "self_service_events" USING gin ("roster_ids");--> statement-breakpoint
CREATE INDEX "time_off_requests_shop_status" ON "time_off_requests" USING btree ("shop_id","status");--> statement-breakpoint
CREATE INDEX "time_off_requests_shop_agent" ON "time_off_requests" USING btree ("shop_id","agent_id");