CREATE TABLE "atlas_facet_counts" (
	"filter" text NOT NULL,
	"facet" text NOT NULL,
	"value" text NOT NULL,
	"projects" integer NOT NULL,
	CONSTRAINT "atlas_facet_counts_filter_facet_value_pk" PRIMARY KEY("filter","facet","value")
);
--> statement-breakpoint
CREATE INDEX "atlas_project_index_recent_idx" ON "atlas_project_index" USING btree (coalesce("start_year", 0) DESC,"project_id" DESC);