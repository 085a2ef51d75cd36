import { and, eq, inArray, isNotNull, lt, ne, or } from "drizzle-orm";
import { passwordResetTokens } from "./auth/schema";
import { purgeResumableSubmissions } from "./auth/resumable-submissions";
import { purgeEndedSessions } from "./auth/sessions";
import { purgeOldAttempts } from "./auth/throttle";
import type { Db } from "./db/client";
import { mailAttachments, mailOutbox } from "./mail/schema";

/** A delivered mail's body is kept this long (to answer "did it leave?"), then emptied. */
export const DELIVERED_MAIL_BODY_DAYS = 30;
export const ERASED_MAIL_BODY = "(contenu effacé 30 jours après l'envoi)";

/**
 * The platform's periodic purge: ended sessions, forms kept for an author signing in again,
 * used or expired reset links, attempts no limit looks at any more, and the bodies (and
 * attachments) of mails delivered long ago.
 * Modules add their own (invitations, Bourse follow links) beside it in the same job.
 */
export async function purgePlatform(db: Db, sessionIdleMs: number, now = new Date()) {
  const sessions = await purgeEndedSessions(db, sessionIdleMs, now);
  const submissions = await purgeResumableSubmissions(db, now);
  const resetLinks = (
    await db
      .delete(passwordResetTokens)
      .where(or(isNotNull(passwordResetTokens.usedAt), lt(passwordResetTokens.expiresAt, now)))
      .returning({ tokenHash: passwordResetTokens.tokenHash })
  ).length;
  const attempts = await purgeOldAttempts(db, now);
  const before = new Date(now.getTime() - DELIVERED_MAIL_BODY_DAYS * 24 * 3600 * 1000);
  const erased = await db
    .update(mailOutbox)
    .set({ bodyText: ERASED_MAIL_BODY, bodyHtml: ERASED_MAIL_BODY, sealedSecrets: null })
    .where(
      and(
        eq(mailOutbox.status, "sent"),
        lt(mailOutbox.sentAt, before),
        // Not yet erased: a repeated run changes nothing.
        ne(mailOutbox.bodyText, ERASED_MAIL_BODY),
      ),
    )
    .returning({ id: mailOutbox.id });
  if (erased.length > 0)
    await db.delete(mailAttachments).where(
      inArray(
        mailAttachments.mailId,
        erased.map((mail) => mail.id),
      ),
    );
  return { sessions, submissions, resetLinks, attempts, mailBodies: erased.length };
}
