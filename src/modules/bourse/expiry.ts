import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { recordChange, systemActor } from "../../platform/audit/audit";
import type { Db, Tx } from "../../platform/db/client";
import { longDate } from "../../platform/french-format";
import { enqueueMail } from "../../platform/mail/outbox";
import { EXPIRY_REMINDER_DAYS } from "./codes";
import { authorLanguage, bourseMails } from "./mails";
import { authorUrl } from "./request-recipients";
import { bourseOffers, bourseRequests } from "./schema";

/** The journal line of each publication closed at the end of its twelve months. */
async function recordExpiries(tx: Tx, entityType: string, closed: { id: number }[]) {
  for (const { id } of closed)
    await recordChange(tx, systemActor, {
      operation: "update",
      entityType,
      entityId: id,
      after: { status: "closed", reason: "expiry" },
    });
}

const livePublication = inArray(bourseRequests.status, ["published", "in_contact"]);

/**
 * The daily run over published requests: one reminder to the author a month before the
 * end (marked on the request in the same transaction, so sent once), and closing those
 * whose twelve months have passed. A renewal clears the mark and moves the end. Published
 * offers end the same way, after their twelve months.
 */
export async function runRequestExpiry(db: Db, publicUrl: string, now = new Date()) {
  const remindBefore = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * 86_400_000);
  let reminded = 0;
  let expired = 0;
  let expiredOffers = 0;
  await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(bourseRequests)
      .where(
        and(
          livePublication,
          isNull(bourseRequests.expiryRemindedAt),
          lte(bourseRequests.expiresAt, remindBefore),
        ),
      )
      .for("update", { skipLocked: true });
    for (const request of due) {
      if (!request.expiresAt || request.expiresAt <= now) continue;
      await tx
        .update(bourseRequests)
        .set({ expiryRemindedAt: now })
        .where(eq(bourseRequests.id, request.id));
      const lang = authorLanguage(request.formLanguage);
      await enqueueMail(tx, {
        ...bourseMails.expiryReminder({
          lang,
          title: request.title,
          expiresOn: longDate(request.expiresAt, lang),
          url: await authorUrl(tx, request, publicUrl),
        }),
        to: request.contactEmail,
        template: "bourse-expiry-reminder",
        idempotencyKey: `bourse:request:${request.id}:expiry-reminder:${request.expiresAt.toISOString()}`,
      });
      reminded += 1;
    }
    const ended = await tx
      .update(bourseRequests)
      .set({
        status: "closed",
        closedAt: now,
        closedReason: "Expirée après douze mois de publication",
        version: sql`${bourseRequests.version} + 1`,
        updatedAt: now,
      })
      .where(and(livePublication, lte(bourseRequests.expiresAt, now)))
      .returning({ id: bourseRequests.id });
    await recordExpiries(tx, "bourse_request", ended);
    expired = ended.length;
    const endedOffers = await tx
      .update(bourseOffers)
      .set({
        status: "closed",
        closedAt: now,
        version: sql`${bourseOffers.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(bourseOffers.status, "published"), lte(bourseOffers.expiresAt, now)))
      .returning({ id: bourseOffers.id });
    await recordExpiries(tx, "bourse_offer", endedOffers);
    expiredOffers = endedOffers.length;
  });
  return { reminded, expired, expiredOffers };
}
