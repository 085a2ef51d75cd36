ALTER TABLE "access_requests" ADD COLUMN "proposed_unit_id" text;--> statement-breakpoint
ALTER TABLE "access_requests" ADD COLUMN "former_unit_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "register_collectivites" ADD COLUMN "replaced_by_id" integer;--> statement-breakpoint
ALTER TABLE "register_collectivites" ADD CONSTRAINT "register_collectivites_replaced_by_id_register_collectivites_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."register_collectivites"("id") ON DELETE no action ON UPDATE no action;