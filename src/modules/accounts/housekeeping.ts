import { and, isNotNull, lt, or } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { purgeExpiredInvitations } from "./invitations-commands";
import { emailChanges, federatedLogins } from "./schema";

/** A ProConnect sign-in or an address change is of no use a day later. */
const KEPT_MS = 24 * 60 * 60 * 1000;

/** What the accounts keep for a while and then remove: run by the hourly housekeeping. */
export async function purgeAccounts(db: Db, now = new Date()) {
  const before = new Date(now.getTime() - KEPT_MS);
  const logins = await db
    .delete(federatedLogins)
    .where(lt(federatedLogins.createdAt, before))
    .returning({ id: federatedLogins.id });
  const changes = await db
    .delete(emailChanges)
    .where(
      or(
        lt(emailChanges.expiresAt, now),
        and(isNotNull(emailChanges.usedAt), lt(emailChanges.usedAt, before)),
      ),
    )
    .returning({ tokenHash: emailChanges.tokenHash });
  return {
    invitations: await purgeExpiredInvitations(db, now),
    proConnectSignIns: logins.length,
    emailChanges: changes.length,
  };
}
