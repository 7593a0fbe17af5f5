CREATE TABLE "roster_publications" (
	"shop_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"agent_id" uuid NOT NULL,
	"roster_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "roster_publications_shop_id_week_start_agent_id_pk" PRIMARY KEY("shop_id","week_start","agent_id")
);
--> statement-breakpoint
ALTER TABLE "roster_versions" DROP CONSTRAINT "roster_versions_status";--> statement-breakpoint
ALTER TABLE "roster_versions" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "roster_versions" ADD COLUMN "superseded_by" uuid;--> statement-breakpoint
ALTER TABLE "roster_publications" ADD CONSTRAINT "roster_publications_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_publications" ADD CONSTRAINT "roster_publications_roster_id_rosters_id_fk" FOREIGN KEY ("roster_id") REFERENCES "public"."rosters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_publications" ADD CONSTRAINT "roster_publications_version_id_roster_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."roster_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roster_publications_version" ON "roster_publications" USING btree ("version_id");--> statement-breakpoint
ALTER TABLE "roster_versions" ADD CONSTRAINT "roster_versions_status" CHECK ("roster_versions"."status" in ('draft', 'published', 'superseded'));--> statement-breakpoint
-- Rosters published before: each agent's week comes from the newest publication that rostered the agent.
INSERT INTO "roster_publications" ("shop_id", "week_start", "agent_id", "roster_id", "version_id", "published_at")
SELECT DISTINCT ON (r."shop_id", r."week_start", (a ->> 'id')::uuid) r."shop_id", r."week_start", (a ->> 'id')::uuid, r."id", v."id", v."published_at"
FROM "roster_versions" v
JOIN "rosters" r ON r."id" = v."roster_id"
CROSS JOIN LATERAL jsonb_array_elements(r."problem" -> 'agents') a
WHERE v."status" = 'published' AND v."published_at" IS NOT NULL
ORDER BY r."shop_id", r."week_start", (a ->> 'id')::uuid, v."published_at" DESC, v."version" DESC;--> statement-breakpoint
UPDATE "roster_versions" v SET "status" = 'superseded', "superseded_at" = now(),
  "superseded_by" = (
    SELECT p."version_id" FROM "roster_publications" p JOIN "rosters" r ON r."id" = v."roster_id"
    WHERE p."shop_id" = v."shop_id" AND p."week_start" = r."week_start" ORDER BY p."published_at" DESC LIMIT 1)
WHERE v."status" = 'published' AND NOT EXISTS (SELECT 1 FROM "roster_publications" p WHERE p."version_id" = v."id");
