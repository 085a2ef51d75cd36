import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordChange } from "../audit/audit";
import { type Actor, auditActorOf } from "../auth/actor";
import { mailMembers } from "../auth/member-addresses";
import type { Tx } from "../db/client";
import { Invalid, NotFound } from "../errors";
import { longDate, parisDay } from "../french-format";
import { actingMembership, authorize, holdersOf } from "../policy";
import { dayOffset } from "../deadlines/scheduler";
import { isoDateField, parseInput } from "../validation";
import { type ConsultationKind, type ConsultedTarget, subjectOf } from "./kind";
import { consultationMails } from "./mails";
import { consultations } from "./schema";
import { resolveTargets } from "./targets";
import { type OpinionVisibility, opinionVisibilities } from "./verdicts";

export interface AskInput {
  dueOn: string;
  visibility: OpinionVisibility;
}

const askSchema = (now: Date) =>
  z.object({
    dueOn: isoDateField("La date limite des avis", {
      maxYearsAhead: 1,
      earliest: {
        day: dayOffset(parisDay(now), 1),
        message: "La date limite des avis doit être à venir.",
      },
    }),
    visibility: z.preprocess(
      (value) => (value === undefined || value === "" ? "confidential" : value),
      z.enum(opinionVisibilities, {
        message:
          "Choisissez qui lit les avis : confidentiels ou partagés entre services consultés.",
      }),
    ),
  });

/** The asker's form: a date to come and who reads the opinions. */
export function parseAsk(values: Record<string, unknown>, now = new Date()): AskInput {
  return parseInput(askSchema(now), { dueOn: values.dueOn, visibility: values.visibility });
}

export interface Consulting {
  publicUrl: string;
  now?: Date;
}

/**
 * Asks the opinions on one or several records in the caller's transaction: each record's
 * targets resolved to organisations, one request per organisation (one already asked and
 * not revoked stays as it is), a mail to the members of each new organisation asked.
 */
export async function askOpinions(
  tx: Tx,
  kind: ConsultationKind,
  actor: Actor,
  subjects: readonly { id: number; targets: readonly ConsultedTarget[] }[],
  input: AskInput,
  { publicUrl, now = new Date() }: Consulting,
) {
  const described = await kind.describe(
    tx,
    subjects.map((subject) => subject.id),
  );
  const asked = [];
  for (const subject of subjects) {
    const resource = await kind.resource(tx, subject.id);
    const about = described.get(subject.id);
    if (!resource || !about) throw new NotFound();
    authorize(actor, kind.askAction, resource);
    const asker = actingMembership(actor, kind.askAction, resource)!;
    const organisations = await resolveTargets(tx, subject.targets);
    if (organisations.length === 0)
      throw new Invalid({
        dueOn: `Aucun des services à consulter (préfecture, ambassade) n'est inscrit au portail pour « ${about.title} » : inscrivez-les d'abord dans l'administration.`,
      });
    const rows = await tx
      .insert(consultations)
      .values(
        organisations.map((organisation) => ({
          subjectType: kind.subjectType,
          subjectId: subject.id,
          organisationId: organisation.id,
          askedByOrganisationId: asker.organisationId,
          visibility: input.visibility,
          dueOn: input.dueOn,
          requestedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning();
    for (const row of rows)
      await recordChange(tx, auditActorOf(actor), {
        operation: "create",
        entityType: "consultation",
        entityId: row.id,
        after: {
          subject: `${kind.subjectType}:${subject.id}`,
          organisationId: row.organisationId,
          dueOn: row.dueOn,
          visibility: row.visibility,
        },
      });
    if (rows.length > 0)
      await mailMembers(
        tx,
        holdersOf(kind.answerAction, { organisationIds: rows.map((row) => row.organisationId) }),
        {
          ...consultationMails.requested(
            { kind, subject: about, url: publicUrl + about.href },
            { asker: asker.organisationName, dueOn: longDate(input.dueOn) },
          ),
          template: `${kind.templatePrefix}-opinion-requested`,
          idempotencyKey: `${kind.mailKey}:${subject.id}:opinion-requested:${input.dueOn}`,
        },
      );
    asked.push(...rows);
  }
  return asked;
}

/** The asker withdraws a request still unanswered; the organisation is told. */
export async function revokeOpinion(
  tx: Tx,
  kind: ConsultationKind,
  actor: Actor,
  consultationId: number,
  reason: string,
  { publicUrl, now = new Date() }: Consulting,
) {
  const [row] = await tx
    .select()
    .from(consultations)
    .where(
      and(eq(consultations.id, consultationId), eq(consultations.subjectType, kind.subjectType)),
    )
    .for("update");
  if (!row) throw new NotFound("Cette demande d'avis n'existe pas.");
  const subject = await subjectOf(tx, kind, row.subjectId);
  if (!subject) throw new NotFound("Cette demande d'avis n'existe pas.");
  const { resource, about } = subject;
  authorize(actor, kind.askAction, resource);
  if (row.revokedAt || row.closedAt)
    throw new Invalid({ consultation: "Cette demande d'avis est déjà close." });
  if (row.verdict !== null)
    throw new Invalid({
      consultation: "Cet avis est déjà rendu : la demande ne peut plus être retirée.",
    });
  const motive = reason.trim().slice(0, 1_000);
  const [revoked] = await tx
    .update(consultations)
    .set({ revokedAt: now, revokedReason: motive })
    .where(eq(consultations.id, row.id))
    .returning();
  await recordChange(tx, auditActorOf(actor), {
    operation: "update",
    entityType: "consultation",
    entityId: row.id,
    before: { revokedAt: null },
    after: { revokedAt: now.toISOString(), reason: motive },
  });
  await mailMembers(tx, holdersOf(kind.answerAction, { organisationIds: [row.organisationId] }), {
    ...consultationMails.revoked(
      { kind, subject: about, url: publicUrl + about.href },
      { reason: motive },
    ),
    template: `${kind.templatePrefix}-opinion-revoked`,
    idempotencyKey: `${kind.mailKey}:opinion:${row.id}:revoked`,
  });
  return revoked;
}

/** The record left its consultation step: the requests still open take no more answers. */
export async function closeConsultations(
  tx: Tx,
  kind: ConsultationKind,
  subjectIds: readonly number[],
  now = new Date(),
) {
  if (subjectIds.length === 0) return;
  await tx
    .update(consultations)
    .set({ closedAt: now })
    .where(
      and(
        eq(consultations.subjectType, kind.subjectType),
        inArray(consultations.subjectId, [...subjectIds]),
        isNull(consultations.closedAt),
        isNull(consultations.revokedAt),
      ),
    );
}
