import { and, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { recordChange, systemActor } from "../../platform/audit/audit";
import { type Actor, actorLabel, auditActorOf } from "../../platform/auth/actor";
import { mailMembers } from "../../platform/auth/member-addresses";
import { type Db, rowsOf } from "../../platform/db/client";
import { Forbidden, Invalid } from "../../platform/errors";
import { type DeadlineRule, type Due, runDeadlines } from "../../platform/deadlines/scheduler";
import { parisDay } from "../../platform/french-format";
import { actingMembership, authorize, holdersOf } from "../../platform/policy";
import { isoDateField, parseInput } from "../../platform/validation";
import { isEditable } from "../../platform/workflow/define";
import { transition } from "../../platform/workflow/transition";
import { assertVersion } from "../../platform/workflow/versions";
import { collectiviteOwner } from "../atlas/index";
import { PUBLICATION_MONTHS, opinionVerdictLabels } from "./codes";
import { offerMails } from "./mails";
import { loadOffer } from "./offer-access";
import { checkOffer } from "./offer-input";
import { offerCanFire, offerUrl, offerWorkflow } from "./offer-workflow";
import { expiryAfter } from "./request-workflow";
import { bourseOffers, bourseOpinions } from "./schema";

type Values = Record<string, string | string[] | undefined>;

/** A collectivité's new offer, as a draft it can correct before sending it. */
export async function createOffer(db: Db, actor: Actor, collectiviteId: number, values: Values) {
  if (actor.kind !== "user") throw new Forbidden();
  const collectivite = await collectiviteOwner(db, collectiviteId);
  authorize(actor, "bourse:offer:write", { organisationId: collectivite?.organisationId ?? -1 });
  const input = await checkOffer(db, values);
  return db.transaction(async (tx) => {
    const [offer] = await tx
      .insert(bourseOffers)
      .values({
        collectiviteId,
        title: input.title,
        summary: input.summary,
        themes: input.themes,
        countryCodes: input.countryCodes,
        experience: input.experience ?? "",
        contactName: actor.displayName,
        contactEmail: actor.email,
      })
      .returning();
    await recordChange(tx, auditActorOf(actor), {
      operation: "create",
      entityType: "bourse_offer",
      entityId: offer.id,
      after: { title: offer.title },
    });
    return offer;
  });
}

export async function updateOffer(db: Db, actor: Actor, offerId: number, values: Values) {
  const input = await checkOffer(db, values);
  return db.transaction(async (tx) => {
    const offer = await loadOffer(tx, actor, offerId, "bourse:offer:write", { lock: true });
    assertVersion(offer, values.version, offerWorkflow.staleMessage);
    if (!isEditable(offerWorkflow, offer.status))
      throw new Invalid({ offre: offerWorkflow.lockedMessage });
    const [updated] = await tx
      .update(bourseOffers)
      .set({
        title: input.title,
        summary: input.summary,
        themes: input.themes,
        countryCodes: input.countryCodes,
        experience: input.experience ?? "",
        version: offer.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(bourseOffers.id, offerId))
      .returning();
    return updated;
  });
}

/** The collectivité sends its offer: the DAECT receives it. */
export async function submitOffer(
  db: Db,
  actor: Actor,
  offerId: number,
  version: string | undefined,
  publicUrl: string,
) {
  return db.transaction(async (tx) => {
    const { after } = await transition(tx, offerWorkflow, {
      id: offerId,
      event: "submit",
      by: { actor },
      expectedVersion: version,
      publicUrl,
      set: (_offer, now) => ({ submittedAt: now }),
    });
    return after;
  });
}

/**
 * The DAECT asks for the opinions: the prefecture of the collectivité's région and the
 * French embassy of each target country, by a date to come.
 */
export async function requestOpinions(
  db: Db,
  actor: Actor,
  offerId: number,
  values: Record<string, string | undefined>,
  publicUrl: string,
  now = new Date(),
) {
  const { dueOn } = parseInput(
    z.object({ dueOn: isoDateField("La date limite des avis", { maxYearsAhead: 1 }) }),
    {
      dueOn: values.dueOn,
    },
  );
  if (dueOn <= parisDay(now))
    throw new Invalid({ dueOn: "La date limite des avis doit être à venir." });
  return db.transaction(async (tx) => {
    const offer = await loadOffer(tx, actor, offerId, "bourse:offer:manage", { lock: true });
    assertVersion(offer, values.version, offerWorkflow.staleMessage);
    if (!offerCanFire(offer.status, "requestOpinions"))
      throw new Invalid({ offre: offerWorkflow.events.requestOpinions.refusal });
    const collectivite = await collectiviteOwner(tx, offer.collectiviteId);
    const asked = rowsOf<{ id: number }>(
      await tx.execute(sql`
        SELECT id FROM organisations
         WHERE (kind = 'prefecture' AND region_code = ${collectivite?.regionCode ?? ""})
            OR (kind = 'embassy' AND country_code IN (${sql.join(
              offer.countryCodes.map((code) => sql`${code}`),
              sql`, `,
            )}))
         ORDER BY kind DESC, id`),
    );
    if (asked.length === 0)
      throw new Invalid({
        dueOn:
          "Aucune préfecture ni ambassade n'est inscrite pour cette offre : ajoutez-les d'abord dans l'administration.",
      });
    await tx
      .insert(bourseOpinions)
      .values(asked.map((row) => ({ offerId, organisationId: row.id, dueOn })))
      .onConflictDoNothing();
    const { after } = await transition(tx, offerWorkflow, {
      id: offerId,
      event: "requestOpinions",
      by: { actor },
      expectedVersion: values.version,
      publicUrl,
      set: () => ({ opinionsDueOn: dueOn }),
      audit: { opinionsDueOn: dueOn },
    });
    return after;
  });
}

/** The prefecture or an embassy gives its reasoned opinion while the offer is out for opinions. */
export async function giveOpinion(
  db: Db,
  actor: Actor,
  offerId: number,
  values: Record<string, string | undefined>,
  publicUrl: string,
) {
  const verdict = values.verdict;
  const reasoning = (values.reasoning ?? "").trim();
  const errors: Record<string, string> = {};
  if (verdict !== "favourable" && verdict !== "unfavourable")
    errors.verdict = "Choisissez un avis : favorable ou défavorable.";
  if (reasoning.length < 20)
    errors.reasoning = "Motivez votre avis en quelques phrases (20 caractères au moins).";
  if (reasoning.length > 4_000)
    errors.reasoning = "La motivation est trop longue (4 000 caractères au plus).";
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  return db.transaction(async (tx) => {
    const offer = await loadOffer(tx, actor, offerId, "bourse:offer:read", { lock: true });
    if (offer.status !== "consultation")
      throw new Invalid({ verdict: "Les avis sur cette offre sont clos." });
    const opinions = await tx
      .select()
      .from(bourseOpinions)
      .where(eq(bourseOpinions.offerId, offerId));
    const mine = opinions.find((opinion) =>
      actingMembership(actor, "bourse:opinion:give", { organisationIds: [opinion.organisationId] }),
    );
    if (!mine) throw new Forbidden();
    const membership = actingMembership(actor, "bourse:opinion:give", {
      organisationIds: [mine.organisationId],
    })!;
    const [given] = await tx
      .update(bourseOpinions)
      .set({
        verdict: verdict as "favourable",
        reasoning,
        givenAt: new Date(),
        givenByLabel: `${actorLabel(actor)} – ${membership.organisationName}`,
      })
      .where(eq(bourseOpinions.id, mine.id))
      .returning();
    await recordChange(tx, auditActorOf(actor), {
      operation: "update",
      entityType: "bourse_opinion",
      entityId: mine.id,
      before: { verdict: mine.verdict },
      after: { verdict },
    });
    await mailMembers(tx, holdersOf("bourse:offer:manage"), {
      ...offerMails.opinionGiven({
        title: offer.title,
        organisation: membership.organisationName,
        verdict: opinionVerdictLabels[verdict as "favourable"],
        url: offerUrl(publicUrl, offer.id),
      }),
      template: "bourse-opinion-given",
      idempotencyKey: `bourse:opinion:${mine.id}:given:${given.givenAt?.toISOString()}`,
    });
    return given;
  });
}

/**
 * The DAECT publishes the offer for twelve months or not, once every opinion is in or the
 * deadline has passed. The collectivité is mailed.
 */
export async function decideOffer(
  db: Db,
  actor: Actor,
  offerId: number,
  values: Record<string, string | undefined>,
  publicUrl: string,
  now = new Date(),
) {
  const decision = values.decision;
  const comment = (values.comment ?? "").trim().slice(0, 3_000);
  if (decision !== "publish" && decision !== "reject")
    throw new Invalid({ decision: "Choisissez : diffuser l'offre ou ne pas la diffuser." });
  if (decision === "reject" && comment.length === 0)
    throw new Invalid({
      comment: "Indiquez à la collectivité pourquoi l'offre n'est pas diffusée.",
    });
  return db.transaction(async (tx) => {
    const { after } = await transition(tx, offerWorkflow, {
      id: offerId,
      event: decision,
      by: { actor },
      expectedVersion: values.version,
      reason: comment,
      publicUrl,
      now,
      set: () => ({
        decisionComment: comment,
        decidedAt: now,
        decidedByLabel: auditActorOf(actor).label,
        publishedAt: decision === "publish" ? now : null,
        expiresAt: decision === "publish" ? expiryAfter(now, PUBLICATION_MONTHS) : null,
      }),
    });
    return after;
  });
}

/**
 * The day after the opinions' deadline, the DAECT is told which opinions are missing (once
 * per deadline, on the deadline scheduler).
 */
export const opinionsOverdue: DeadlineRule<Due> = {
  name: "bourse:offer:opinions-overdue",
  async due(q, now) {
    const rows = await q
      .select({ id: bourseOffers.id, dueOn: bourseOffers.opinionsDueOn })
      .from(bourseOffers)
      .where(
        and(
          eq(bourseOffers.status, "consultation"),
          isNull(bourseOffers.deadlineNotifiedAt),
          isNotNull(bourseOffers.opinionsDueOn),
          lt(bourseOffers.opinionsDueOn, parisDay(now)),
        ),
      );
    return rows.map((row) => ({ recordId: row.id, occurrence: row.dueOn ?? "" }));
  },
  async fire(tx, { recordId }, { now, publicUrl }) {
    const [offer] = await tx
      .select()
      .from(bourseOffers)
      .where(eq(bourseOffers.id, recordId))
      .for("update");
    const missing = rowsOf<{ name: string }>(
      await tx.execute(sql`
        SELECT o.name FROM bourse_opinions p JOIN organisations o ON o.id = p.organisation_id
         WHERE p.offer_id = ${offer.id} AND p.verdict IS NULL ORDER BY o.name`),
    ).map((row) => row.name);
    await tx
      .update(bourseOffers)
      .set({ deadlineNotifiedAt: now })
      .where(eq(bourseOffers.id, offer.id));
    if (missing.length > 0)
      await mailMembers(tx, holdersOf("bourse:offer:manage"), {
        ...offerMails.deadlinePassed({
          title: offer.title,
          missing,
          url: offerUrl(publicUrl, offer.id),
        }),
        template: "bourse-opinions-deadline",
        idempotencyKey: `bourse:offer:${offer.id}:deadline`,
      });
    await recordChange(tx, systemActor, {
      operation: "update",
      entityType: offerWorkflow.name,
      entityId: offer.id,
      after: { missingOpinions: missing.length },
    });
    return missing.length;
  },
};

/** Runs the opinions' deadlines now (the hourly job runs every rule): offers reported. */
export async function runOpinionDeadlines(db: Db, publicUrl: string, now = new Date()) {
  const fired = await runDeadlines(db, [opinionsOverdue], { now, publicUrl });
  return { notified: fired.length };
}

/** The collectivité withdraws its offer, or the DAECT ends it; nobody is asked anything more. */
export async function closeOffer(
  db: Db,
  actor: Actor,
  offerId: number,
  version: string | undefined,
) {
  return db.transaction(async (tx) => {
    const { after } = await transition(tx, offerWorkflow, {
      id: offerId,
      event: "close",
      by: { actor },
      expectedVersion: version,
      set: (_offer, now) => ({ closedAt: now }),
    });
    return after;
  });
}
