import { eq, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { NotFound } from "../../platform/errors";
import { parisDay } from "../../platform/french-format";
import { can } from "../../platform/policy";
import { opinionsOn } from "../../platform/consultation/read";
import { offerConsultation } from "./offer-consultation";
import { actorCollectivites } from "./interest-commands";
import { offerResource } from "./offer-access";
import { isEditable } from "../../platform/workflow/define";
import { recordHistory } from "../../platform/workflow/history";
import { decisionBlocker, offerCanFire, offerWorkflow } from "./offer-workflow";
import { bourseOffers } from "./schema";
import { collectivites } from "../register/index";
import { frenchOrder } from "../../platform/db/french-order";

/**
 * An offer as its reader may see it: a published offer is public (its contact for signed-in
 * readers); the collectivité sees its own at every step and the decision; the DAECT sees
 * every opinion; a prefecture or an embassy asked sees the offer and its own opinion.
 */
export async function offerView(q: Queryable, actor: Actor, offerId: number, now = new Date()) {
  const [offer] = await q.select().from(bourseOffers).where(eq(bourseOffers.id, offerId));
  if (!offer) throw new NotFound("Cette offre de partenariat n'existe pas.");
  const resource = await offerResource(q, offer);
  const mayRead = can(actor, "bourse:offer:read", resource);
  if (offer.status !== "published" && !mayRead)
    throw new NotFound("Cette offre de partenariat n'existe pas ou n'est pas diffusée.");
  // The owner is an agent of the offer's collectivité (the DAECT manages, it does not own).
  const isOwner =
    can(actor, "bourse:offer:write", resource) &&
    (await actorCollectivites(q, actor)).some((own) => own.id === offer.collectiviteId);
  const manages = can(actor, "bourse:offer:manage", resource);
  const [collectivite] = rowsOf<{ name: string }>(
    await q.execute(sql`SELECT name FROM ${collectivites} WHERE id = ${offer.collectiviteId}`),
  );
  const countries = rowsOf<{ code: string; name: string }>(
    await q.execute(sql`
      SELECT code, name_fr AS name FROM ref_countries
       WHERE code IN (${sql.join(
         (offer.countryCodes.length > 0 ? offer.countryCodes : [""]).map((code) => sql`${code}`),
         sql`, `,
       )}) ORDER BY ${frenchOrder("name_fr")}`),
  );
  const consulted = await opinionsOn(q, offerConsultation, actor, offer.id, resource);
  // Who decided (a DAECT agent's name and address) is kept for the journal, never sent.
  const {
    contactName,
    contactEmail,
    decisionComment,
    decidedByLabel: _decidedBy,
    expiryRemindedAt: _reminded,
    ...open
  } = offer;
  const showsDecision = isOwner || manages;
  return {
    offer: {
      ...open,
      collectivite: collectivite?.name ?? "",
      countries,
      decisionComment: showsDecision ? decisionComment : "",
    },
    // Contact details are for signed-in readers: those who could answer the offer.
    contact: actor.kind === "user" ? { contactName, contactEmail } : null,
    /**
     * Opinions are the State's internal advice: the DAECT reads them all, each organisation
     * its own and those shared with it; the collectivité none.
     */
    opinions: consulted.opinions,
    opinionCount: consulted.asked,
    opinionsGiven: consulted.given,
    history: isOwner || manages ? await recordHistory(q, offerWorkflow, offer.id) : [],
    abilities: {
      owner: isOwner,
      edit: isOwner && isEditable(offerWorkflow, offer.status),
      submit: isOwner && offerCanFire(offer.status, "submit"),
      close: (isOwner || manages) && offerCanFire(offer.status, "close"),
      requestOpinions: manages && offerCanFire(offer.status, "requestOpinions"),
      /** The opinion the reader answers while opinions are open. */
      giveOpinion:
        consulted.answering && offer.status === "consultation"
          ? {
              organisation: consulted.answering.organisation,
              given: consulted.answering.state === "given",
            }
          : null,
      /** The DAECT withdraws the requests still unanswered. */
      revokeOpinion: manages && offer.status === "consultation",
      decide: manages && offerCanFire(offer.status, "publish"),
      /** Why the DAECT cannot decide yet (opinions still awaited before the deadline). */
      decisionBlocker:
        manages && offer.status === "consultation"
          ? decisionBlocker(consulted.asked - consulted.given, offer.opinionsDueOn, parisDay(now))
          : null,
    },
  };
}

export type OfferView = Awaited<ReturnType<typeof offerView>>;

/** The published offers still running, newest first, for the public Bourse. */
export async function publishedOffers(q: Queryable, now = new Date()) {
  return rowsOf<{
    id: number;
    title: string;
    summary: string;
    themes: string[];
    collectivite: string;
    countries: string[];
    published_at: string;
  }>(
    await q.execute(sql`
      SELECT f.id, f.title, left(f.summary, 280) AS summary, f.themes, c.name AS collectivite,
             ARRAY(SELECT r.name_fr FROM ref_countries r WHERE r.code = ANY(f.country_codes) ORDER BY ${frenchOrder("r.name_fr")}) AS countries,
             f.published_at
        FROM bourse_offers f JOIN ${collectivites} c ON c.id = f.collectivite_id
       WHERE f.status = 'published' AND (f.expires_at IS NULL OR f.expires_at > ${now.toISOString()})
       ORDER BY f.published_at DESC, f.id DESC`),
  );
}

/** The offer's values as its form shows them. */
export function offerFormValues(offer: {
  title: string;
  summary: string;
  themes: string[];
  countryCodes: string[];
  experience: string;
}): Record<string, string | string[]> {
  return {
    title: offer.title,
    summary: offer.summary,
    themes: offer.themes,
    countryCodes: offer.countryCodes,
    experience: offer.experience,
  };
}
