CREATE TABLE "chat_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"queue_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"customer_hash" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"first_response_seconds" numeric(10, 2),
	"mean_response_seconds" numeric(10, 2),
	"customer_messages" integer NOT NULL,
	"agent_messages" integer NOT NULL,
	"pre_sale" boolean NOT NULL,
	"resolved" boolean NOT NULL,
	"rating" smallint,
	"transcript" text,
	"import_id" uuid,
	CONSTRAINT "chat_sessions_rating" CHECK ("chat_sessions"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"mode" text NOT NULL,
	"checksum" text NOT NULL,
	"status" text NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"job_run_id" uuid,
	"stored_file" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"external_order_id" text NOT NULL,
	"customer_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"amount_cents" bigint NOT NULL,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"out_of_stock" boolean DEFAULT false NOT NULL,
	"attributed_agent_id" uuid,
	"attributed_session_id" uuid,
	"import_id" uuid,
	CONSTRAINT "orders_refund_not_above_amount" CHECK ("orders"."refunded_cents" <= "orders"."amount_cents")
);
--> statement-breakpoint
CREATE TABLE "queues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"chat_concurrency" smallint DEFAULT 1 NOT NULL,
	"default_handle_seconds" integer NOT NULL,
	"service_level_percent" smallint DEFAULT 80 NOT NULL,
	"service_level_seconds" integer DEFAULT 30 NOT NULL,
	"deadline_minutes" integer,
	"patience_seconds" integer,
	"required_skill_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volume_slots" (
	"shop_id" uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"slot_start" timestamp with time zone NOT NULL,
	"slot_minutes" smallint NOT NULL,
	"offered" integer NOT NULL,
	"handled" integer NOT NULL,
	"abandoned" integer NOT NULL,
	"mean_handle_seconds" numeric(10, 2),
	"import_id" uuid,
	CONSTRAINT "volume_slots_queue_id_slot_start_pk" PRIMARY KEY("queue_id","slot_start")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_attributed_agent_id_agents_id_fk" FOREIGN KEY ("attributed_agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_required_skill_id_skills_id_fk" FOREIGN KEY ("required_skill_id") REFERENCES "public"."skills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volume_slots" ADD CONSTRAINT "volume_slots_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volume_slots" ADD CONSTRAINT "volume_slots_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_sessions_shop_external" ON "chat_sessions" USING btree ("shop_id","external_id");--> statement-breakpoint
CREATE INDEX "chat_sessions_shop_started" ON "chat_sessions" USING btree ("shop_id","started_at");--> statement-breakpoint
CREATE INDEX "imports_shop_created" ON "imports" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_shop_external" ON "orders" USING btree ("shop_id","external_order_id");--> statement-breakpoint
CREATE INDEX "orders_shop_created" ON "orders" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "queues_shop_code" ON "queues" USING btree ("shop_id","code");--> statement-breakpoint
CREATE INDEX "volume_slots_shop_start" ON "volume_slots" USING btree ("shop_id","slot_start");