import { and, eq, gt } from "drizzle-orm";
import type { Queryable } from "../db/client";
import type { Actor, Membership } from "./actor";
import { roleOfOrganisationKind, visitor } from "./actor";
import { memberships, organisations, sessions, users } from "./schema";
import { hashToken, newToken } from "./tokens";

export const SESSION_COOKIE = "aect_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Opens a session for a user and returns the cookie value (never stored in clear). */
export async function openSession(q: Queryable, userId: number): Promise<string> {
  const token = newToken();
  await q.insert(sessions).values({
    idHash: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  return token;
}

export async function closeSession(q: Queryable, token: string | undefined): Promise<void> {
  if (!token) return;
  await q.delete(sessions).where(eq(sessions.idHash, hashToken(token)));
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
    .orderBy(organisations.name);
  return rows.map((row) => ({ ...row, role: roleOfOrganisationKind[row.organisationKind] }));
}

/** The actor behind a session cookie; a missing, expired or unknown session is a visitor. */
export async function actorForSession(q: Queryable, token: string | undefined): Promise<Actor> {
  if (!token) return visitor;
  const [row] = await q
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      isActive: users.isActive,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
  if (!row?.isActive) return visitor;
  return {
    kind: "user",
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    memberships: await membershipsOf(q, row.userId),
  };
}
