import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordChange } from "../audit/audit";
import { type Actor, type Membership, actorLabel, auditActorOf } from "../auth/actor";
import { mailMembers } from "../auth/member-addresses";
import type { Tx } from "../db/client";
import { Forbidden, Invalid, NotFound } from "../errors";
import { checkUpload, deleteStoredFile, storeFile } from "../files/stored-files";
import { actingMembership, holdersOf } from "../policy";
import { parseInput } from "../validation";
import type { Consulting } from "./ask";
import { type ConsultationKind, subjectOf } from "./kind";
import { consultationMails } from "./mails";
import { type ConsultationRow, consultations } from "./schema";
import { MAX_OPINION_ATTACHMENT_BYTES, opinionVerdictLabels, opinionVerdicts } from "./verdicts";

const reasoningMessage = "Motivez votre avis en quelques phrases (20 caractères au moins).";

export const opinionSchema = z.object({
  verdict: z.enum(opinionVerdicts, {
    message: "Choisissez un avis : favorable, favorable avec réserves, défavorable ou sans avis.",
  }),
  reasoning: z
    .string({ message: reasoningMessage })
    .trim()
    .min(20, reasoningMessage)
    .max(4_000, "La motivation est trop longue (4 000 caractères au plus)."),
});

export type OpinionInput = z.output<typeof opinionSchema>;

/**
 * The live request of `subjectId` that the actor answers, with the membership it answers
 * through: any member of the consulted organisation holding the answer action.
 */
export function answerableBy(
  kind: ConsultationKind,
  actor: Actor,
  rows: readonly ConsultationRow[],
): { row: ConsultationRow; membership: Membership } | null {
  for (const row of rows) {
    if (row.revokedAt) continue;
    const membership = actingMembership(actor, kind.answerAction, {
      organisationIds: [row.organisationId],
    });
    if (membership) return { row, membership };
  }
  return null;
}

/**
 * A consulted organisation gives (or corrects, while the consultation is open) its
 * reasoned opinion, with an optional attachment; the asker's side is told by mail.
 */
export async function giveOpinion(
  tx: Tx,
  kind: ConsultationKind,
  actor: Actor,
  subjectId: number,
  values: Record<string, unknown>,
  attachment: { name: string; content: Buffer } | null,
  { publicUrl, now = new Date() }: Consulting,
) {
  const input = parseInput(opinionSchema, { verdict: values.verdict, reasoning: values.reasoning });
  const file = attachment
    ? await checkUpload("piece", attachment, MAX_OPINION_ATTACHMENT_BYTES)
    : null;
  const rows = await tx
    .select()
    .from(consultations)
    .where(
      and(
        eq(consultations.subjectType, kind.subjectType),
        eq(consultations.subjectId, subjectId),
        isNull(consultations.revokedAt),
      ),
    )
    .for("update");
  const mine = answerableBy(kind, actor, rows);
  if (!mine) throw new Forbidden();
  const { row, membership } = mine;
  if (row.closedAt) throw new Invalid({ verdict: `Les avis sur ${kind.theNoun} sont clos.` });
  const attachmentKey = file ? await storeFile(tx, file) : row.attachmentKey;
  if (file && row.attachmentKey) await deleteStoredFile(tx, row.attachmentKey);
  const [given] = await tx
    .update(consultations)
    .set({
      verdict: input.verdict,
      reasoning: input.reasoning,
      attachmentKey,
      attachmentName: file ? file.fileName : row.attachmentName,
      givenAt: now,
      givenByLabel: `${actorLabel(actor)} – ${membership.organisationName}`,
    })
    .where(eq(consultations.id, row.id))
    .returning();
  await recordChange(tx, auditActorOf(actor), {
    operation: "update",
    entityType: "consultation",
    entityId: row.id,
    before: { verdict: row.verdict },
    after: { verdict: input.verdict, attachment: file?.fileName ?? row.attachmentName },
  });
  const subject = await subjectOf(tx, kind, subjectId);
  if (!subject) throw new NotFound();
  const { resource, about } = subject;
  await mailMembers(tx, holdersOf(kind.askAction, resource), {
    ...consultationMails.given(
      { kind, subject: about, url: publicUrl + about.href },
      {
        organisation: membership.organisationName,
        verdict: opinionVerdictLabels[input.verdict],
      },
    ),
    template: `${kind.templatePrefix}-opinion-given`,
    idempotencyKey: `${kind.mailKey}:opinion:${row.id}:given:${now.toISOString()}`,
  });
  return given;
}
