import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/client";
import { apdLines, type apdSubmissionLines } from "./schema";

export const receiptReference = (year: number, collectiviteId: number, number: number) =>
  `APD-${year}-${String(collectiviteId).padStart(6, "0")}-${number}`;

export const receiptFilename = (reference: string) => `accuse-reception-${reference}.pdf`;

export const declarationUrl = (publicUrl: string, declarationId: number) =>
  `${publicUrl}/apd/declarations/${declarationId}`;

/** The declared fields of a line, with its id, from the working copy or a submission. */
export const declaredFields = (table: typeof apdLines | typeof apdSubmissionLines) => ({
  id: table.id,
  recipientCode: table.recipientCode,
  purposeCode: table.purposeCode,
  amountCents: table.amountCents,
  flow: table.flow,
  channel: table.channel,
  projectId: table.projectId,
  description: table.description,
  markerGender: table.markerGender,
  markerEnvironment: table.markerEnvironment,
  markerBiodiversity: table.markerBiodiversity,
  markerClimateMitigation: table.markerClimateMitigation,
  markerClimateAdaptation: table.markerClimateAdaptation,
  markerNutrition: table.markerNutrition,
  markerDisability: table.markerDisability,
});

/** Lines of the working copy, in their order, with their ids. */
export async function workingLines(q: Tx | Db, declarationId: number) {
  return q
    .select(declaredFields(apdLines))
    .from(apdLines)
    .where(eq(apdLines.declarationId, declarationId))
    .orderBy(asc(apdLines.position));
}
