ALTER TABLE "atlas_collectivites" RENAME TO "register_collectivites";--> statement-breakpoint
ALTER TABLE "atlas_foreign_authorities" RENAME TO "register_foreign_authorities";--> statement-breakpoint
ALTER SEQUENCE "atlas_collectivites_id_seq" RENAME TO "register_collectivites_id_seq";--> statement-breakpoint
ALTER SEQUENCE "atlas_foreign_authorities_id_seq" RENAME TO "register_foreign_authorities_id_seq";--> statement-breakpoint
ALTER TABLE "register_collectivites" RENAME CONSTRAINT "atlas_collectivites_pkey" TO "register_collectivites_pkey";--> statement-breakpoint
ALTER TABLE "register_foreign_authorities" RENAME CONSTRAINT "atlas_foreign_authorities_pkey" TO "register_foreign_authorities_pkey";--> statement-breakpoint
ALTER TABLE "register_collectivites" RENAME CONSTRAINT "atlas_collectivites_organisation_id_organisations_id_fk" TO "register_collectivites_organisation_id_organisations_id_fk";--> statement-breakpoint
ALTER TABLE "register_foreign_authorities" RENAME CONSTRAINT "atlas_foreign_authorities_organisation_id_organisations_id_fk" TO "register_foreign_authorities_organisation_id_organisations_id_fk";--> statement-breakpoint
ALTER TABLE "atlas_partnership_collectivites" RENAME CONSTRAINT "atlas_partnership_collectivites_collectivite_id_atlas_collectivites_id_fk" TO "atlas_partnership_collectivites_collectivite_id_register_collectivites_id_fk";--> statement-breakpoint
ALTER TABLE "atlas_partnership_foreign_authorities" RENAME CONSTRAINT "atlas_partnership_foreign_authorities_foreign_authority_id_atlas_foreign_authorities_id_fk" TO "atlas_partnership_foreign_authorities_foreign_authority_id_register_foreign_authorities_id_fk";--> statement-breakpoint
ALTER TABLE "atlas_projects" RENAME CONSTRAINT "atlas_projects_lead_collectivite_id_atlas_collectivites_id_fk" TO "atlas_projects_lead_collectivite_id_register_collectivites_id_fk";--> statement-breakpoint
ALTER TABLE "atlas_campaign_collectivites" RENAME CONSTRAINT "atlas_campaign_collectivites_collectivite_id_atlas_collectivites_id_fk" TO "atlas_campaign_collectivites_collectivite_id_register_collectivites_id_fk";--> statement-breakpoint
ALTER TABLE "apd_declarations" RENAME CONSTRAINT "apd_declarations_collectivite_id_atlas_collectivites_id_fk" TO "apd_declarations_collectivite_id_register_collectivites_id_fk";--> statement-breakpoint
ALTER TABLE "bourse_interests" RENAME CONSTRAINT "bourse_interests_collectivite_id_atlas_collectivites_id_fk" TO "bourse_interests_collectivite_id_register_collectivites_id_fk";--> statement-breakpoint
ALTER TABLE "bourse_offers" RENAME CONSTRAINT "bourse_offers_collectivite_id_atlas_collectivites_id_fk" TO "bourse_offers_collectivite_id_register_collectivites_id_fk";--> statement-breakpoint
ALTER TABLE "bourse_requests" RENAME CONSTRAINT "bourse_requests_foreign_authority_id_atlas_foreign_authorities_id_fk" TO "bourse_requests_foreign_authority_id_register_foreign_authorities_id_fk";--> statement-breakpoint
ALTER TABLE "bourse_requests" RENAME CONSTRAINT "bourse_requests_matched_collectivite_id_atlas_collectivites_id_fk" TO "bourse_requests_matched_collectivite_id_register_collectivites_id_fk";--> statement-breakpoint
ALTER INDEX "atlas_collectivites_unit_key" RENAME TO "register_collectivites_unit_key";--> statement-breakpoint
ALTER INDEX "atlas_collectivites_region_idx" RENAME TO "register_collectivites_region_idx";--> statement-breakpoint
ALTER INDEX "atlas_collectivites_search_idx" RENAME TO "register_collectivites_search_idx";--> statement-breakpoint
ALTER INDEX "atlas_foreign_authorities_country_idx" RENAME TO "register_foreign_authorities_country_idx";--> statement-breakpoint
ALTER INDEX "atlas_foreign_authorities_search_idx" RENAME TO "register_foreign_authorities_search_idx";
