import { eq, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { NotFound } from "../../platform/errors";
import { parisDay } from "../../platform/french-format";
import { actingMembership, can } from "../../platform/policy";
import { actorCollectivites } from "./interest-commands";
import { offerResource } from "./offer-access";
import { isEditable } from "../../platform/workflow/define";
import { recordHistory } from "../../platform/workflow/history";
import { decisionBlocker, offerCanFire, offerWorkflow } from "./offer-workflow";
import { bourseOffers } from "./schema";

interface OpinionRow {
  id: number;
  organisation_id: number;
  organisation: string;
  organisation_kind: string;
  due_on: string;
  verdict: "favourable" | "unfavourable" | null;
  reasoning: string;
  given_at: string | null;
  given_by_label: string | null;
}

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
    await q.execute(sql`SELECT name FROM atlas_collectivites WHERE id = ${offer.collectiviteId}`),
  );
  const countries = rowsOf<{ code: string; name: string }>(
    await q.execute(sql`
      SELECT code, name_fr AS name FROM ref_countries
       WHERE code IN (${sql.join(
         (offer.countryCodes.length > 0 ? offer.countryCodes : [""]).map((code) => sql`${code}`),
         sql`, `,
       )}) ORDER BY name_fr`),
  );
  const opinions = rowsOf<OpinionRow>(
    await q.execute(sql`
      SELECT p.id, p.organisation_id, o.name AS organisation, o.kind AS organisation_kind,
             p.due_on::text AS due_on, p.verdict, p.reasoning, p.given_at, p.given_by_label
        FROM bourse_opinions p JOIN organisations o ON o.id = p.organisation_id
       WHERE p.offer_id = ${offer.id} ORDER BY o.kind DESC, o.name`),
  );
  // The organisation in whose name this reader gives an opinion, if it was asked one.
  const mine = opinions.find((opinion) =>
    actingMembership(actor, "bourse:opinion:give", { organisationIds: [opinion.organisation_id] }),
  );
  // Who decided (a DAECT agent's name and address) is kept for the journal, never sent.
  const {
    contactName,
    contactEmail,
    decisionComment,
    decidedByLabel: _decidedBy,
    deadlineNotifiedAt: _notified,
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
    /** Opinions are the State's internal advice: the DAECT sees them all, each organisation its own. */
    opinions: manages ? opinions : mine ? [mine] : [],
    opinionCount: opinions.length,
    history: isOwner || manages ? await recordHistory(q, offerWorkflow, offer.id) : [],
    abilities: {
      owner: isOwner,
      edit: isOwner && isEditable(offerWorkflow, offer.status),
      submit: isOwner && offerCanFire(offer.status, "submit"),
      close: (isOwner || manages) && offerCanFire(offer.status, "close"),
      requestOpinions: manages && offerCanFire(offer.status, "requestOpinions"),
      /** The organisation in whose name the reader answers, while opinions are open. */
      giveOpinion:
        mine && offer.status === "consultation"
          ? { organisation: mine.organisation, given: mine.verdict !== null }
          : null,
      decide: manages && offerCanFire(offer.status, "publish"),
      /** Why the DAECT cannot decide yet (opinions still awaited before the deadline). */
      decisionBlocker:
        manages && offer.status === "consultation"
          ? decisionBlocker(
              opinions.map((opinion) => ({ verdict: opinion.verdict })),
              offer.opinionsDueOn,
              parisDay(now),
            )
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
             ARRAY(SELECT r.name_fr FROM ref_countries r WHERE r.code = ANY(f.country_codes) ORDER BY r.name_fr) AS countries,
             f.published_at
        FROM bourse_offers f JOIN atlas_collectivites c ON c.id = f.collectivite_id
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
