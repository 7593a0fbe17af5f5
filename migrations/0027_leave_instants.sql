ALTER TABLE "leaves" ADD COLUMN "starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leaves" ADD COLUMN "ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leaves" ADD COLUMN "credit" jsonb;--> statement-breakpoint
-- Leave so far was whole local days: from the first day's midnight to the midnight after the last, in the shop's zone.
UPDATE "leaves" AS l SET
  "starts_at" = (l."start_date"::timestamp AT TIME ZONE s."time_zone"),
  "ends_at" = ((l."end_date" + 1)::timestamp AT TIME ZONE s."time_zone")
FROM "shops" AS s WHERE s."id" = l."shop_id";--> statement-breakpoint
ALTER TABLE "leaves" ALTER COLUMN "starts_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "leaves" ALTER COLUMN "ends_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "leaves" ADD CONSTRAINT "leaves_instants" CHECK ("leaves"."starts_at" < "leaves"."ends_at");
