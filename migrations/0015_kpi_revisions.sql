CREATE TABLE "kpi_revisions" (
	"shop_id" uuid PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
