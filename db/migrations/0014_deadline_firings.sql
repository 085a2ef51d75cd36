CREATE TABLE "deadline_firings" (
	"rule" text NOT NULL,
	"record_id" bigint NOT NULL,
	"occurrence" text NOT NULL,
	"outcome" integer DEFAULT 0 NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_firings_rule_record_id_occurrence_pk" PRIMARY KEY("rule","record_id","occurrence")
);
--> statement-breakpoint
INSERT INTO "deadline_firings" ("rule", "record_id", "occurrence", "outcome", "fired_at")
SELECT 'apd:campaign-step', "campaign_id", "step", "collectivites", "done_at" FROM "apd_campaign_steps";--> statement-breakpoint
DROP TABLE "apd_campaign_steps" CASCADE;