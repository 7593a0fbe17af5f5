CREATE TABLE "training_attendees" (
	"shop_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"attendance" text DEFAULT 'invited' NOT NULL,
	"marked_by" uuid,
	"marked_at" timestamp with time zone,
	CONSTRAINT "training_attendees_session_id_agent_id_pk" PRIMARY KEY("session_id","agent_id"),
	CONSTRAINT "training_attendees_attendance" CHECK ("training_attendees"."attendance" in ('invited', 'attended', 'absent'))
);
--> statement-breakpoint
CREATE TABLE "training_makeup_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"team_id" uuid,
	"supervisor_agent_id" uuid,
	"category" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_makeup_tasks_reason" CHECK ("training_makeup_tasks"."reason" in ('off_shift', 'not_placed')),
	CONSTRAINT "training_makeup_tasks_status" CHECK ("training_makeup_tasks"."status" in ('open', 'done')),
	CONSTRAINT "training_makeup_tasks_closed_note" CHECK ("training_makeup_tasks"."status" <> 'done' or ("training_makeup_tasks"."note" is not null and length(trim("training_makeup_tasks"."note")) > 0))
);
--> statement-breakpoint
CREATE TABLE "training_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"category" text NOT NULL,
	"note" text,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" smallint NOT NULL,
	"trainer_user_id" uuid,
	"plan_id" uuid,
	"draft_week" date,
	"impact" jsonb NOT NULL,
	"lost_contacts_within_target" double precision NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_status" CHECK ("training_sessions"."status" in ('draft', 'booked')),
	CONSTRAINT "training_sessions_range" CHECK ("training_sessions"."starts_at" < "training_sessions"."ends_at"),
	CONSTRAINT "training_sessions_capacity" CHECK ("training_sessions"."capacity" > 0),
	CONSTRAINT "training_sessions_draft" CHECK (("training_sessions"."status" = 'draft') = ("training_sessions"."draft_week" is not null))
);
--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendees" ADD CONSTRAINT "training_attendees_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_makeup_tasks" ADD CONSTRAINT "training_makeup_tasks_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_makeup_tasks" ADD CONSTRAINT "training_makeup_tasks_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_makeup_tasks" ADD CONSTRAINT "training_makeup_tasks_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_makeup_tasks" ADD CONSTRAINT "training_makeup_tasks_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_attendees_shop_agent" ON "training_attendees" USING btree ("shop_id","agent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_makeup_tasks_session_agent" ON "training_makeup_tasks" USING btree ("session_id","agent_id");--> statement-breakpoint
CREATE INDEX "training_makeup_tasks_shop_status" ON "training_makeup_tasks" USING btree ("shop_id","status");--> statement-breakpoint
CREATE INDEX "training_makeup_tasks_shop_agent" ON "training_makeup_tasks" USING btree ("shop_id","agent_id");--> statement-breakpoint
CREATE INDEX "training_requests_shop_created" ON "training_requests" USING btree ("shop_id","created_at");--> statement-breakpoint
CREATE INDEX "training_sessions_shop_start" ON "training_sessions" USING btree ("shop_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_shop_draft_week" ON "training_sessions" USING btree ("shop_id","draft_week");