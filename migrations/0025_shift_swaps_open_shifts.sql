CREATE TABLE "open_shift_volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"open_shift_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"roster_id" uuid NOT NULL,
	"date" date NOT NULL,
	"shift_template_id" uuid NOT NULL,
	"start_minutes" integer NOT NULL,
	"skill" text,
	"policy" text NOT NULL,
	"status" text NOT NULL,
	"assigned_agent_id" uuid,
	"posted_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"published" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open_shifts_policy" CHECK ("open_shifts"."policy" in ('first', 'manager')),
	CONSTRAINT "open_shifts_status" CHECK ("open_shifts"."status" in ('open', 'filled', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "shift_swaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_id" uuid NOT NULL,
	"offerer_id" uuid NOT NULL,
	"offer_date" date NOT NULL,
	"to_agent_id" uuid,
	"taker_id" uuid,
	"return_date" date,
	"status" text NOT NULL,
	"reason" text,
	"auto_approved" boolean DEFAULT false NOT NULL,
	"requested_by" uuid NOT NULL,
	"accepted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"note" text,
	"published" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shift_swaps_status" CHECK ("shift_swaps"."status" in ('open', 'pending', 'approved', 'rejected', 'declined', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "open_shift_volunteers" ADD CONSTRAINT "open_shift_volunteers_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_shift_volunteers" ADD CONSTRAINT "open_shift_volunteers_open_shift_id_open_shifts_id_fk" FOREIGN KEY ("open_shift_id") REFERENCES "public"."open_shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_shifts" ADD CONSTRAINT "open_shifts_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_swaps" ADD CONSTRAINT "shift_swaps_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "open_shift_volunteers_once" ON "open_shift_volunteers" USING btree ("open_shift_id","agent_id");--> statement-breakpoint
CREATE INDEX "open_shifts_shop_status" ON "open_shifts" USING btree ("shop_id","status","date");--> statement-breakpoint
CREATE INDEX "shift_swaps_shop_status" ON "shift_swaps" USING btree ("shop_id","status");--> statement-breakpoint
CREATE INDEX "shift_swaps_shop_offerer" ON "shift_swaps" USING btree ("shop_id","offerer_id");