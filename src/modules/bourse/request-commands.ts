import { languageOf } from "../../platform/i18n/languages";
import { changing } from "../../platform/changes";
import { eq, sql } from "drizzle-orm";
import { type AuditActor, recordChange } from "../../platform/audit/audit";
import { type Actor, auditActorOf } from "../../platform/auth/actor";
import { type Db, type Tx, rowsOf } from "../../platform/db/client";
import { Forbidden, Invalid, NotFound } from "../../platform/errors";
import { checkUpload, storeFile } from "../../platform/files/stored-files";
import { enqueueMail } from "../../platform/mail/outbox";
import { can, membershipsHolding } from "../../platform/policy";
import { type Initiator, isEditable } from "../../platform/workflow/define";
import { transition } from "../../platform/workflow/transition";
import { assertVersion } from "../../platform/workflow/versions";
import { PUBLICATION_MONTHS } from "./codes";
import { allowPublicRequest } from "./follow-links";
import { bourseMails } from "./mails";
import {
  type RequestActor,
  type RequestRow,
  loadRequest,
  requestOfAuthorLink,
} from "./request-access";
import { checkRequest, requestColumns } from "./request-input";
import { authorUrl } from "./request-recipients";
import { expiryAfter, requestWorkflow } from "./request-workflow";
import { bourseAttachments, bourseRequests } from "./schema";
import { foreignAuthorities } from "../register/index";
import { countOf } from "../../platform/french/counts";

export interface Upload {
  name: string;
  content: Buffer;
}

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const AUTHOR_LABEL = "Auteur de la demande";

const auditOf = (who: RequestActor): AuditActor =>
  "actor" in who ? auditActorOf(who.actor) : { userId: null, label: AUTHOR_LABEL };

/**
 * The initiator of a workflow event: a signed-in person, or the author without an account
 * whose private link opens this request (it stands for writing this request only).
 */
async function initiatorOf(tx: Tx, who: RequestActor, requestId: number): Promise<Initiator> {
  if ("actor" in who) return { actor: who.actor };
  const request = await requestOfAuthorLink(tx, who.authorToken);
  if (request.id !== requestId) throw new NotFound(requestWorkflow.notFound);
  return { link: AUTHOR_LABEL, grants: ["bourse:request:write"] };
}

async function storeAttachments(
  tx: Tx,
  requestId: number,
  uploads: Awaited<ReturnType<typeof checkUpload>>[],
) {
  for (const upload of uploads) {
    const storageKey = await storeFile(tx, upload);
    await tx.insert(bourseAttachments).values({
      requestId,
      fileName: upload.fileName,
      mediaType: upload.mediaType,
      byteSize: upload.content.length,
      storageKey,
    });
  }
}

async function checkUploads(uploads: Upload[], already: number) {
  const files = uploads.filter((upload) => upload.content.length > 0 || upload.name !== "");
  if (files.length + already > MAX_ATTACHMENTS)
    throw new Invalid({
      pieces: `Joignez ${MAX_ATTACHMENTS} fichiers au plus (${countOf(already, "déjà joint", "déjà joints", "m")}).`,
    });
  const checked = [];
  for (const file of files) checked.push(await checkUpload("pieces", file, MAX_ATTACHMENT_BYTES));
  return checked;
}

/**
 * A new request. From a signed-in foreign authority it is that authority's, in its country,
 * and sent at once; from the DAECT, a draft; from the public form, a draft whose author
 * confirms the address by the mailed link, which sends it. Nothing is stored if a field or
 * a file is wrong.
 */
export async function createRequest(
  db: Db,
  actor: Actor,
  values: Record<string, string | string[] | undefined>,
  uploads: Upload[],
  publicUrl: string,
  formLanguage = "fr",
  /** The client filing the public form, for its mailing limits (platform/auth/throttle). */
  clientAddress?: string,
) {
  // A foreign authority files in its own name and country; the DAECT may file for one.
  const author = membershipsHolding(actor, "bourse:request:author")[0];
  if (actor.kind === "user" && !author && !can(actor, "bourse:request:write"))
    throw new Forbidden();
  if (author) values = { ...values, countryCode: author.countryCode ?? "" };
  const input = await checkRequest(db, values, languageOf(formLanguage));
  const uploads_ = await checkUploads(uploads, 0);
  if (actor.kind !== "user" && clientAddress)
    await allowPublicRequest(db, input.contactEmail, clientAddress, languageOf(formLanguage));
  return changing(db, "bourse", async (tx) => {
    const [authority] = author
      ? rowsOf<{ id: number }>(
          await tx.execute(
            sql`SELECT id FROM ${foreignAuthorities} WHERE organisation_id = ${author.organisationId} LIMIT 1`,
          ),
        )
      : [];
    const [request] = await tx
      .insert(bourseRequests)
      .values({
        ...requestColumns(input),
        authorOrganisationId: author?.organisationId ?? null,
        foreignAuthorityId: authority?.id ?? null,
        formLanguage: languageOf(formLanguage),
        // A signed-in author's address is the account's; the public form's is checked.
        emailVerifiedAt: actor.kind === "user" ? new Date() : null,
      })
      .returning();
    await storeAttachments(tx, request.id, uploads_);
    await recordChange(tx, auditOf({ actor }), {
      operation: "create",
      entityType: "bourse_request",
      entityId: request.id,
      after: { title: request.title, status: request.status },
    });
    // A foreign authority's own request leaves at once: its address is its account's, and
    // "sending" is what it came to do. The DAECT filing for one keeps a draft to check.
    if (author)
      return {
        request: await send(tx, { actor }, request.id, request.version, "submit", publicUrl),
        followUrl: null,
      };
    if (actor.kind === "user") return { request, followUrl: null };
    const url = await authorUrl(tx, request, publicUrl);
    await enqueueMail(tx, {
      ...bourseMails.confirmAddress({ lang: languageOf(request.formLanguage), url }),
      to: request.contactEmail,
      template: "bourse-confirm-address",
      idempotencyKey: `bourse:request:${request.id}:confirm-address`,
    });
    return { request, followUrl: url };
  });
}

/** Sends a draft (a signed-in author's) to the embassy and the DAECT. */
export async function submitRequest(
  db: Db,
  who: RequestActor,
  requestId: number,
  version: string | undefined,
  publicUrl: string,
) {
  return changing(db, "bourse", async (tx) =>
    send(tx, who, requestId, version, "submit", publicUrl),
  );
}

async function send(
  tx: Tx,
  who: RequestActor,
  requestId: number,
  version: unknown,
  event: "submit" | "resubmit",
  publicUrl: string,
) {
  const { after } = await transition(tx, requestWorkflow, {
    id: requestId,
    event,
    by: await initiatorOf(tx, who, requestId),
    expectedVersion: version,
    publicUrl,
    set: (request, now) => ({
      submittedAt: request.submittedAt ?? now,
      emailVerifiedAt: request.emailVerifiedAt ?? now,
    }),
  });
  return after;
}

/**
 * The author without an account opens its private link: the first time, that confirms
 * the address and sends the request; afterwards it only opens the request.
 */
export async function openAuthorLink(db: Db, token: string) {
  const request = await requestOfAuthorLink(db, token);
  return { request, awaitsConfirmation: awaitsConfirmation(request) };
}

const awaitsConfirmation = (request: RequestRow) =>
  request.status === "draft" && request.emailVerifiedAt === null;

/**
 * The author confirms its address with the button of the private page (a POST: mail
 * scanners that open links do not confirm anything), which sends the request.
 */
export async function confirmAuthorLink(db: Db, token: string, publicUrl: string) {
  return changing(db, "bourse", async (tx) => {
    const request = await requestOfAuthorLink(tx, token, true);
    if (!awaitsConfirmation(request))
      throw new Invalid({ intent: "Cette demande est déjà confirmée et transmise." });
    return send(tx, { authorToken: token }, request.id, request.version, "submit", publicUrl);
  });
}

/** The author corrects its request while it is a draft or waits for a complement. */
export async function updateRequest(
  db: Db,
  who: RequestActor,
  requestId: number,
  values: Record<string, string | string[] | undefined>,
  uploads: Upload[],
) {
  return changing(db, "bourse", async (tx) => {
    const request = await loadRequest(tx, who, requestId, "bourse:request:write", { lock: true });
    assertVersion(request, values.version, requestWorkflow.staleMessage);
    if (!isEditable(requestWorkflow, request.status))
      throw new Invalid({ demande: requestWorkflow.lockedMessage });
    const fixedCountry =
      request.authorOrganisationId !== null ? { countryCode: request.countryCode } : {};
    const input = await checkRequest(
      tx,
      { ...values, ...fixedCountry },
      languageOf(request.formLanguage),
    );
    const [{ count }] = rowsOf<{ count: number }>(
      await tx.execute(
        sql`SELECT count(*)::int AS count FROM bourse_attachments WHERE request_id = ${requestId}`,
      ),
    );
    const checked = await checkUploads(uploads, count);
    const [updated] = await tx
      .update(bourseRequests)
      .set({ ...requestColumns(input), version: request.version + 1, updatedAt: new Date() })
      .where(eq(bourseRequests.id, requestId))
      .returning();
    await storeAttachments(tx, requestId, checked);
    await recordChange(tx, auditOf(who), {
      operation: "update",
      entityType: "bourse_request",
      entityId: requestId,
      before: { title: request.title, description: request.description },
      after: { title: updated.title, description: updated.description },
    });
    return updated;
  });
}

/** The author sends the completed request back to the embassy and the DAECT. */
export async function resubmitRequest(
  db: Db,
  who: RequestActor,
  requestId: number,
  version: string | undefined,
  publicUrl: string,
) {
  return changing(db, "bourse", async (tx) =>
    send(tx, who, requestId, version, "resubmit", publicUrl),
  );
}

/**
 * The embassy of the country or the DAECT decides on a sent request: publish it for twelve
 * months, ask its author for a complement, or decline it with a reason. The author is mailed.
 */
export async function triageRequest(
  db: Db,
  actor: Actor,
  requestId: number,
  values: Record<string, string | undefined>,
  publicUrl: string,
) {
  const decision = values.decision;
  const message = (values.message ?? "").trim();
  if (decision !== "publish" && decision !== "information" && decision !== "decline")
    throw new Invalid({
      decision: "Choisissez une décision : publier, demander un complément ou refuser.",
    });
  if (decision !== "publish" && message.length === 0)
    throw new Invalid({
      message:
        decision === "information"
          ? "Indiquez le complément attendu : il est envoyé à l'auteur."
          : "Indiquez le motif du refus : il est envoyé à l'auteur.",
    });
  if (message.length > 3_000)
    throw new Invalid({ message: "Le message est trop long (3 000 caractères au plus)." });
  const event =
    decision === "publish" ? "publish" : decision === "information" ? "askInformation" : "decline";
  return changing(db, "bourse", async (tx) => {
    const { after } = await transition(tx, requestWorkflow, {
      id: requestId,
      event,
      by: { actor },
      expectedVersion: values.version,
      reason: message,
      publicUrl,
      set: (request, now) => ({
        triagedByLabel: auditActorOf(actor).label,
        infoRequest: decision === "information" ? message : request.infoRequest,
        declineReason: decision === "decline" ? message : "",
        publishedAt: decision === "publish" ? now : request.publishedAt,
        expiresAt:
          decision === "publish" ? expiryAfter(now, PUBLICATION_MONTHS) : request.expiresAt,
      }),
    });
    return after;
  });
}

/** The author (or the DAECT) prolongs a published request by twelve months from its end. */
export async function renewRequest(db: Db, who: RequestActor, requestId: number, version: unknown) {
  return changing(db, "bourse", async (tx) => {
    const { after } = await transition(tx, requestWorkflow, {
      id: requestId,
      event: "renew",
      by: await initiatorOf(tx, who, requestId),
      expectedVersion: version,
      set: (request, now) => ({
        expiresAt: expiryAfter(
          request.expiresAt && request.expiresAt > now ? request.expiresAt : now,
          PUBLICATION_MONTHS,
        ),
        expiryRemindedAt: null,
      }),
      audit: { renewed: true },
    });
    return after;
  });
}

/** The author (or the DAECT) withdraws the request. */
export async function closeRequest(
  db: Db,
  who: RequestActor,
  requestId: number,
  version: unknown,
  reason: string,
) {
  const motive = reason.trim().slice(0, 500) || "Retirée par son auteur";
  return changing(db, "bourse", async (tx) => {
    const { after } = await transition(tx, requestWorkflow, {
      id: requestId,
      event: "close",
      by: await initiatorOf(tx, who, requestId),
      expectedVersion: version,
      reason: motive,
      set: (_request, now) => ({ closedAt: now, closedReason: motive }),
    });
    return after;
  });
}
