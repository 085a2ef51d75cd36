import { changing } from "../../platform/changes";
import { eq } from "drizzle-orm";
import { recordChange } from "../../platform/audit/audit";
import { type Actor, auditActorOf } from "../../platform/auth/actor";
import {
  askOpinions,
  closeConsultations,
  parseAsk,
  revokeOpinion,
} from "../../platform/consultation/ask";
import { giveOpinion as answerOpinion } from "../../platform/consultation/answer";
import { consultationRules } from "../../platform/consultation/deadlines";
import type { Db } from "../../platform/db/client";
import { runDeadlines } from "../../platform/deadlines/scheduler";
import { Forbidden, Invalid } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { isEditable } from "../../platform/workflow/define";
import { transition } from "../../platform/workflow/transition";
import { parseInput } from "../../platform/validation";
import { assertVersion } from "../../platform/workflow/versions";
import { z } from "zod";
import { collectiviteOwner } from "../register/index";
import { PUBLICATION_MONTHS } from "./codes";
import { loadOffer } from "./offer-access";
import { offerConsultation } from "./offer-consultation";
import { checkOffer } from "./offer-input";
import { offerCanFire, offerWorkflow } from "./offer-workflow";
import type { Upload } from "./request-commands";
import { expiryAfter } from "./request-workflow";
import { bourseOffers } from "./schema";

type Values = Record<string, string | string[] | undefined>;

/** A collectivité's new offer, as a draft it can correct before sending it. */
export async function createOffer(db: Db, actor: Actor, collectiviteId: number, values: Values) {
  if (actor.kind !== "user") throw new Forbidden();
  const collectivite = await collectiviteOwner(db, collectiviteId);
  authorize(actor, "bourse:offer:write", { organisationId: collectivite?.organisationId ?? -1 });
  const input = await checkOffer(db, values);
  return changing(db, "bourse", async (tx) => {
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
  return changing(db, "bourse", async (tx) => {
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
  return changing(db, "bourse", async (tx) => {
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

/** An offer chosen for opinions, with the version its page or list showed. */
export interface OfferSelection {
  id: number;
  version: string | undefined;
}

/**
 * The DAECT asks for the opinions on one or several offers at once: the prefecture of each
 * collectivité's région and the French embassy of each target country, by a date to come.
 */
export async function requestOpinionsOn(
  db: Db,
  actor: Actor,
  selected: readonly OfferSelection[],
  values: Record<string, string | undefined>,
  publicUrl: string,
  now = new Date(),
) {
  authorize(actor, "bourse:offer:manage");
  if (selected.length === 0)
    throw new Invalid({ offres: "Cochez au moins une offre à soumettre aux avis." });
  const input = parseAsk(values, now);
  return changing(db, "bourse", async (tx) => {
    const subjects = [];
    for (const { id, version } of selected) {
      const offer = await loadOffer(tx, actor, id, "bourse:offer:manage", { lock: true });
      assertVersion(offer, version, offerWorkflow.staleMessage);
      if (!offerCanFire(offer.status, "requestOpinions"))
        throw new Invalid({
          offre: `« ${offer.title} » : ${offerWorkflow.events.requestOpinions.refusal}`,
        });
      const collectivite = await collectiviteOwner(tx, offer.collectiviteId);
      subjects.push({
        id,
        targets: [
          { prefectureOf: collectivite?.regionCode ?? "" },
          ...offer.countryCodes.map((code) => ({ embassyOf: code })),
        ],
      });
    }
    await askOpinions(tx, offerConsultation, actor, subjects, input, { publicUrl, now });
    const moved = [];
    for (const { id, version } of selected) {
      const { after } = await transition(tx, offerWorkflow, {
        id,
        event: "requestOpinions",
        by: { actor },
        expectedVersion: version,
        publicUrl,
        now,
        set: () => ({ opinionsDueOn: input.dueOn }),
        audit: { opinionsDueOn: input.dueOn, visibility: input.visibility },
      });
      moved.push(after);
    }
    return moved;
  });
}

/** The DAECT asks for the opinions on one offer (its page's form). */
export async function requestOpinions(
  db: Db,
  actor: Actor,
  offerId: number,
  values: Record<string, string | undefined>,
  publicUrl: string,
  now = new Date(),
) {
  const [after] = await requestOpinionsOn(
    db,
    actor,
    [{ id: offerId, version: values.version }],
    values,
    publicUrl,
    now,
  );
  return after;
}

/**
 * The prefecture or an embassy gives its reasoned opinion while the offer is out for
 * opinions, with an optional attachment; any of its authorised agents may.
 */
export async function giveOpinion(
  db: Db,
  actor: Actor,
  offerId: number,
  values: Record<string, string | undefined>,
  publicUrl: string,
  attachment: Upload | null = null,
) {
  return changing(db, "bourse", async (tx) => {
    await loadOffer(tx, actor, offerId, "bourse:offer:read", { lock: true });
    return answerOpinion(tx, offerConsultation, actor, offerId, values, attachment, { publicUrl });
  });
}

/** The DAECT withdraws an opinion request still unanswered (an embassy asked by mistake). */
export async function revokeOfferOpinion(
  db: Db,
  actor: Actor,
  offerId: number,
  values: Record<string, string | undefined>,
  publicUrl: string,
) {
  return changing(db, "bourse", async (tx) => {
    await loadOffer(tx, actor, offerId, "bourse:offer:manage", { lock: true });
    const consultationId = Number(values.consultation);
    if (!Number.isSafeInteger(consultationId))
      throw new Invalid({ consultation: "Choisissez la demande d'avis à retirer." });
    return revokeOpinion(tx, offerConsultation, actor, consultationId, values.reason ?? "", {
      publicUrl,
    });
  });
}

/** The DAECT's decision: to publish, or not with a reason for the collectivité. */
const decisionSchema = z
  .object({
    decision: z.enum(["publish", "reject"], {
      message: "Choisissez : diffuser l'offre ou ne pas la diffuser.",
    }),
    comment: z
      .string()
      .trim()
      .max(3_000, "Le message est trop long (3 000 caractères au plus).")
      .default(""),
  })
  .refine((input) => input.decision === "publish" || input.comment.length > 0, {
    path: ["comment"],
    message: "Indiquez à la collectivité pourquoi l'offre n'est pas diffusée.",
  });

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
  const { decision, comment } = parseInput(decisionSchema, values);
  return changing(db, "bourse", async (tx) => {
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
    await closeConsultations(tx, offerConsultation, [offerId], now);
    return after;
  });
}

/** Runs the opinions' deadlines now (the hourly job runs every rule): offers reported. */
export async function runOpinionDeadlines(db: Db, publicUrl: string, now = new Date()) {
  const fired = await runDeadlines(db, consultationRules(offerConsultation), { now, publicUrl });
  return { notified: fired.filter((firing) => firing.rule.endsWith(":overdue")).length };
}

/** The collectivité withdraws its offer, or the DAECT ends it; nobody is asked anything more. */
export async function closeOffer(
  db: Db,
  actor: Actor,
  offerId: number,
  version: string | undefined,
) {
  return changing(db, "bourse", async (tx) => {
    const { after } = await transition(tx, offerWorkflow, {
      id: offerId,
      event: "close",
      by: { actor },
      expectedVersion: version,
      set: (_offer, now) => ({ closedAt: now }),
    });
    await closeConsultations(tx, offerConsultation, [offerId]);
    return after;
  });
}
