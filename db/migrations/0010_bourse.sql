CREATE TABLE "stored_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "bourse_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bourse_attachments_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "bourse_author_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bourse_interests" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"collectivite_id" integer NOT NULL,
	"user_id" integer,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bourse_offers" (
	"id" serial PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"collectivite_id" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"country_codes" text[] DEFAULT '{}' NOT NULL,
	"experience" text DEFAULT '' NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"opinions_due_on" date,
	"deadline_notified_at" timestamp with time zone,
	"decision_comment" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by_label" text,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"expiry_reminded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bourse_opinions" (
	"id" serial PRIMARY KEY NOT NULL,
	"offer_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"verdict" text,
	"reasoning" text DEFAULT '' NOT NULL,
	"given_at" timestamp with time zone,
	"given_by_label" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bourse_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"author_organisation_id" integer,
	"foreign_authority_id" integer,
	"authority_name" text NOT NULL,
	"authority_kind" text NOT NULL,
	"country_code" text NOT NULL,
	"city_id" integer,
	"city_name" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"contact_name" text NOT NULL,
	"contact_function" text DEFAULT '' NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"partner_kind" text DEFAULT 'any' NOT NULL,
	"partner_size" text DEFAULT 'any' NOT NULL,
	"expertise" text DEFAULT '' NOT NULL,
	"budget_cents" bigint,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"form_language" text DEFAULT 'fr' NOT NULL,
	"email_verified_at" timestamp with time zone,
	"info_request" text DEFAULT '' NOT NULL,
	"decline_reason" text DEFAULT '' NOT NULL,
	"triaged_by_label" text,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"expiry_reminded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_reason" text DEFAULT '' NOT NULL,
	"matched_collectivite_id" integer,
	"partnership_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('french_unaccent', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(authority_name, '') || ' ' || coalesce(city_name, ''))) STORED
);
--> statement-breakpoint
ALTER TABLE "bourse_attachments" ADD CONSTRAINT "bourse_attachments_request_id_bourse_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."bourse_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bourse_author_links" ADD CONSTRAINT "bourse_author_links_request_id_bourse_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."bourse_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bourse_interests" ADD CONSTRAINT "bourse_interests_request_id_bourse_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."bourse_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bourse_interests" ADD CONSTRAINT "bourse_interests_collectivite_id_atlas_collectivites_id_fk" FOREIGN KEY ("collectivite_id") REFERENCES "public"."atlas_collectivites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bourse_interests" ADD CONSTRAINT "bourse_interests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bourse_offers" ADD CONSTRAINT "bourse_offers_collectivite_id_atlas_collectivites_id_fk" FOREIGN KEY ("collectivite_id") REFERENCES "public"."atlas_collectivites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bourse_opinions" ADD CONSTRAINT "bourse_opinions_offer_id_bourse_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."bourse_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bourse_opinions" ADD CONSTRAINT "bourse_opinions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bourse_requests" ADD CONSTRAINT "bourse_requests_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bourse_requests" ADD CONSTRAINT "bourse_requests_foreign_authority_id_atlas_foreign_authorities_id_fk" FOREIGN KEY ("foreign_authority_id") REFERENCES "public"."atlas_foreign_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bourse_requests" ADD CONSTRAINT "bourse_requests_matched_collectivite_id_atlas_collectivites_id_fk" FOREIGN KEY ("matched_collectivite_id") REFERENCES "public"."atlas_collectivites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bourse_attachments_request_idx" ON "bourse_attachments" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "bourse_author_links_request_idx" ON "bourse_author_links" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bourse_interests_once" ON "bourse_interests" USING btree ("request_id","collectivite_id");--> statement-breakpoint
CREATE INDEX "bourse_offers_status_idx" ON "bourse_offers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "bourse_offers_collectivite_idx" ON "bourse_offers" USING btree ("collectivite_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bourse_opinions_once" ON "bourse_opinions" USING btree ("offer_id","organisation_id");--> statement-breakpoint
CREATE INDEX "bourse_opinions_organisation_idx" ON "bourse_opinions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "bourse_requests_status_idx" ON "bourse_requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "bourse_requests_country_idx" ON "bourse_requests" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "bourse_requests_author_idx" ON "bourse_requests" USING btree ("author_organisation_id");--> statement-breakpoint
CREATE INDEX "bourse_requests_search_idx" ON "bourse_requests" USING gin ("search");