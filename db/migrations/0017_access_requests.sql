CREATE TABLE "access_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'unconfirmed' NOT NULL,
	"group" text NOT NULL,
	"organisation_id" integer,
	"collectivite_id" integer,
	"authority_id" integer,
	"target" text NOT NULL,
	"organisation_name" text NOT NULL,
	"region_code" text,
	"person_function" text NOT NULL,
	"function_other" text DEFAULT '' NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"email" text NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_label" text,
	"refusal_reason" text DEFAULT '' NOT NULL,
	"user_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_collectivite_id_register_collectivites_id_fk" FOREIGN KEY ("collectivite_id") REFERENCES "public"."register_collectivites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_authority_id_register_foreign_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."register_foreign_authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_requests" ADD CONSTRAINT "access_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_open_once" ON "access_requests" USING btree ("email","target") WHERE status IN ('unconfirmed', 'pending');--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_token_key" ON "access_requests" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "access_requests_status_idx" ON "access_requests" USING btree ("status");