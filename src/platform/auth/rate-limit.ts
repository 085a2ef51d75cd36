import { and, count, eq, gt } from "drizzle-orm";
import type { Queryable } from "../db/client";
import { signInFailures } from "./schema";

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/**
 * Counted in the database rather than in memory so that every instance of the portal
 * sees the same attempts.
 */
export async function isSignInBlocked(
  q: Queryable,
  email: string,
  clientAddress: string,
): Promise<boolean> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const [byEmail] = await q
    .select({ value: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gt(signInFailures.at, since)));
  if (byEmail.value >= MAX_FAILURES_PER_EMAIL) return true;
  const [byAddress] = await q
    .select({ value: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.clientAddress, clientAddress), gt(signInFailures.at, since)));
  return byAddress.value >= MAX_FAILURES_PER_ADDRESS;
}

export async function recordSignInFailure(q: Queryable, email: string, clientAddress: string) {
  await q.insert(signInFailures).values({ email, clientAddress });
}

export async function clearSignInFailures(q: Queryable, email: string) {
  await q.delete(signInFailures).where(eq(signInFailures.email, email));
}
