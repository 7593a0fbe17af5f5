CREATE TABLE "complaint_deadline_rules" (
	"shop_id" uuid NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"first_response_minutes" integer NOT NULL,
	"resolve_days" smallint NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_deadline_rules_shop_id_category_severity_pk" PRIMARY KEY("shop_id","category","severity"),
	CONSTRAINT "complaint_deadline_rules_positive" CHECK ("complaint_deadline_rules"."first_response_minutes" > 0 and "complaint_deadline_rules"."resolve_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"note" text,
	"actor_user_id" uuid,
	"actor_role" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_routing_rules" (
	"shop_id" uuid NOT NULL,
	"category" text NOT NULL,
	"department" text NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_routing_rules_shop_id_category_pk" PRIMARY KEY("shop_id","category")
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"external_id" text,
	"channel" text NOT NULL,
	"customer_hash" text NOT NULL,
	"order_external_id" text,
	"agent_id" uuid,
	"agent_at_fault" boolean DEFAULT false NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"negative_review" boolean DEFAULT false NOT NULL,
	"description" text,
	"department" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"first_response_due_at" timestamp with time zone NOT NULL,
	"resolve_due_at" timestamp with time zone NOT NULL,
	"first_responded_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"customer_feedback" text,
	"overdue" boolean DEFAULT false NOT NULL,
	"overdue_reason" text,
	"overdue_flagged_at" timestamp with time zone,
	"import_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_status" CHECK ("complaints"."status" in ('open', 'in_progress', 'waiting_customer', 'resolved', 'closed')),
	CONSTRAINT "complaints_category" CHECK ("complaints"."category" in ('product_quality', 'logistics', 'service_attitude', 'returns_refunds', 'wrong_description', 'other')),
	CONSTRAINT "complaints_severity" CHECK ("complaints"."severity" in ('low', 'medium', 'high', 'critical')),
	CONSTRAINT "complaints_department" CHECK ("complaints"."department" in ('after_sales', 'logistics', 'warehouse', 'product', 'service'))
);
--> statement-breakpoint
ALTER TABLE "complaint_deadline_rules" ADD CONSTRAINT "complaint_deadline_rules_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_routing_rules" ADD CONSTRAINT "complaint_routing_rules_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_at" ON "complaint_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "complaint_events_shop" ON "complaint_events" USING btree ("shop_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_shop_external" ON "complaints" USING btree ("shop_id","external_id") WHERE "complaints"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "complaints_shop_status" ON "complaints" USING btree ("shop_id","status");--> statement-breakpoint
CREATE INDEX "complaints_shop_agent_received" ON "complaints" USING btree ("shop_id","agent_id","received_at");--> statement-breakpoint
CREATE INDEX "complaints_shop_received" ON "complaints" USING btree ("shop_id","received_at");