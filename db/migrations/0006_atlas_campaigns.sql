CREATE TABLE "atlas_campaign_collectivites" (
	"campaign_id" integer NOT NULL,
	"collectivite_id" integer NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by_label" text,
	"last_reminded_at" timestamp with time zone,
	CONSTRAINT "atlas_campaign_collectivites_campaign_id_collectivite_id_pk" PRIMARY KEY("campaign_id","collectivite_id")
);
--> statement-breakpoint
CREATE TABLE "atlas_campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"message" text NOT NULL,
	"closes_on" date NOT NULL,
	"opened_by_label" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"reminders" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "atlas_campaign_collectivites" ADD CONSTRAINT "atlas_campaign_collectivites_campaign_id_atlas_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."atlas_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "atlas_campaign_collectivites" ADD CONSTRAINT "atlas_campaign_collectivites_collectivite_id_atlas_collectivites_id_fk" FOREIGN KEY ("collectivite_id") REFERENCES "public"."atlas_collectivites"("id") ON DELETE cascade ON UPDATE no action;