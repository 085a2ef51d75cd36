CREATE TABLE "atlas_project_index" (
	"project_id" integer PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"start_year" integer,
	"end_year" integer,
	"continents" text[] NOT NULL,
	"countries" text[] NOT NULL,
	"regions" text[] NOT NULL,
	"departements" text[] NOT NULL,
	"collectivites" integer[] NOT NULL,
	"collectivite_kinds" text[] NOT NULL,
	"themes" text[] NOT NULL,
	"partnership_kinds" text[] NOT NULL,
	"fundings" text[] NOT NULL,
	"sdgs" text[] NOT NULL,
	"collectivite_names" text[] NOT NULL,
	"authority_names" text[] NOT NULL,
	"funding_lines" jsonb NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "atlas_projects_search_idx";--> statement-breakpoint
ALTER TABLE "atlas_project_index" ADD CONSTRAINT "atlas_project_index_project_id_atlas_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."atlas_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "atlas_project_index_document_idx" ON "atlas_project_index" USING gin ("document");--> statement-breakpoint
CREATE INDEX "atlas_project_index_countries_idx" ON "atlas_project_index" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "atlas_project_index_continents_idx" ON "atlas_project_index" USING gin ("continents");--> statement-breakpoint
CREATE INDEX "atlas_project_index_regions_idx" ON "atlas_project_index" USING gin ("regions");--> statement-breakpoint
CREATE INDEX "atlas_project_index_departements_idx" ON "atlas_project_index" USING gin ("departements");--> statement-breakpoint
CREATE INDEX "atlas_project_index_collectivites_idx" ON "atlas_project_index" USING gin ("collectivites");--> statement-breakpoint
CREATE INDEX "atlas_project_index_themes_idx" ON "atlas_project_index" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "atlas_project_index_kinds_idx" ON "atlas_project_index" USING gin ("collectivite_kinds");--> statement-breakpoint
CREATE INDEX "atlas_project_index_partnership_kinds_idx" ON "atlas_project_index" USING gin ("partnership_kinds");--> statement-breakpoint
CREATE INDEX "atlas_project_index_fundings_idx" ON "atlas_project_index" USING gin ("fundings");--> statement-breakpoint
CREATE INDEX "atlas_project_index_sdgs_idx" ON "atlas_project_index" USING gin ("sdgs");--> statement-breakpoint
CREATE INDEX "atlas_project_index_title_idx" ON "atlas_project_index" USING btree ("title","project_id");--> statement-breakpoint
CREATE INDEX "atlas_project_index_start_idx" ON "atlas_project_index" USING btree ("start_year","project_id");--> statement-breakpoint
ALTER TABLE "atlas_projects" DROP COLUMN "search";