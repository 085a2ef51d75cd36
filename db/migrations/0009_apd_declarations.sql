CREATE TABLE "mail_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mail_id" bigint NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "apd_campaign_steps" (
	"campaign_id" integer NOT NULL,
	"step" text NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	"collectivites" integer NOT NULL,
	CONSTRAINT "apd_campaign_steps_campaign_id_step_pk" PRIMARY KEY("campaign_id","step")
);
--> statement-breakpoint
CREATE TABLE "apd_campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"reminder_days" integer[] DEFAULT '{15,3}' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"opened_by_label" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "apd_campaigns_year_unique" UNIQUE("year")
);
--> statement-breakpoint
CREATE TABLE "apd_declarations" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"year" integer NOT NULL,
	"collectivite_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"is_nil" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"has_changes" boolean DEFAULT true NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"review_comment" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "apd_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"declaration_id" integer NOT NULL,
	"position" integer NOT NULL,
	"recipient_code" text NOT NULL,
	"purpose_code" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"flow" text NOT NULL,
	"channel" text NOT NULL,
	"project_id" integer,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "apd_submission_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"submission_id" integer NOT NULL,
	"year" integer NOT NULL,
	"collectivite_id" integer NOT NULL,
	"counted" boolean NOT NULL,
	"position" integer NOT NULL,
	"recipient_code" text NOT NULL,
	"purpose_code" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"flow" text NOT NULL,
	"channel" text NOT NULL,
	"project_id" integer,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "apd_submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"declaration_id" integer NOT NULL,
	"number" smallint NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"is_nil" boolean NOT NULL,
	"late" boolean NOT NULL,
	"line_count" integer NOT NULL,
	"total_cents" bigint NOT NULL,
	"submitted_by_label" text NOT NULL,
	"submitted_by_email" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"receipt" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mail_attachments" ADD CONSTRAINT "mail_attachments_mail_id_mail_outbox_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."mail_outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apd_campaign_steps" ADD CONSTRAINT "apd_campaign_steps_campaign_id_apd_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."apd_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apd_declarations" ADD CONSTRAINT "apd_declarations_campaign_id_apd_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."apd_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apd_declarations" ADD CONSTRAINT "apd_declarations_collectivite_id_atlas_collectivites_id_fk" FOREIGN KEY ("collectivite_id") REFERENCES "public"."atlas_collectivites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apd_lines" ADD CONSTRAINT "apd_lines_declaration_id_apd_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."apd_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apd_submission_lines" ADD CONSTRAINT "apd_submission_lines_submission_id_apd_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."apd_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apd_submissions" ADD CONSTRAINT "apd_submissions_declaration_id_apd_declarations_id_fk" FOREIGN KEY ("declaration_id") REFERENCES "public"."apd_declarations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_attachments_mail_idx" ON "mail_attachments" USING btree ("mail_id");--> statement-breakpoint
CREATE UNIQUE INDEX "apd_declarations_year_collectivite_key" ON "apd_declarations" USING btree ("year","collectivite_id");--> statement-breakpoint
CREATE INDEX "apd_declarations_campaign_idx" ON "apd_declarations" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "apd_declarations_collectivite_idx" ON "apd_declarations" USING btree ("collectivite_id");--> statement-breakpoint
CREATE INDEX "apd_lines_declaration_idx" ON "apd_lines" USING btree ("declaration_id","position");--> statement-breakpoint
CREATE INDEX "apd_submission_lines_submission_idx" ON "apd_submission_lines" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "apd_submission_lines_counted_idx" ON "apd_submission_lines" USING btree ("year","recipient_code") WHERE counted;--> statement-breakpoint
CREATE UNIQUE INDEX "apd_submissions_number_key" ON "apd_submissions" USING btree ("declaration_id","number");--> statement-breakpoint
CREATE INDEX "apd_submissions_current_idx" ON "apd_submissions" USING btree ("declaration_id") WHERE is_current;