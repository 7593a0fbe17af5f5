CREATE TABLE "agent_states" (
	"shop_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"state" text NOT NULL,
	"import_id" uuid,
	CONSTRAINT "agent_states_shop_id_agent_id_started_at_pk" PRIMARY KEY("shop_id","agent_id","started_at"),
	CONSTRAINT "agent_states_state" CHECK ("agent_states"."state" in ('online', 'busy', 'away', 'offline')),
	CONSTRAINT "agent_states_range" CHECK ("agent_states"."ended_at" is null or "agent_states"."ended_at" > "agent_states"."started_at")
);
--> statement-breakpoint
ALTER TABLE "kpi_agent_days" ADD COLUMN "scheduled_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_agent_days" ADD COLUMN "adherent_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_agent_days" ADD COLUMN "planned_work_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_agent_days" ADD COLUMN "logged_work_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "agent_states_shop_start" ON "agent_states" USING btree ("shop_id","started_at");