import { asc, eq, getTableColumns, sql } from "drizzle-orm";
import { type PolicyMarkerField, policyMarkers } from "./codes";
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
  ...(Object.fromEntries(policyMarkers.map((marker) => [marker.field, table[marker.field]])) as {
    [F in PolicyMarkerField]: (typeof apdLines)[F];
  }),
});

const markerColumnName = (field: PolicyMarkerField) => getTableColumns(apdLines)[field].name;

/** The policy markers' column names (both line tables share them), to copy them as they are. */
export const markerColumnList = sql.raw(
  policyMarkers.map((marker) => markerColumnName(marker.field)).join(", "),
);

/**
 * The policy markers in a raw select of lines aliased `l`, named by their field
 * ("markerGender"); as text where a form's checks read them.
 */
export const markerSelection = (asText = false) =>
  sql.raw(
    policyMarkers
      .map(
        (marker) =>
          `l.${markerColumnName(marker.field)}${asText ? "::text" : ""} AS "${marker.field}"`,
      )
      .join(", "),
  );

/** Lines of the working copy, in their order, with their ids. */
export async function workingLines(q: Tx | Db, declarationId: number) {
  return q
    .select(declaredFields(apdLines))
    .from(apdLines)
    .where(eq(apdLines.declarationId, declarationId))
    .orderBy(asc(apdLines.position));
}
