/** The e-APD module: yearly declarations of collectivités' official development aid. */
export * from "./codes";
export { openApdCampaign, closeApdCampaign, defaultCampaignValues } from "./campaign-commands";
export { runCampaignSteps, campaignSteps } from "./campaign-steps";
export { startDeclaration, copyPreviousYear } from "./declaration-start";
export { addLine, updateLine, deleteLine, setNilDeclaration } from "./line-commands";
export { importLines, lineImportColumns, lineImportTemplate } from "./import-lines";
export {
  submitDeclaration,
  reviewDeclaration,
  receiptFilename,
  receiptReference,
} from "./submission-commands";
export { receiptPdf } from "./receipt";
export {
  declarationView,
  collectiviteDeclarations,
  type DeclarationView,
} from "./declaration-queries";
export { submissionReceipt } from "./receipt-queries";
export {
  apdCampaignList,
  apdCampaignProgress,
  apdDeclarationList,
  parseDeclarationListFilters,
} from "./dashboard-queries";
export {
  apdTotals,
  declaredYears,
  hasDeclared,
  nextTotalsCursor,
  parseTotalsPage,
  departementsOfRegion,
  parseTotalsQuery,
  TOTALS_PAGE_MAX,
  type Totals,
  type TotalRow,
} from "./totals-queries";
export { apdExport, apdExportFormats, parseApdExportQuery } from "./exports";
export { lineFields, lineFormValues, type ApdLine, type LineReferences } from "./line-input";
export type { LabelledLine } from "./labels";
export { apdOpenApiPaths, apdOpenApiSchemas } from "./openapi";
export { rebuildTotalCells } from "./total-cells";

import { declarationWorkflow } from "./declaration-workflow";
/** The e-APD's workflow: the yearly declaration. */
export const workflows = [declarationWorkflow] as const;
export { declarationWorkflow };

import { campaignStepsRule } from "./campaign-steps";
/** The e-APD's deadlines: each campaign's opening mails and reminders. */
export const deadlineRules = [campaignStepsRule] as const;

import type { TaskProvider } from "../../platform/tasks";
import { apdTasks } from "./tasks-queries";
/** What waits for a person in the e-APD, for the inbox of Mon espace. */
export const taskProviders: readonly TaskProvider[] = [apdTasks];
export { apdTasks };
