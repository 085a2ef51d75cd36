CREATE TABLE "federated_identities" (
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" integer NOT NULL,
	"email" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "federated_identities_provider_subject_pk" PRIMARY KEY("provider","subject")
);
--> statement-breakpoint
CREATE TABLE "federated_logins" (
	"id" serial PRIMARY KEY NOT NULL,
	"binding_hash" text NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"return_path" text DEFAULT '/mon-espace' NOT NULL,
	"called_back_at" timestamp with time zone,
	"subject" text,
	"email" text,
	"given_name" text,
	"family_name" text,
	"siret" text,
	"id_token" text,
	"link_token_hash" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "federated_logins_binding_hash_unique" UNIQUE("binding_hash"),
	CONSTRAINT "federated_logins_link_token_hash_unique" UNIQUE("link_token_hash")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "provider_id_token" text;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "federated_subject" text;--> statement-breakpoint
ALTER TABLE "federated_identities" ADD CONSTRAINT "federated_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "federated_identities_user_key" ON "federated_identities" USING btree ("provider","user_id");--> statement-breakpoint
CREATE INDEX "federated_logins_created_idx" ON "federated_logins" USING btree ("created_at");