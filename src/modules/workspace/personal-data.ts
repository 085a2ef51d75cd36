import { eq } from "drizzle-orm";
import type { PersonalDataProvider } from "../../platform/personal-data";
import { extractions, savedSearches } from "./schema";

/** Saved searches with their alerts, and the list of extracted files (not their content). */
export const workspacePersonalData: PersonalDataProvider = async (q, userId) => ({
  recherchesEnregistrees: await q
    .select({
      nom: savedSearches.name,
      criteres: savedSearches.query,
      alerte: savedSearches.alert,
      creeeLe: savedSearches.createdAt,
    })
    .from(savedSearches)
    .where(eq(savedSearches.userId, userId)),
  extractions: await q
    .select({
      fichier: extractions.filename,
      criteres: extractions.query,
      projets: extractions.projects,
      creeeLe: extractions.createdAt,
    })
    .from(extractions)
    .where(eq(extractions.userId, userId)),
});
