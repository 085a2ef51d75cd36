import { and, eq, gt, sql } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor";
import { hashToken } from "../../platform/auth/tokens";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { NotFound } from "../../platform/errors";
import { type Action, type Resource, authorize, can } from "../../platform/policy";
import { bourseAuthorLinks, bourseRequests } from "./schema";
import { collectivites } from "../register/index";

export type RequestRow = typeof bourseRequests.$inferSelect;

/** The request as the policy sees it: its author, its country, the collectivités answering. */
export async function requestResource(q: Queryable, request: RequestRow): Promise<Resource> {
  const interested = rowsOf<{ organisation_id: number }>(
    await q.execute(sql`
      SELECT c.organisation_id FROM bourse_interests i
        JOIN ${collectivites} c ON c.id = i.collectivite_id
       WHERE i.request_id = ${request.id} AND c.organisation_id IS NOT NULL`),
  );
  return {
    organisationId: request.authorOrganisationId ?? -1,
    countryCodes: [request.countryCode],
    organisationIds: interested.map((row) => row.organisation_id),
  };
}

/**
 * Who is acting on a request: a signed-in person (checked by the policy) or the author
 * without an account, holding a private link mailed to its address.
 */
export type RequestActor = { actor: Actor } | { authorToken: string };

async function findRequest(q: Queryable, requestId: number, lock: boolean) {
  const query = q.select().from(bourseRequests).where(eq(bourseRequests.id, requestId));
  const [request] = lock ? await query.for("update") : await query;
  if (!request) throw new NotFound("Cette demande de partenariat n'existe pas.");
  return request;
}

/** The request an author link opens, or NotFound: an unknown link says nothing more. */
export async function requestOfAuthorLink(q: Queryable, token: string, lock = false) {
  const [link] = await q
    .select({ requestId: bourseAuthorLinks.requestId })
    .from(bourseAuthorLinks)
    .where(
      and(
        eq(bourseAuthorLinks.tokenHash, hashToken(token)),
        gt(bourseAuthorLinks.expiresAt, new Date()),
      ),
    );
  if (!link)
    throw new NotFound(
      "Ce lien de suivi n'est plus valable (expiré ou remplacé par un lien plus récent) : utilisez le dernier lien reçu par courriel, ou demandez-en un nouveau sur /bourse/suivi.",
    );
  return findRequest(q, link.requestId, lock);
}

/**
 * Loads a request for an action. The author's private link stands for "bourse:request:write"
 * on that request only; everything else is the policy's decision.
 */
export async function loadRequest(
  q: Queryable,
  who: RequestActor,
  requestId: number,
  action: Action,
  options: { lock?: boolean } = {},
) {
  if ("authorToken" in who) {
    const request = await requestOfAuthorLink(q, who.authorToken, options.lock);
    if (request.id !== requestId || action !== "bourse:request:write")
      throw new NotFound("Cette demande de partenariat n'existe pas.");
    return request;
  }
  const request = await findRequest(q, requestId, options.lock ?? false);
  authorize(who.actor, action, await requestResource(q, request));
  return request;
}

/** Whether a signed-in actor may do `action` on the request (to show the right buttons). */
export async function mayOnRequest(
  q: Queryable,
  actor: Actor,
  request: RequestRow,
  action: Action,
) {
  return can(actor, action, await requestResource(q, request));
}
