import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { readStoredFile } from "../../platform/files/stored-files";
import type { Actor } from "../../platform/auth/actor";
import { type Queryable, rowsOf } from "../../platform/db/client";
import { NotFound } from "../../platform/errors";
import { can, membershipsHolding } from "../../platform/policy";
import { actorCollectivites } from "./interest-commands";
import {
  type RequestActor,
  type RequestRow,
  requestOfAuthorLink,
  requestResource,
} from "./request-access";
import { isEditable } from "../../platform/workflow/define";
import { recordHistory } from "../../platform/workflow/history";
import { canFire, isPublicStatus, requestWorkflow } from "./request-workflow";
import { countryName } from "./request-recipients";
import { bourseAttachments, bourseRequests } from "./schema";
import { collectivites } from "../register/index";

/** While a request looks for its partner, suggestions help find one. */
const SUGGESTED_STATUSES = ["submitted", "under_review", "published", "in_contact"] as const;

/**
 * A request as its reader may see it: everybody sees a published one without contact;
 * its author, the embassy of its country, the DAECT and the collectivités that answered
 * see the contact, the attachments and the answers; each sees the actions open to them.
 */
export async function requestView(q: Queryable, who: RequestActor, requestId: number) {
  let request: RequestRow;
  let resource: Awaited<ReturnType<typeof requestResource>> | null = null;
  const actor: Actor = "actor" in who ? who.actor : { kind: "visitor" };
  if ("authorToken" in who) {
    request = await requestOfAuthorLink(q, who.authorToken);
    if (request.id !== requestId) throw new NotFound("Cette demande de partenariat n'existe pas.");
  } else {
    const [found] = await q.select().from(bourseRequests).where(eq(bourseRequests.id, requestId));
    if (!found) throw new NotFound("Cette demande de partenariat n'existe pas.");
    request = found;
    resource = await requestResource(q, request);
  }
  const isAuthor =
    "authorToken" in who || (resource !== null && can(actor, "bourse:request:write", resource));
  const mayContact =
    isAuthor || (resource !== null && can(actor, "bourse:request:contact", resource));
  const mayTriage = resource !== null && can(actor, "bourse:request:triage", resource);
  if (!isPublicStatus(request.status) && !isAuthor && !mayTriage)
    throw new NotFound("Cette demande de partenariat n'existe pas ou n'est pas publiée.");

  const own = await actorCollectivites(q, actor);
  const interests = rowsOf<{
    id: number;
    collectivite_id: number;
    organisation_id: number | null;
    collectivite: string;
    contact_name: string;
    contact_email: string;
    message: string;
    created_at: string;
  }>(
    await q.execute(sql`
      SELECT i.id, i.collectivite_id, c.organisation_id, c.name AS collectivite, i.contact_name, i.contact_email,
             i.message, i.created_at
        FROM bourse_interests i JOIN ${collectivites} c ON c.id = i.collectivite_id
       WHERE i.request_id = ${request.id} ORDER BY i.created_at`),
  );
  const answeredBy = new Set(interests.map((interest) => interest.collectivite_id));
  const attachments = mayContact
    ? await q
        .select({
          id: bourseAttachments.id,
          fileName: bourseAttachments.fileName,
          mediaType: bourseAttachments.mediaType,
          byteSize: bourseAttachments.byteSize,
        })
        .from(bourseAttachments)
        .where(eq(bourseAttachments.requestId, request.id))
    : [];
  // Who triaged (a State agent's name and address), the search vector and the reminder
  // bookkeeping are never sent to a page: the page shows none of them.
  const {
    contactName,
    contactFunction,
    contactEmail,
    contactPhone,
    triagedByLabel: _triagedBy,
    search: _search,
    expiryRemindedAt: _reminded,
    emailVerifiedAt: _verified,
    ...open
  } = request;
  const mayMatch = resource !== null && can(actor, "bourse:request:match", resource);
  const matchedWith = request.matchedCollectiviteId
    ? (rowsOf<{ id: number; name: string }>(
        await q.execute(
          sql`SELECT id, name FROM ${collectivites} WHERE id = ${request.matchedCollectiviteId}`,
        ),
      )[0] ?? null)
    : null;
  return {
    request: {
      ...open,
      country: await countryName(q, request.countryCode),
      // Triage notes are for the author and the triagers.
      infoRequest: isAuthor || mayTriage ? request.infoRequest : "",
      declineReason: isAuthor || mayTriage ? request.declineReason : "",
    },
    contact: mayContact ? { contactName, contactFunction, contactEmail, contactPhone } : null,
    attachments,
    /** The French collectivité with which the request became an Atlas partnership. */
    matchedWith,
    interests: mayContact
      ? interests.filter(
          (interest) =>
            isAuthor || mayTriage || own.some((mine) => mine.id === interest.collectivite_id),
        )
      : [],
    interestCount: interests.length,
    history: isAuthor || mayTriage ? await recordHistory(q, requestWorkflow, request.id) : [],
    abilities: {
      author: isAuthor,
      edit: isAuthor && isEditable(requestWorkflow, request.status),
      submit: isAuthor && canFire(request.status, "submit"),
      resubmit: isAuthor && canFire(request.status, "resubmit"),
      renew: isAuthor && canFire(request.status, "renew"),
      close: isAuthor && canFire(request.status, "close"),
      triage:
        mayTriage && (canFire(request.status, "publish") || canFire(request.status, "decline")),
      /** The French collectivités likely to answer, for those who may reach out to them. */
      suggestions:
        (isAuthor || mayTriage) &&
        (SUGGESTED_STATUSES as readonly string[]).includes(request.status),
      /** The collectivités in whose name the reader may still answer. */
      interestFor: canFire(request.status, "expressInterest")
        ? own
            .filter((mine) => !answeredBy.has(mine.id))
            .map((mine) => ({ id: mine.id, name: mine.name }))
        : [],
      /** The answering collectivités with which the reader may record the partnership. */
      matchWith:
        mayMatch && canFire(request.status, "match")
          ? interests
              .filter((interest) =>
                can(actor, "atlas:partnership:create", {
                  organisationId: interest.organisation_id ?? -1,
                }),
              )
              .map((interest) => ({ id: interest.collectivite_id, name: interest.collectivite }))
          : [],
    },
  };
}

/** An attachment's bytes for those who see the request's contact details (or its author). */
export async function requestAttachment(
  q: Queryable,
  who: RequestActor,
  requestId: number,
  attachmentId: number,
) {
  const view = await requestView(q, who, requestId);
  if (!view.contact) throw new NotFound("Cette pièce jointe n'existe pas.");
  const [attachment] = await q
    .select()
    .from(bourseAttachments)
    .where(and(eq(bourseAttachments.id, attachmentId), eq(bourseAttachments.requestId, requestId)));
  if (!attachment) throw new NotFound("Cette pièce jointe n'existe pas.");
  const file = await readStoredFile(q, attachment.storageKey);
  if (!file) throw new NotFound("Cette pièce jointe n'existe pas.");
  return { fileName: attachment.fileName, mediaType: file.mediaType, content: file.content };
}

/**
 * The requests of the foreign authorities the reader files for ("Mes demandes"), in every
 * state, the latest changed first; none for a reader who files for none.
 */
export async function authoredRequests(q: Queryable, actor: Actor) {
  const authorities = membershipsHolding(actor, "bourse:request:author").map(
    (membership) => membership.organisationId,
  );
  if (authorities.length === 0) return [];
  return q
    .select({
      id: bourseRequests.id,
      title: bourseRequests.title,
      status: bourseRequests.status,
      updatedAt: bourseRequests.updatedAt,
      expiresAt: bourseRequests.expiresAt,
    })
    .from(bourseRequests)
    .where(inArray(bourseRequests.authorOrganisationId, authorities))
    .orderBy(desc(bourseRequests.updatedAt), desc(bourseRequests.id));
}
