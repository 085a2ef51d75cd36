ALTER TABLE "ref_countries" ADD COLUMN "name_with_article" text;--> statement-breakpoint
ALTER TABLE "ref_countries" ADD COLUMN "name_after_de" text;--> statement-breakpoint
ALTER TABLE "ref_countries" ADD COLUMN "name_after_a" text;