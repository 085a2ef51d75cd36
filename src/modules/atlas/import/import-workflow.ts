import { defineWorkflow } from "../../../platform/workflow/define";
import { type ImportStatus, atlasImports, importStatuses } from "./import-schema";

type ImportRow = typeof atlasImports.$inferSelect;
export type ImportEvent = "reject" | "start" | "finish" | "fail";

/**
 * A bulk import of the Atlas, run by the portal once the DAECT has uploaded its file: every
 * row checked (refused with every bad line), then written in one transaction.
 */
export const importWorkflow = defineWorkflow<ImportRow, ImportStatus, ImportEvent>({
  name: "atlas_import",
  table: atlasImports,
  states: importStatuses,
  field: "fichier",
  notFound: "Cet import n'existe pas.",
  staleMessage: "Cet import a changé d'état pendant son traitement.",
  editable: {},
  lockedMessage: "Un import ne se modifie pas.",
  resource: async () => ({}),
  events: {
    /** Some rows are wrong: nothing is written, every bad line is listed. */
    reject: {
      label: "Refus (lignes en erreur)",
      from: ["validating"],
      to: "invalid",
      by: ["system"],
      refusal: "Cet import n'est plus en cours de vérification.",
    },
    start: {
      label: "Écriture",
      from: ["validating"],
      to: "importing",
      by: ["system"],
      refusal: "Cet import n'est plus en cours de vérification.",
    },
    finish: {
      label: "Import terminé",
      from: ["importing"],
      to: "done",
      by: ["system"],
      refusal: "Cet import n'est pas en cours d'écriture.",
    },
    /** An error, or a stop of the portal, cut it off: its transaction wrote nothing. */
    fail: {
      label: "Échec",
      from: ["validating", "importing"],
      to: "failed",
      by: ["system"],
      refusal: "Cet import est déjà terminé.",
    },
  },
});
