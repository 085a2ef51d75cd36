import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/client";
import { apdLines } from "./schema";

export const receiptReference = (year: number, collectiviteId: number, number: number) =>
  `APD-${year}-${String(collectiviteId).padStart(6, "0")}-${number}`;

export const receiptFilename = (reference: string) => `accuse-reception-${reference}.pdf`;

export const declarationUrl = (publicUrl: string, declarationId: number) =>
  `${publicUrl}/apd/declarations/${declarationId}`;

/** Lines of a submission (or of the working copy), in their order, with their ids. */
export async function workingLines(q: Tx | Db, declarationId: number) {
  return q
    .select({
      id: apdLines.id,
      recipientCode: apdLines.recipientCode,
      purposeCode: apdLines.purposeCode,
      amountCents: apdLines.amountCents,
      flow: apdLines.flow,
      channel: apdLines.channel,
      projectId: apdLines.projectId,
      description: apdLines.description,
    })
    .from(apdLines)
    .where(eq(apdLines.declarationId, declarationId))
    .orderBy(asc(apdLines.position));
}
