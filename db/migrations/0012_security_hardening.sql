CREATE TABLE "throttle_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"client_address" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP TABLE "sign_in_failures" CASCADE;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "sealed_secrets" text;--> statement-breakpoint
ALTER TABLE "bourse_author_links" ADD COLUMN "expires_at" timestamp with time zone DEFAULT now() + interval '30 days' NOT NULL;--> statement-breakpoint
CREATE INDEX "throttle_events_subject_idx" ON "throttle_events" USING btree ("action","subject","at");--> statement-breakpoint
CREATE INDEX "throttle_events_client_idx" ON "throttle_events" USING btree ("action","client_address","at");--> statement-breakpoint
CREATE INDEX "throttle_events_at_idx" ON "throttle_events" USING btree ("at");--> statement-breakpoint
-- Mails stored before secrets were sealed: their secret links are taken out of the bodies.
UPDATE "mail_outbox" SET
  "body_text" = regexp_replace("body_text", '(/(mot-de-passe/nouveau|invitation|bourse/suivi)/)[A-Za-z0-9_-]{16,}', '\1[[secret-0]]', 'g'),
  "body_html" = regexp_replace("body_html", '(/(mot-de-passe/nouveau|invitation|bourse/suivi)/)[A-Za-z0-9_-]{16,}', '\1[[secret-0]]', 'g');
