import { and, eq } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import type { Db } from "../../platform/db/client";
import { NotFound } from "../../platform/errors";
import { loadDeclaration } from "./declaration-access";
import { apdLabels, labelLines } from "./labels";
import { receiptPdf } from "./receipt";
import { apdSubmissionLines, apdSubmissions } from "./schema";
import { declaredFields, receiptFilename } from "./submission-lines";

/** The frozen lines of one submission, in their order. */
export function submissionLines(db: Db, submissionId: number) {
  return db
    .select(declaredFields(apdSubmissionLines))
    .from(apdSubmissionLines)
    .where(eq(apdSubmissionLines.submissionId, submissionId))
    .orderBy(apdSubmissionLines.position);
}

/** The acknowledgement of receipt of one version, drawn again from what was submitted. */
export async function submissionReceipt(
  db: Db,
  actor: Actor,
  declarationId: number,
  number: number,
) {
  const { declaration } = await loadDeclaration(db, actor, declarationId, "apd:read");
  const [submission] = await db
    .select()
    .from(apdSubmissions)
    .where(and(eq(apdSubmissions.declarationId, declarationId), eq(apdSubmissions.number, number)));
  if (!submission) throw new NotFound("Cette version de la déclaration n'existe pas.");
  const lines = await submissionLines(db, submission.id);
  const body = await receiptPdf({
    reference: submission.receipt.reference,
    year: declaration.year,
    collectivite: submission.receipt.collectivite,
    number: submission.number,
    submittedAt: submission.submittedAt,
    submittedBy: submission.submittedByLabel,
    late: submission.late,
    isNil: submission.isNil,
    lines: labelLines(lines, await apdLabels(db)),
  });
  return { body, filename: receiptFilename(submission.receipt.reference) };
}
