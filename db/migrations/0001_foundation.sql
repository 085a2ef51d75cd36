CREATE TABLE "memberships" (
	"user_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"is_admin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_id_organisation_id_pk" PRIMARY KEY("user_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" text,
	"country_code" text,
	"region_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"client_address" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"job_title" text,
	"password_hash" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_label" text NOT NULL,
	"operation" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"template" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"body_html" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "system_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_cities" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country_code" text NOT NULL,
	"admin_code" text,
	"population" integer NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ref_codes" (
	"list" text NOT NULL,
	"code" text NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text,
	"description_fr" text,
	"parent_code" text,
	"position" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "ref_codes_list_code_pk" PRIMARY KEY("list","code")
);
--> statement-breakpoint
CREATE TABLE "ref_countries" (
	"code" text PRIMARY KEY NOT NULL,
	"alpha3" text NOT NULL,
	"name_fr" text NOT NULL,
	"continent" text NOT NULL,
	"zone" text NOT NULL,
	"dac_category" text,
	"latitude" double precision,
	"longitude" double precision
);
--> statement-breakpoint
CREATE TABLE "ref_epci_members" (
	"epci_code" text NOT NULL,
	"commune_code" text NOT NULL,
	CONSTRAINT "ref_epci_members_epci_code_commune_code_pk" PRIMARY KEY("epci_code","commune_code")
);
--> statement-breakpoint
CREATE TABLE "ref_territorial_units" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"siren" text,
	"population" integer,
	"region_code" text,
	"departement_code" text,
	"category" text
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"organisation_id" integer NOT NULL,
	"email" text NOT NULL,
	"as_admin" boolean DEFAULT false NOT NULL,
	"invited_by" integer,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "atlas_collectivites" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"organisation_id" integer,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text,
	"departement_code" text,
	"elected_official_name" text,
	"elected_official_title" text,
	"contact_name" text,
	"contact_title" text,
	"contact_email" text,
	"contact_phone" text,
	"has_international_service" boolean DEFAULT false NOT NULL,
	"staff_fte" numeric(6, 2),
	"yearly_budget_cents" bigint,
	"website" text,
	"presentation" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('french_unaccent', coalesce(name, '') || ' ' || coalesce(presentation, ''))) STORED
);
--> statement-breakpoint
CREATE TABLE "atlas_foreign_authorities" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"country_code" text NOT NULL,
	"city_id" integer,
	"latitude" double precision,
	"longitude" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('french_unaccent', coalesce(name, ''))) STORED
);
--> statement-breakpoint
CREATE TABLE "atlas_partnership_collectivites" (
	"partnership_id" integer NOT NULL,
	"collectivite_id" integer NOT NULL,
	CONSTRAINT "atlas_partnership_collectivites_partnership_id_collectivite_id_pk" PRIMARY KEY("partnership_id","collectivite_id")
);
--> statement-breakpoint
CREATE TABLE "atlas_partnership_foreign_authorities" (
	"partnership_id" integer NOT NULL,
	"foreign_authority_id" integer NOT NULL,
	CONSTRAINT "atlas_partnership_foreign_authorities_partnership_id_foreign_authority_id_pk" PRIMARY KEY("partnership_id","foreign_authority_id")
);
--> statement-breakpoint
CREATE TABLE "atlas_partnerships" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"signed_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atlas_project_codes" (
	"project_id" integer NOT NULL,
	"list" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "atlas_project_codes_project_id_list_code_pk" PRIMARY KEY("project_id","list","code")
);
--> statement-breakpoint
CREATE TABLE "atlas_project_countries" (
	"project_id" integer NOT NULL,
	"country_code" text NOT NULL,
	CONSTRAINT "atlas_project_countries_project_id_country_code_pk" PRIMARY KEY("project_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "atlas_project_fundings" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"source_code" text NOT NULL,
	"amount_cents" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "atlas_project_partnerships" (
	"project_id" integer NOT NULL,
	"partnership_id" integer NOT NULL,
	CONSTRAINT "atlas_project_partnerships_project_id_partnership_id_pk" PRIMARY KEY("project_id","partnership_id")
);
--> statement-breakpoint
CREATE TABLE "atlas_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"domain_code" text NOT NULL,
	"objectives" text,
	"description" text,
	"history" text,
	"context" text,
	"start_year" integer,
	"end_year" integer,
	"status" text DEFAULT 'en_cours' NOT NULL,
	"total_budget_cents" bigint,
	"volunteers" integer,
	"lead_collectivite_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('french_unaccent', coalesce(title, '') || ' ' || coalesce(objectives, '') || ' ' || coalesce(description, ''))) STORED
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_collectivites" ADD CONSTRAINT "atlas_collectivites_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_foreign_authorities" ADD CONSTRAINT "atlas_foreign_authorities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_partnership_collectivites" ADD CONSTRAINT "atlas_partnership_collectivites_partnership_id_atlas_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."atlas_partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_partnership_collectivites" ADD CONSTRAINT "atlas_partnership_collectivites_collectivite_id_atlas_collectivites_id_fk" FOREIGN KEY ("collectivite_id") REFERENCES "public"."atlas_collectivites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_partnership_foreign_authorities" ADD CONSTRAINT "atlas_partnership_foreign_authorities_partnership_id_atlas_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."atlas_partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_partnership_foreign_authorities" ADD CONSTRAINT "atlas_partnership_foreign_authorities_foreign_authority_id_atlas_foreign_authorities_id_fk" FOREIGN KEY ("foreign_authority_id") REFERENCES "public"."atlas_foreign_authorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_project_codes" ADD CONSTRAINT "atlas_project_codes_project_id_atlas_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."atlas_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_project_countries" ADD CONSTRAINT "atlas_project_countries_project_id_atlas_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."atlas_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_project_fundings" ADD CONSTRAINT "atlas_project_fundings_project_id_atlas_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."atlas_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_project_partnerships" ADD CONSTRAINT "atlas_project_partnerships_project_id_atlas_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."atlas_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_project_partnerships" ADD CONSTRAINT "atlas_project_partnerships_partnership_id_atlas_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."atlas_partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_projects" ADD CONSTRAINT "atlas_projects_lead_collectivite_id_atlas_collectivites_id_fk" FOREIGN KEY ("lead_collectivite_id") REFERENCES "public"."atlas_collectivites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "memberships_organisation_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_unit_key" ON "organisations" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_email_idx" ON "sign_in_failures" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_address_idx" ON "sign_in_failures" USING btree ("client_address","at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_idempotency_key" ON "mail_outbox" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "ref_cities_country_idx" ON "ref_cities" USING btree ("country_code","population");--> statement-breakpoint
CREATE INDEX "ref_codes_parent_idx" ON "ref_codes" USING btree ("list","parent_code");--> statement-breakpoint
CREATE INDEX "ref_epci_members_commune_idx" ON "ref_epci_members" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "ref_units_kind_idx" ON "ref_territorial_units" USING btree ("kind","code");--> statement-breakpoint
CREATE INDEX "ref_units_region_idx" ON "ref_territorial_units" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "ref_units_departement_idx" ON "ref_territorial_units" USING btree ("departement_code");--> statement-breakpoint
CREATE INDEX "invitations_organisation_idx" ON "invitations" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "atlas_collectivites_unit_key" ON "atlas_collectivites" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "atlas_collectivites_region_idx" ON "atlas_collectivites" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "atlas_collectivites_search_idx" ON "atlas_collectivites" USING gin ("search");--> statement-breakpoint
CREATE INDEX "atlas_foreign_authorities_country_idx" ON "atlas_foreign_authorities" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "atlas_foreign_authorities_search_idx" ON "atlas_foreign_authorities" USING gin ("search");--> statement-breakpoint
CREATE INDEX "atlas_pc_collectivite_idx" ON "atlas_partnership_collectivites" USING btree ("collectivite_id");--> statement-breakpoint
CREATE INDEX "atlas_pfa_authority_idx" ON "atlas_partnership_foreign_authorities" USING btree ("foreign_authority_id");--> statement-breakpoint
CREATE INDEX "atlas_project_codes_code_idx" ON "atlas_project_codes" USING btree ("list","code");--> statement-breakpoint
CREATE INDEX "atlas_project_countries_country_idx" ON "atlas_project_countries" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "atlas_project_fundings_project_idx" ON "atlas_project_fundings" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "atlas_pp_partnership_idx" ON "atlas_project_partnerships" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "atlas_projects_domain_idx" ON "atlas_projects" USING btree ("domain_code");--> statement-breakpoint
CREATE INDEX "atlas_projects_lead_idx" ON "atlas_projects" USING btree ("lead_collectivite_id");--> statement-breakpoint
CREATE INDEX "atlas_projects_search_idx" ON "atlas_projects" USING gin ("search");