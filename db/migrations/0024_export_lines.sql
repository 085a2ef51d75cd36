CREATE TABLE "atlas_export_lines" (
	"project_id" integer PRIMARY KEY NOT NULL,
	"head" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "atlas_export_lines" ADD CONSTRAINT "atlas_export_lines_project_id_atlas_project_index_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."atlas_project_index"("project_id") ON DELETE cascade ON UPDATE no action;