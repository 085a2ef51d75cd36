import { moveTotalCells } from "./total-cells";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordChange } from "../../platform/audit/audit";
import { type Actor, auditActorOf } from "../../platform/auth/actor";
import type { Db, Tx } from "../../platform/db/client";
import { Forbidden, Invalid } from "../../platform/errors";
import { enqueueMail } from "../../platform/mail/outbox";
import { parseInput, textField } from "../../platform/validation";
import { loadDeclaration, lockForChange } from "./declaration-access";
import { canReview, isLate, submitBlocker } from "./declaration-machine";
import { apdLabels, labelLines } from "./labels";
import { apdMails } from "./mails";
import { receiptPdf } from "./receipt";
import { apdDeclarations, apdLines, apdSubmissions } from "./schema";

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
  return db.transaction(async (tx) => {
    const { declaration, campaign, collectivite } = await lockForChange(
      tx,
      actor,
      declarationId,
      version,
    );
    const lines = await workingLines(tx, declarationId);
    const blocker = submitBlocker(
      {
        status: declaration.status,
        hasChanges: declaration.hasChanges,
        isNil: declaration.isNil,
        lineCount: lines.length,
      },
      campaign,
    );
    if (blocker) throw new Invalid({ declaration: blocker }, blocker);
    const [{ last }] = await tx
      .select({ last: sql<number>`coalesce(max(${apdSubmissions.number}), 0)::int` })
      .from(apdSubmissions)
      .where(eq(apdSubmissions.declarationId, declarationId));
    const number = last + 1;
    const late = isLate(submittedAt, campaign.closesOn);
    const reference = receiptReference(declaration.year, collectivite.id, number);
    const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
    const who = auditActorOf(actor);

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
             (submission_id, year, collectivite_id, counted, position, recipient_code,
              purpose_code, amount_cents, flow, channel, project_id, description)
      SELECT ${submission.id}, ${declaration.year}, ${collectivite.id}, true, position,
             recipient_code, purpose_code, amount_cents, flow, channel, project_id, description
        FROM apd_lines WHERE declaration_id = ${declarationId}`);
    await moveTotalCells(tx, sql`l.submission_id = ${submission.id}`, 1);
    await tx
      .update(apdDeclarations)
      .set({
        status: "submitted",
        hasChanges: false,
        // Late is decided by the first submission; a later amendment does not change it.
        late: declaration.firstSubmittedAt ? declaration.late : late,
        firstSubmittedAt: declaration.firstSubmittedAt ?? submittedAt,
        updatedAt: submittedAt,
      })
      .where(eq(apdDeclarations.id, declarationId));

    const pdf = await receiptPdf({
      reference,
      year: declaration.year,
      collectivite: collectivite.name,
      number,
      submittedAt,
      submittedBy: actor.displayName,
      late,
      isNil: declaration.isNil,
      lines: labelLines(lines, await apdLabels(tx)),
    });
    const url = declarationUrl(publicUrl, declarationId);
    await enqueueMail(tx, {
      idempotencyKey: `apd:receipt:${declarationId}:${number}`,
      template: "apd-receipt",
      to: actor.email,
      ...apdMails.receipt({
        year: declaration.year,
        collectivite: collectivite.name,
        reference,
        number,
        isNil: declaration.isNil,
        totalCents,
        lineCount: lines.length,
        late,
        url,
      }),
      attachments: [
        { filename: receiptFilename(reference), contentType: "application/pdf", content: pdf },
      ],
    });
    await recordChange(tx, who, {
      operation: "update",
      entityType: "apd_declaration",
      entityId: declarationId,
      before: { status: declaration.status },
      after: { status: "submitted", version: number, totalCents, lines: lines.length, late },
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
  return db.transaction(async (tx) => {
    const { declaration, collectivite } = await loadDeclaration(
      tx,
      actor,
      declarationId,
      "apd:review",
      { lock: true },
    );
    if (!canReview(declaration.status))
      throw new Invalid(
        {
          decision:
            "Seule une déclaration transmise, en attente d'examen, peut être acceptée ou renvoyée.",
        },
        "Cette déclaration n'est pas en attente d'examen.",
      );
    const [current] = await tx
      .select()
      .from(apdSubmissions)
      .where(
        and(eq(apdSubmissions.declarationId, declarationId), eq(apdSubmissions.isCurrent, true)),
      );
    const status = input.decision === "accept" ? "accepted" : "returned";
    const comment = input.decision === "return" ? input.comment : null;
    const who = auditActorOf(actor);
    if (status === "returned") await uncountSubmissions(tx, declarationId);
    await tx
      .update(apdDeclarations)
      .set({
        status,
        reviewComment: comment,
        reviewedAt: new Date(),
        reviewedByLabel: who.label,
        updatedAt: new Date(),
      })
      .where(eq(apdDeclarations.id, declarationId));
    const url = declarationUrl(publicUrl, declarationId);
    const params = { year: declaration.year, collectivite: collectivite.name, url };
    await enqueueMail(tx, {
      idempotencyKey: `apd:review:${declarationId}:${current?.number ?? 0}:${status}`,
      template: status === "accepted" ? "apd-accepted" : "apd-returned",
      to: current?.submittedByEmail ?? "",
      ...(status === "accepted"
        ? apdMails.accepted(params)
        : apdMails.returned({ ...params, comment: comment ?? "" })),
    });
    await recordChange(tx, who, {
      operation: "update",
      entityType: "apd_declaration",
      entityId: declarationId,
      before: { status: declaration.status },
      after: { status, comment },
    });
    return { status };
  });
}
