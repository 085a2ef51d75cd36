CREATE TABLE "consultations" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"asked_by_organisation_id" integer,
	"visibility" text DEFAULT 'confidential' NOT NULL,
	"due_on" date NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verdict" text,
	"reasoning" text DEFAULT '' NOT NULL,
	"attachment_key" text,
	"attachment_name" text,
	"given_at" timestamp with time zone,
	"given_by_label" text,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
INSERT INTO "consultations" ("subject_type", "subject_id", "organisation_id", "asked_by_organisation_id", "due_on", "requested_at", "verdict", "reasoning", "given_at", "given_by_label", "closed_at")
SELECT 'bourse_offer', p."offer_id", p."organisation_id",
       (SELECT o."id" FROM "organisations" o WHERE o."kind" = 'daect' ORDER BY o."id" LIMIT 1),
       p."due_on", p."requested_at", p."verdict", p."reasoning", p."given_at", p."given_by_label",
       CASE WHEN f."status" = 'consultation' THEN NULL ELSE coalesce(f."decided_at", f."closed_at", f."updated_at") END
  FROM "bourse_opinions" p JOIN "bourse_offers" f ON f."id" = p."offer_id";--> statement-breakpoint
INSERT INTO "deadline_firings" ("rule", "record_id", "occurrence", "fired_at")
SELECT 'bourse:offer:opinions-overdue', f."id", f."opinions_due_on"::text, f."deadline_notified_at"
  FROM "bourse_offers" f
 WHERE f."deadline_notified_at" IS NOT NULL AND f."opinions_due_on" IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "deadline_firings" SET "rule" = 'consultation:bourse_offer:overdue' WHERE "rule" = 'bourse:offer:opinions-overdue';--> statement-breakpoint
DROP TABLE "bourse_opinions" CASCADE;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_asked_by_organisation_id_organisations_id_fk" FOREIGN KEY ("asked_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_once" ON "consultations" USING btree ("subject_type","subject_id","organisation_id") WHERE revoked_at IS NULL;--> statement-breakpoint
CREATE INDEX "consultations_subject_idx" ON "consultations" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "consultations_organisation_idx" ON "consultations" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "bourse_offers" DROP COLUMN "deadline_notified_at";