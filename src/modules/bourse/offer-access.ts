import { eq, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { NotFound } from "../../platform/errors";
import { type Action, type Resource, authorize, can } from "../../platform/policy";
import { bourseOffers } from "./schema";
import { collectivites } from "../register/index";

export type OfferRow = typeof bourseOffers.$inferSelect;

/** The offer as the policy sees it: its collectivité, and the organisations asked an opinion. */
export async function offerResource(q: Queryable, offer: OfferRow): Promise<Resource> {
  const [row] = rowsOf<{ organisation_id: number | null; opinion_orgs: number[] | null }>(
    await q.execute(sql`
      SELECT c.organisation_id,
             (SELECT array_agg(o.organisation_id) FROM consultations o
               WHERE o.subject_type = 'bourse_offer' AND o.subject_id = ${offer.id}
                 AND o.revoked_at IS NULL) AS opinion_orgs
        FROM ${collectivites} c WHERE c.id = ${offer.collectiviteId}`),
  );
  return {
    organisationId: row?.organisation_id ?? -1,
    organisationIds: row?.opinion_orgs ?? [],
  };
}

export async function loadOffer(
  q: Queryable,
  actor: Actor,
  offerId: number,
  action: Action,
  options: { lock?: boolean } = {},
) {
  const query = q.select().from(bourseOffers).where(eq(bourseOffers.id, offerId));
  const [offer] = options.lock ? await query.for("update") : await query;
  if (!offer) throw new NotFound("Cette offre de partenariat n'existe pas.");
  // A published offer is public; any other needs the right to read it.
  if (action !== "bourse:offer:read" || offer.status !== "published")
    authorize(actor, action, await offerResource(q, offer));
  return offer;
}

export async function mayOnOffer(q: Queryable, actor: Actor, offer: OfferRow, action: Action) {
  return can(actor, action, await offerResource(q, offer));
}
