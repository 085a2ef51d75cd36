import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Actor, auditActorOf } from "../../platform/auth/actor";
import type { Db, Tx } from "../../platform/db/client";
import { Forbidden } from "../../platform/errors";
import { parseInput, textField } from "../../platform/validation";
import { transition } from "../../platform/workflow/transition";
import { loadDeclaration, lockForChange } from "./declaration-access";
import { canReview, declarationWorkflow, isLate } from "./declaration-workflow";
import { apdSubmissions } from "./schema";
import { markerColumnList, receiptReference, workingLines } from "./submission-lines";
import { moveTotalCells } from "./total-cells";

export {
  declarationUrl,
  receiptFilename,
  receiptReference,
  workingLines,
} from "./submission-lines";
import { changing } from "../../platform/changes";

/** Stops counting a declaration's earlier submissions in the statistics. */
async function uncountSubmissions(tx: Tx, declarationId: number) {
  const submissions = sql`(SELECT id FROM apd_submissions WHERE declaration_id = ${declarationId})`;
  await moveTotalCells(tx, sql`l.counted AND l.submission_id IN ${submissions}`, -1);
  await tx.execute(sql`
    UPDATE apd_submission_lines SET counted = false
     WHERE counted AND submission_id IN ${submissions}`);
}

/**
 * Submits the working copy as a new numbered version: its lines are frozen, counted in the
 * statistics in place of the previous version, and the acknowledgement of receipt (PDF) is
 * mailed to the person who submitted, in the same transaction.
 */
export async function submitDeclaration(
  db: Db,
  actor: Actor,
  declarationId: number,
  version: string | undefined,
  publicUrl: string,
) {
  if (actor.kind !== "user") throw new Forbidden();
  const submittedAt = new Date();
  return changing(db, "apd", async (tx) => {
    const { declaration, campaign, collectivite } = await lockForChange(
      tx,
      actor,
      declarationId,
      version,
    );
    const lines = await workingLines(tx, declarationId);
    const [{ last }] = await tx
      .select({ last: sql<number>`coalesce(max(${apdSubmissions.number}), 0)::int` })
      .from(apdSubmissions)
      .where(eq(apdSubmissions.declarationId, declarationId));
    const number = last + 1;
    const late = isLate(submittedAt, campaign.closesOn);
    const reference = receiptReference(declaration.year, collectivite.id, number);
    const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);

    await uncountSubmissions(tx, declarationId);
    await tx
      .update(apdSubmissions)
      .set({ isCurrent: false })
      .where(eq(apdSubmissions.declarationId, declarationId));
    const [submission] = await tx
      .insert(apdSubmissions)
      .values({
        declarationId,
        number,
        isNil: declaration.isNil,
        late,
        lineCount: lines.length,
        totalCents,
        submittedByLabel: actor.displayName,
        submittedByEmail: actor.email,
        submittedAt,
        receipt: { collectivite: collectivite.name, reference },
      })
      .returning({ id: apdSubmissions.id });
    await tx.execute(sql`
      INSERT INTO apd_submission_lines
             (submission_id, year, collectivite_id, counted, position, ${markerColumnList},
              recipient_code, purpose_code, amount_cents, flow, channel, project_id, description)
      SELECT ${submission.id}, ${declaration.year}, ${collectivite.id}, true, position,
             ${markerColumnList},
             recipient_code, purpose_code, amount_cents, flow, channel, project_id, description
        FROM apd_lines WHERE declaration_id = ${declarationId}`);
    await moveTotalCells(tx, sql`l.submission_id = ${submission.id}`, 1);
    await transition(tx, declarationWorkflow, {
      id: declarationId,
      event: "submit",
      by: { actor },
      expectedVersion: version,
      publicUrl,
      now: submittedAt,
      set: (current) => ({
        hasChanges: false,
        // Late is decided by the first submission; a later amendment does not change it.
        late: current.firstSubmittedAt ? current.late : late,
        firstSubmittedAt: current.firstSubmittedAt ?? submittedAt,
      }),
      audit: { submission: number, totalCents, lines: lines.length, late },
    });
    return { number, reference };
  });
}

const reviewSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({ decision: z.literal("accept"), comment: z.string().optional() }),
    z.object({
      decision: z.literal("return"),
      comment: textField("Le motif du renvoi", 3_000),
    }),
  ],
  { message: "Choisissez d'accepter la déclaration ou de la renvoyer pour correction." },
);

/** The DAECT accepts a submitted declaration, or sends it back with a comment (mailed). */
export async function reviewDeclaration(
  db: Db,
  actor: Actor,
  declarationId: number,
  values: Record<string, string | undefined>,
  publicUrl: string,
) {
  const input = parseInput(reviewSchema, values);
  return changing(db, "apd", async (tx) => {
    const { declaration } = await loadDeclaration(tx, actor, declarationId, "apd:review", {
      lock: true,
    });
    // A returned version stops counting in the statistics until it is submitted again.
    if (input.decision === "return" && canReview(declaration.status))
      await uncountSubmissions(tx, declarationId);
    const comment = input.decision === "return" ? input.comment : null;
    const { after } = await transition(tx, declarationWorkflow, {
      id: declarationId,
      event: input.decision,
      by: { actor },
      expectedVersion: values.version,
      reason: comment,
      publicUrl,
      set: (_current, now) => ({
        reviewComment: comment,
        reviewedAt: now,
        reviewedByLabel: auditActorOf(actor).label,
      }),
    });
    return { status: after.status };
  });
}
