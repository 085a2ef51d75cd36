import { and, count, eq, gt, lt, max } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { throttleEvents } from "./schema";

export interface Attempt {
  action: string;
  /** The account or address aimed at (normalised: lower case). */
  subject: string;
  clientAddress: string;
}

export interface RecentCount {
  count: number;
  last: Date | null;
}

/** How many attempts of this kind were made recently, by subject, by client and by the pair. */
export async function recentAttempts(q: Queryable, attempt: Attempt, windowMs: number) {
  const since = new Date(Date.now() - windowMs);
  const recent = async (...conditions: ReturnType<typeof eq>[]): Promise<RecentCount> => {
    const [row] = await q
      .select({ count: count(), last: max(throttleEvents.at) })
      .from(throttleEvents)
      .where(
        and(eq(throttleEvents.action, attempt.action), gt(throttleEvents.at, since), ...conditions),
      );
    return { count: Number(row.count), last: row.last ? new Date(row.last) : null };
  };
  const bySubject = eq(throttleEvents.subject, attempt.subject);
  const byClient = eq(throttleEvents.clientAddress, attempt.clientAddress);
  return {
    subject: await recent(bySubject),
    client: await recent(byClient),
    pair: await recent(bySubject, byClient),
  };
}

export async function recordAttempt(q: Queryable, attempt: Attempt): Promise<void> {
  await q.insert(throttleEvents).values(attempt);
}

/** Forgets a pair's attempts (a successful sign-in from that client). */
export async function clearAttempts(q: Queryable, attempt: Attempt): Promise<void> {
  await q
    .delete(throttleEvents)
    .where(
      and(
        eq(throttleEvents.action, attempt.action),
        eq(throttleEvents.subject, attempt.subject),
        eq(throttleEvents.clientAddress, attempt.clientAddress),
      ),
    );
}

/**
 * A plain quota: refuses when the subject or the client already made `limits` attempts in
 * the window; otherwise counts this one. Returns whether it may go on.
 */
export async function withinQuota(
  q: Queryable,
  attempt: Attempt,
  limits: { windowMs: number; perSubject: number; perClient: number },
): Promise<boolean> {
  const recent = await recentAttempts(q, attempt, limits.windowMs);
  if (recent.subject.count >= limits.perSubject || recent.client.count >= limits.perClient)
    return false;
  await recordAttempt(q, attempt);
  return true;
}

/** Attempts older than this are of no use to any limit: the periodic purge removes them. */
export const THROTTLE_MEMORY_MS = 24 * 60 * 60 * 1000;

export async function purgeOldAttempts(q: Queryable, now = new Date()): Promise<number> {
  const removed = await q
    .delete(throttleEvents)
    .where(lt(throttleEvents.at, new Date(now.getTime() - THROTTLE_MEMORY_MS)))
    .returning({ id: throttleEvents.id });
  return removed.length;
}
