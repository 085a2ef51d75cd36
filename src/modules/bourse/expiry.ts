import { languageOf } from "../../platform/i18n/languages";
import { markChanged } from "../../platform/changes";
import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/client";
import { type DeadlineRule, type Due, runDeadlines } from "../../platform/deadlines/scheduler";
import { Conflict, Invalid } from "../../platform/errors";
import { longDate } from "../../platform/french-format";
import { enqueueMail } from "../../platform/mail/outbox";
import type { Workflow, WorkflowRow } from "../../platform/workflow/define";
import { transition } from "../../platform/workflow/transition";
import { EXPIRY_REMINDER_DAYS } from "./codes";
import { bourseMails } from "./mails";
import { offerWorkflow } from "./offer-workflow";
import { authorUrl } from "./request-recipients";
import { requestWorkflow } from "./request-workflow";
import { bourseOffers, bourseRequests } from "./schema";

const livePublication = inArray(bourseRequests.status, ["published", "in_contact"]);

/** A publication whose end has come; its end date names the occurrence (a renewal moves it). */
interface Ending extends Due {
  version: number;
}

const endingOf = (row: { id: number; version: number; expiresAt: Date | null }): Ending => ({
  recordId: row.id,
  occurrence: row.expiresAt?.toISOString() ?? "",
  version: row.version,
});

/**
 * Fires `expire` on one record. A record renewed or closed since it was listed is left
 * alone: its end moved, so the new end is another occurrence.
 */
async function expire<Row extends WorkflowRow<S>, S extends string, E extends string>(
  tx: Tx,
  workflow: Workflow<Row, S, E>,
  ending: Ending,
  now: Date,
  columns: Record<string, unknown>,
) {
  try {
    // transition() checks everything before it writes: a refusal leaves the transaction clean.
    await transition(tx, workflow, {
      id: ending.recordId,
      event: "expire" as E,
      by: { system: "expiry" },
      expectedVersion: ending.version,
      reason: "Fin des douze mois de publication",
      set: () => columns,
      now,
    });
    // An expired request or offer leaves the public list.
    await markChanged(tx, "bourse");
    return 1;
  } catch (error) {
    if (error instanceof Conflict || error instanceof Invalid) return 0;
    throw error;
  }
}

/** A month before its end, the author of a published request is reminded, once per end date. */
export const requestExpiryReminder: DeadlineRule<Due> = {
  name: "bourse:request:expiry-reminder",
  async due(q, now) {
    const remindBefore = new Date(now.getTime() + EXPIRY_REMINDER_DAYS * 86_400_000);
    const rows = await q
      .select()
      .from(bourseRequests)
      .where(
        and(
          livePublication,
          isNull(bourseRequests.expiryRemindedAt),
          lte(bourseRequests.expiresAt, remindBefore),
        ),
      );
    return rows.filter((row) => row.expiresAt && row.expiresAt > now).map(endingOf);
  },
  async fire(tx, { recordId }, { now, publicUrl }) {
    const [request] = await tx
      .select()
      .from(bourseRequests)
      .where(eq(bourseRequests.id, recordId))
      .for("update");
    if (!request.expiresAt) return 0;
    // The mark is what the page shows; the firing's claim is what makes it once.
    await tx
      .update(bourseRequests)
      .set({ expiryRemindedAt: now })
      .where(eq(bourseRequests.id, request.id));
    const lang = languageOf(request.formLanguage);
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
    return 1;
  },
};

/** At the end of its twelve months, a published request closes by its `expire` event. */
export const requestExpiry: DeadlineRule<Ending> = {
  name: "bourse:request:expiry",
  async due(q, now) {
    const rows = await q
      .select()
      .from(bourseRequests)
      .where(and(livePublication, lte(bourseRequests.expiresAt, now)));
    return rows.map(endingOf);
  },
  fire: (tx, ending, { now }) =>
    expire(tx, requestWorkflow, ending, now, {
      closedAt: now,
      closedReason: "Expirée après douze mois de publication",
    }),
};

/** At the end of its twelve months, a published offer closes by its `expire` event. */
export const offerExpiry: DeadlineRule<Ending> = {
  name: "bourse:offer:expiry",
  async due(q, now) {
    const rows = await q
      .select()
      .from(bourseOffers)
      .where(and(eq(bourseOffers.status, "published"), lte(bourseOffers.expiresAt, now)));
    return rows.map(endingOf);
  },
  fire: (tx, ending, { now }) => expire(tx, offerWorkflow, ending, now, { closedAt: now }),
};

/**
 * The publications' run (hourly, on the deadline scheduler): reminders a month before the
 * end, requests and offers closed at the end.
 */
export async function runRequestExpiry(db: Db, publicUrl: string, now = new Date()) {
  const fired = await runDeadlines(db, [requestExpiryReminder, requestExpiry, offerExpiry], {
    now,
    publicUrl,
  });
  const counted = (rule: { name: string }) =>
    fired
      .filter((firing) => firing.rule === rule.name)
      .reduce((sum, firing) => sum + firing.outcome, 0);
  return {
    reminded: counted(requestExpiryReminder),
    expired: counted(requestExpiry),
    expiredOffers: counted(offerExpiry),
  };
}
