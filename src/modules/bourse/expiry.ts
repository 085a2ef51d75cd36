import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { Conflict, Invalid } from "../../platform/errors";
import { longDate } from "../../platform/french-format";
import { enqueueMail } from "../../platform/mail/outbox";
import type { Workflow, WorkflowRow } from "../../platform/workflow/define";
import { transition } from "../../platform/workflow/transition";
import { EXPIRY_REMINDER_DAYS } from "./codes";
import { authorLanguage, bourseMails } from "./mails";
import { authorUrl } from "./request-recipients";
import { offerWorkflow } from "./offer-workflow";
import { requestWorkflow } from "./request-workflow";
import { bourseOffers, bourseRequests } from "./schema";

const livePublication = inArray(bourseRequests.status, ["published", "in_contact"]);

/**
 * The daily run over published requests: one reminder to the author a month before the
 * end (marked on the request in the same transaction, so sent once), and closing those
 * whose twelve months have passed. A renewal clears the mark and moves the end. Published
 * offers end the same way, after their twelve months.
 */
/** Fires `expire` on one record; false when it moved since it was listed. */
async function expire<Row extends WorkflowRow<S>, S extends string, E extends string>(
  db: Db,
  workflow: Workflow<Row, S, E>,
  record: { id: number; version: number },
  now: Date,
  columns: Record<string, unknown>,
) {
  try {
    await db.transaction((tx) =>
      transition(tx, workflow, {
        id: record.id,
        event: "expire" as E,
        by: { system: "expiry" },
        expectedVersion: record.version,
        reason: "Fin des douze mois de publication",
        set: () => columns,
        now,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Conflict || error instanceof Invalid) return false;
    throw error;
  }
}

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
  });
  // Each end is the workflow's `expire` event, one record at a time: its own transaction,
  // event row and journal line; a record renewed meanwhile is left alone.
  const endedRequests = await db
    .select({ id: bourseRequests.id, version: bourseRequests.version })
    .from(bourseRequests)
    .where(and(livePublication, lte(bourseRequests.expiresAt, now)));
  for (const request of endedRequests)
    if (
      await expire(db, requestWorkflow, request, now, {
        closedAt: now,
        closedReason: "Expirée après douze mois de publication",
      })
    )
      expired += 1;
  const endedOffers = await db
    .select({ id: bourseOffers.id, version: bourseOffers.version })
    .from(bourseOffers)
    .where(and(eq(bourseOffers.status, "published"), lte(bourseOffers.expiresAt, now)));
  for (const offer of endedOffers)
    if (await expire(db, offerWorkflow, offer, now, { closedAt: now })) expiredOffers += 1;
  return { reminded, expired, expiredOffers };
}
