import type { Queryable } from "../db/client";
import { type Attempt, clearAttempts, recentAttempts, recordAttempt } from "./throttle";
import { countOf } from "../french/counts";

/**
 * Password guessing is slowed per (account, client): a few free tries, then a wait that
 * doubles at each failure. A stranger's failures thus never lock the owner out when the owner
 * signs in from elsewhere (ASVS 2.2.1); only a much higher ceiling per account (many clients
 * at once) and per client (one client trying many accounts) stops everybody.
 */
const SIGN_IN_FAILURE = "sign-in-failure";
export const SIGN_IN_WINDOW_MS = 60 * 60 * 1000;
export const FREE_FAILURES_PER_CLIENT = 3;
const FIRST_DELAY_MS = 15_000;
const LONGEST_DELAY_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 100;
export const MAX_FAILURES_PER_CLIENT = 50;
/** The account's owner is told by mail when its failures reach this number in the window. */
export const ALERT_AT_FAILURES = 10;

const attemptOf = (email: string, clientAddress: string): Attempt => ({
  action: SIGN_IN_FAILURE,
  subject: email.toLowerCase(),
  clientAddress,
});

/**
 * How long this client must wait before trying this account's password again (0: now), and
 * how many failures the account has had in the window from every client.
 */
export async function signInState(
  q: Queryable,
  email: string,
  clientAddress: string,
  now = Date.now(),
): Promise<{ waitMs: number; accountFailures: number }> {
  const recent = await recentAttempts(q, attemptOf(email, clientAddress), SIGN_IN_WINDOW_MS);
  const waits = [0];
  const after = (last: Date | null, delay: number) =>
    last ? Math.max(0, last.getTime() + delay - now) : 0;
  if (recent.pair.count >= FREE_FAILURES_PER_CLIENT) {
    const doublings = recent.pair.count - FREE_FAILURES_PER_CLIENT;
    const delay = Math.min(FIRST_DELAY_MS * 2 ** doublings, LONGEST_DELAY_MS);
    waits.push(after(recent.pair.last, delay));
  }
  if (recent.subject.count >= MAX_FAILURES_PER_ACCOUNT)
    waits.push(after(recent.subject.last, LONGEST_DELAY_MS));
  if (recent.client.count >= MAX_FAILURES_PER_CLIENT)
    waits.push(after(recent.client.last, LONGEST_DELAY_MS));
  return { waitMs: Math.max(...waits), accountFailures: recent.subject.count };
}

export async function recordSignInFailure(q: Queryable, email: string, clientAddress: string) {
  await recordAttempt(q, attemptOf(email, clientAddress));
}

/** A successful sign-in forgets this client's failures, not the others'. */
export async function clearSignInFailures(q: Queryable, email: string, clientAddress: string) {
  await clearAttempts(q, attemptOf(email, clientAddress));
}

/** "30 secondes", "4 minutes": a wait as a person reads it. */
export function waitInWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return countOf(seconds, "seconde", "secondes", "f");
  const minutes = Math.ceil(seconds / 60);
  return countOf(minutes, "minute", "minutes", "f");
}
