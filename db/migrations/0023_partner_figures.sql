CREATE TABLE "atlas_partner_figures" (
	"continent" text NOT NULL,
	"kind" text NOT NULL,
	"member" text NOT NULL,
	"links" integer NOT NULL,
	CONSTRAINT "atlas_partner_figures_continent_kind_member_pk" PRIMARY KEY("continent","kind","member")
);
