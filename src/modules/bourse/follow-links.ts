import { type PageLanguage, languageOf } from "../../platform/i18n/languages";
import { fieldMessages } from "../../platform/i18n/field-messages";
import { portalTexts } from "../../platform/i18n/portal-texts";
import { bourseTexts } from "./texts/index";
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import { type Attempt, withinQuota } from "../../platform/auth/throttle";
import type { Db } from "../../platform/db/client";
import { TooManyRequests } from "../../platform/errors";
import { enqueueMail } from "../../platform/mail/outbox";
import { emailField, parseInput } from "../../platform/validation";
import { z } from "zod";
import { bourseMails } from "./mails";
import { authorUrl } from "./request-recipients";
import { bourseAuthorLinks, bourseRequests } from "./schema";

/**
 * The public form and the "new link" form mail an address typed by anybody: each is limited
 * per address and per client, so that nobody can use the portal to flood a mailbox.
 */
const PUBLIC_REQUEST_QUOTA = { windowMs: 24 * 60 * 60 * 1000, perSubject: 3, perClient: 10 };
const NEW_LINK_QUOTA = { windowMs: 60 * 60 * 1000, perSubject: 3, perClient: 10 };

async function allowOrRefuse(
  db: Db,
  attempt: Attempt,
  quota: typeof NEW_LINK_QUOTA,
  lang: PageLanguage,
) {
  if (!(await withinQuota(db, attempt, quota))) {
    const message = bourseTexts(lang)("errors.tooMany");
    throw new TooManyRequests(message, { contactEmail: message });
  }
}

/** Counts a request filed through the public form by this client for this address. */
export async function allowPublicRequest(
  db: Db,
  contactEmail: string,
  clientAddress: string,
  lang: PageLanguage,
) {
  const subject = contactEmail.trim().toLowerCase();
  await allowOrRefuse(
    db,
    { action: "bourse-public-request", subject, clientAddress },
    PUBLIC_REQUEST_QUOTA,
    lang,
  );
}

const newLinkSchema = (lang: PageLanguage) =>
  z.object({
    contactEmail: emailField(bourseTexts(lang)("fields.contactEmail.subject"), fieldMessages(lang)),
  });

/**
 * Mails a new private link for each open request filed without an account from this address
 * (an unconfirmed one gets the confirmation mail again). The answer is the same whether or
 * not the address filed anything.
 */
export async function mailNewFollowLinks(
  db: Db,
  input: unknown,
  clientAddress: string,
  publicUrl: string,
  lang: PageLanguage = "fr",
) {
  const { contactEmail } = parseInput(
    newLinkSchema(lang),
    input,
    portalTexts(lang)("form.invalid"),
  );
  await allowOrRefuse(
    db,
    { action: "bourse-new-link", subject: contactEmail, clientAddress },
    NEW_LINK_QUOTA,
    lang,
  );
  await db.transaction(async (tx) => {
    const requests = await tx
      .select()
      .from(bourseRequests)
      .where(
        and(
          eq(bourseRequests.contactEmail, contactEmail),
          isNull(bourseRequests.authorOrganisationId),
          inArray(bourseRequests.status, [
            "draft",
            "submitted",
            "under_review",
            "published",
            "in_contact",
          ]),
        ),
      );
    for (const request of requests) {
      const url = await authorUrl(tx, request, publicUrl);
      const lang = languageOf(request.formLanguage);
      await enqueueMail(tx, {
        ...(request.emailVerifiedAt
          ? bourseMails.newFollowLink({ lang, title: request.title, url })
          : bourseMails.confirmAddress({ lang, url })),
        to: request.contactEmail,
        template: request.emailVerifiedAt ? "bourse-new-follow-link" : "bourse-confirm-address",
        idempotencyKey: `bourse:request:${request.id}:new-link:${Date.now()}`,
      });
    }
  });
}

/** Follow links past their month: they open nothing, removed. */
export async function purgeExpiredFollowLinks(db: Db, now = new Date()) {
  const removed = await db
    .delete(bourseAuthorLinks)
    .where(lt(bourseAuthorLinks.expiresAt, now))
    .returning({ requestId: bourseAuthorLinks.requestId });
  return removed.length;
}
