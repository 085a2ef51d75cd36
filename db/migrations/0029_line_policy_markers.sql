ALTER TABLE "apd_lines" ADD COLUMN "marker_gender" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_lines" ADD COLUMN "marker_environment" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_lines" ADD COLUMN "marker_biodiversity" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_lines" ADD COLUMN "marker_climate_mitigation" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_lines" ADD COLUMN "marker_climate_adaptation" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_lines" ADD COLUMN "marker_nutrition" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_lines" ADD COLUMN "marker_disability" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_submission_lines" ADD COLUMN "marker_gender" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_submission_lines" ADD COLUMN "marker_environment" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_submission_lines" ADD COLUMN "marker_biodiversity" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_submission_lines" ADD COLUMN "marker_climate_mitigation" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_submission_lines" ADD COLUMN "marker_climate_adaptation" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_submission_lines" ADD COLUMN "marker_nutrition" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "apd_submission_lines" ADD COLUMN "marker_disability" smallint DEFAULT 0 NOT NULL;