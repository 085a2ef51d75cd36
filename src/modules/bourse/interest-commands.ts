import { languageOf } from "../../platform/i18n/languages";
import { and, eq, sql } from "drizzle-orm";
import { recordChange } from "../../platform/audit/audit";
import { mailMembers } from "../../platform/auth/member-addresses";
import { type Actor, auditActorOf } from "../../platform/auth/actor";
import { type Db, type Queryable, rowsOf } from "../../platform/db/client";
import { Forbidden, Invalid, NotFound } from "../../platform/errors";
import { enqueueMail } from "../../platform/mail/outbox";
import { authorize, membershipsHolding } from "../../platform/policy";
import {
  checkNewPartnership,
  foreignAuthorityKindLabels,
  writeNewPartnership,
} from "../atlas/index";
import { bourseMails } from "./mails";
import { type RequestRow, loadRequest } from "./request-access";
import { transition } from "../../platform/workflow/transition";
import { canFire, requestWorkflow } from "./request-workflow";
import { authorUrl, countryName, followersOf } from "./request-recipients";
import { bourseInterests, bourseRequests } from "./schema";
import { collectivites } from "../register/index";
import { changing, markChanged } from "../../platform/changes";
import { parseInput } from "../../platform/validation";
import { z } from "zod";
import { frenchOrder } from "../../platform/db/french-order";

/** The collectivités the actor acts for (an agent may belong to several). */
export async function actorCollectivites(q: Queryable, actor: Actor) {
  if (actor.kind !== "user") return [];
  const organisationIds = membershipsHolding(actor, "bourse:interest:express").map(
    (membership) => membership.organisationId,
  );
  if (organisationIds.length === 0) return [];
  return rowsOf<{ id: number; name: string; organisation_id: number }>(
    await q.execute(sql`
      SELECT id, name, organisation_id FROM ${collectivites}
       WHERE organisation_id IN (${sql.join(organisationIds, sql`, `)}) ORDER BY ${frenchOrder("name")}`),
  );
}

/** An interest: in the name of one of the agent's collectivités (the only one goes without saying). */
const interestSchema = (own: readonly { id: number }[]) =>
  z.object({
    collectiviteId: z.preprocess(
      (value) => value || (own.length === 1 ? String(own[0].id) : undefined),
      z.enum(own.map((row) => String(row.id)) as [string, ...string[]], {
        message: "Choisissez la collectivité au nom de laquelle vous répondez.",
      }),
    ),
    message: z
      .string()
      .trim()
      .max(2_000, "Le message est trop long (2 000 caractères au plus).")
      .default(""),
  });

/**
 * A French collectivité says it is interested in a published request. The author gets the
 * collectivité's contact, the embassy and the DAECT are told; from then on both parties
 * see each other's contact details.
 */
export async function expressInterest(
  db: Db,
  actor: Actor,
  requestId: number,
  values: Record<string, string | undefined>,
  publicUrl: string,
) {
  if (actor.kind !== "user") throw new Forbidden();
  const own = await actorCollectivites(db, actor);
  if (own.length === 0) throw new Forbidden();
  const { collectiviteId, message } = parseInput(interestSchema(own), values);
  const collectivite = own.find((row) => String(row.id) === collectiviteId)!;
  authorize(actor, "bourse:interest:express", { organisationId: collectivite.organisation_id });
  return changing(db, "bourse", async (tx) => {
    const [request] = await tx
      .select()
      .from(bourseRequests)
      .where(eq(bourseRequests.id, requestId))
      .for("update");
    if (!request) throw new NotFound("Cette demande de partenariat n'existe pas.");
    if (!canFire(request.status, "expressInterest"))
      throw new Invalid({ demande: requestWorkflow.events.expressInterest.refusal });
    const [interest] = await tx
      .insert(bourseInterests)
      .values({
        requestId,
        collectiviteId: collectivite.id,
        userId: actor.userId,
        contactName: actor.displayName,
        contactEmail: actor.email,
        message,
      })
      .onConflictDoNothing()
      .returning();
    if (!interest)
      throw new Invalid({
        demande: `${collectivite.name} a déjà manifesté son intérêt pour cette demande.`,
      });
    // The interest is not a form on the request: it moves the request as it stands now.
    await transition(tx, requestWorkflow, {
      id: requestId,
      event: "expressInterest",
      by: { actor },
      expectedVersion: request.version,
      audit: { collectiviteId: collectivite.id },
    });
    await enqueueMail(tx, {
      ...bourseMails.interestToAuthor({
        lang: languageOf(request.formLanguage),
        title: request.title,
        collectivite: collectivite.name,
        contactName: actor.displayName,
        contactEmail: actor.email,
        message,
        url: await authorUrl(tx, request, publicUrl),
      }),
      to: request.contactEmail,
      template: "bourse-interest-to-author",
      idempotencyKey: `bourse:interest:${interest.id}:author`,
    });
    await mailMembers(tx, followersOf(request.countryCode), {
      ...bourseMails.interestToFollowers({
        title: request.title,
        collectivite: collectivite.name,
        country: await countryName(tx, request.countryCode),
        url: `${publicUrl}/bourse/demandes/${requestId}`,
      }),
      template: "bourse-interest-to-followers",
      idempotencyKey: `bourse:interest:${interest.id}`,
    });
    await recordChange(tx, auditActorOf(actor), {
      operation: "create",
      entityType: "bourse_interest",
      entityId: interest.id,
      after: { requestId, collectiviteId: collectivite.id },
    });
    return interest;
  });
}

/** The partnership form's starting values for a match: the request's authority and place. */
export function matchFormValues(
  request: Pick<
    RequestRow,
    | "authorityName"
    | "authorityKind"
    | "countryCode"
    | "cityName"
    | "cityId"
    | "latitude"
    | "longitude"
  >,
): Record<string, string> {
  // A city the reference list does not know keeps the point the request was placed at.
  const point = request.cityId === null && request.latitude !== null && request.longitude !== null;
  const decimal = (value: number | null) => (point ? String(value).replace(".", ",") : "");
  return {
    autorite_partenaire: request.authorityName,
    // The partnership form names authority kinds by their French label.
    type_autorite: foreignAuthorityKindLabels[request.authorityKind] ?? request.authorityKind,
    pays: request.countryCode,
    ville: request.cityName,
    latitude: decimal(request.latitude),
    longitude: decimal(request.longitude),
    type_partenariat: "convention",
    date_signature: "",
    statut: "active",
  };
}

/**
 * The parties agree: the partnership is written in the Atlas (from the pre-filled, edited
 * form) and the request marked matched, in one transaction; the author, the embassy and
 * the DAECT are told.
 */
export async function matchRequest(
  db: Db,
  actor: Actor,
  requestId: number,
  collectiviteId: number,
  values: Record<string, string | undefined>,
  publicUrl: string,
) {
  const request = await loadRequest(db, { actor }, requestId, "bourse:request:match");
  const [interest] = await db
    .select({ id: bourseInterests.id })
    .from(bourseInterests)
    .where(
      and(
        eq(bourseInterests.requestId, requestId),
        eq(bourseInterests.collectiviteId, collectiviteId),
      ),
    );
  if (!interest)
    throw new Invalid({
      collectiviteId: "Cette collectivité n'a pas manifesté son intérêt pour la demande.",
    });
  if (!canFire(request.status, "match"))
    throw new Invalid({ demande: requestWorkflow.events.match.refusal });
  const checked = await checkNewPartnership(db, actor, collectiviteId, values);
  return changing(db, "atlas", async (tx) => {
    const locked = await loadRequest(tx, { actor }, requestId, "bourse:request:match", {
      lock: true,
    });
    const { partnershipId } = await writeNewPartnership(tx, actor, checked);
    await markChanged(tx, "bourse");
    await transition(tx, requestWorkflow, {
      id: requestId,
      event: "match",
      by: { actor },
      expectedVersion: locked.version,
      set: () => ({ matchedCollectiviteId: collectiviteId, partnershipId }),
      audit: { partnershipId },
    });
    const [partner] = rowsOf<{ name: string }>(
      await tx.execute(sql`SELECT name FROM ${collectivites} WHERE id = ${collectiviteId}`),
    );
    await enqueueMail(tx, {
      ...bourseMails.matchedToAuthor({
        lang: languageOf(locked.formLanguage),
        title: locked.title,
        collectivite: partner.name,
        url: await authorUrl(tx, locked, publicUrl),
      }),
      to: locked.contactEmail,
      template: "bourse-matched-to-author",
      idempotencyKey: `bourse:request:${requestId}:matched:author`,
    });
    await mailMembers(tx, followersOf(locked.countryCode), {
      ...bourseMails.matchedToFollowers({
        title: locked.title,
        collectivite: partner.name,
        country: await countryName(tx, locked.countryCode),
        url: `${publicUrl}/bourse/demandes/${requestId}`,
      }),
      template: "bourse-matched-to-followers",
      idempotencyKey: `bourse:request:${requestId}:matched`,
    });
    return { partnershipId };
  });
}
