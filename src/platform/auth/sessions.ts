import { and, eq, gt, lt, or } from "drizzle-orm";
import type { Queryable } from "../db/client";
import type { Actor, Membership } from "./actor";
import { roleOfOrganisationKind, visitor } from "./actor";
import { memberships, organisations, sessions, users } from "./schema";
import { hashToken, newToken } from "./tokens";
import { frenchOrder } from "../db/french-order";
export { deviceOf } from "./device";

export const SESSION_COOKIE = "aect_session";
/** A session ends after this long whatever happens, and sooner when left idle. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** Last-seen times are written at most this often: not a database write per page. */
const LAST_SEEN_STEP_MS = 60 * 1000;

/**
 * Over HTTPS a cookie's name carries the `__Host-` prefix: browsers then accept it only if
 * Secure, for the whole site and from this host alone (no subdomain can plant one).
 */
export const cookieName = (name: string, secure: boolean) => (secure ? `__Host-${name}` : name);

/** Opens a session for a user and returns the cookie value (never stored in clear). */
export async function openSession(
  q: Queryable,
  userId: number,
  device = "",
  providerIdToken: string | null = null,
): Promise<string> {
  const token = newToken();
  await q.insert(sessions).values({
    idHash: hashToken(token),
    userId,
    device: device.slice(0, 120),
    providerIdToken,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  return token;
}

/** Ends a session; returns the ProConnect ID token it was opened with, if any. */
export async function closeSession(
  q: Queryable,
  token: string | undefined,
): Promise<string | null> {
  if (!token) return null;
  const [closed] = await q
    .delete(sessions)
    .where(eq(sessions.idHash, hashToken(token)))
    .returning({ providerIdToken: sessions.providerIdToken });
  return closed?.providerIdToken ?? null;
}

export async function closeAllSessionsOf(q: Queryable, userId: number): Promise<void> {
  await q.delete(sessions).where(eq(sessions.userId, userId));
}

export async function membershipsOf(q: Queryable, userId: number): Promise<Membership[]> {
  const rows = await q
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      isAdmin: memberships.isAdmin,
      unitId: organisations.unitId,
      countryCode: organisations.countryCode,
      regionCode: organisations.regionCode,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(frenchOrder(organisations.name));
  return rows.map((row) => ({ ...row, role: roleOfOrganisationKind[row.organisationKind] }));
}

/** The actor behind a session cookie; a missing, expired or unknown session is a visitor. */
export async function actorForSession(
  q: Queryable,
  token: string | undefined,
  idleMs: number,
  now = new Date(),
): Promise<Actor> {
  if (!token) return visitor;
  const idHash = hashToken(token);
  const [row] = await q
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      isActive: users.isActive,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.idHash, idHash),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - idleMs)),
      ),
    );
  if (!row?.isActive) return visitor;
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_STEP_MS)
    await q.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  return {
    kind: "user",
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    memberships: await membershipsOf(q, row.userId),
  };
}

/**
 * An ended session stays known this long (it opens nothing): a form its person sent just
 * after it ended is kept for them, and a forged session cookie keeps nothing.
 */
export const ENDED_SESSION_KEPT_MS = 24 * 60 * 60 * 1000;

/** Sessions ended (past their end or left idle) for a day: removed by the periodic purge. */
export async function purgeEndedSessions(q: Queryable, idleMs: number, now = new Date()) {
  const before = now.getTime() - ENDED_SESSION_KEPT_MS;
  const removed = await q
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, new Date(before)),
        lt(sessions.lastSeenAt, new Date(before - idleMs)),
      ),
    )
    .returning({ idHash: sessions.idHash });
  return removed.length;
}
