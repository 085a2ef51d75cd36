/** Every table of the portal, gathered for the typed client and for drizzle-kit. */
export * from "../auth/schema";
export * from "../audit/schema";
export * from "../mail/schema";
export * from "../files/stored-files.schema";
export * from "../jobs/schema";
export * from "../workflow/schema";
export * from "../deadlines/schema";
export * from "../../reference/schema";
export * from "../../modules/accounts/schema";
export * from "../../modules/atlas/schema";
export * from "../../modules/atlas/project-index.schema";
export * from "../../modules/atlas/editing/editing.schema";
export * from "../../modules/atlas/import/import.schema";
export * from "../../modules/atlas/campaigns/campaign.schema";
export * from "../../modules/workspace/schema";
export * from "../../modules/apd/schema";
export * from "../../modules/bourse/schema";
