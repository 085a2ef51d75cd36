CREATE TABLE "atlas_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" integer NOT NULL,
	"version" integer NOT NULL,
	"actor_user_id" integer,
	"actor_label" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atlas_project_remarks" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"author_user_id" integer,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "atlas_projects" ADD COLUMN "partners_in_france" text;--> statement-breakpoint
ALTER TABLE "atlas_projects" ADD COLUMN "partners_abroad" text;--> statement-breakpoint
ALTER TABLE "atlas_projects" ADD COLUMN "contacts" text;--> statement-breakpoint
ALTER TABLE "atlas_versions" ADD CONSTRAINT "atlas_versions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_project_remarks" ADD CONSTRAINT "atlas_project_remarks_project_id_atlas_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."atlas_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_project_remarks" ADD CONSTRAINT "atlas_project_remarks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_project_remarks" ADD CONSTRAINT "atlas_project_remarks_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "atlas_versions_entity_key" ON "atlas_versions" USING btree ("entity_type","entity_id","version");--> statement-breakpoint
CREATE INDEX "atlas_project_remarks_project_idx" ON "atlas_project_remarks" USING btree ("project_id");