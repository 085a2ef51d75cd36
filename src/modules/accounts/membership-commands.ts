import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordChange } from "../../platform/audit/audit";
import { type Actor, auditActorOf } from "../../platform/auth/actor";
import { memberships, organisations } from "../../platform/auth/schema";
import { closeAllSessionsOf } from "../../platform/auth/sessions";
import { type Db, rowsOf } from "../../platform/db/client";
import { Conflict, NotFound } from "../../platform/errors";
import { enqueueMail } from "../../platform/mail/outbox";
import { authorize } from "../../platform/policy";
import { parseInput } from "../../platform/validation";
import { accountMails } from "./mails";

const memberSchema = z.object({
  userId: z.coerce
    .number({ message: "Choisissez un membre de la liste." })
    .int("Choisissez un membre de la liste.")
    .positive("Choisissez un membre de la liste."),
});

/**
 * The organisation's memberships, locked for the change: two administrators demoting each
 * other at the same moment must not leave the organisation without one.
 */
async function lockedMembers(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  organisationId: number,
) {
  return rowsOf<{
    user_id: number;
    is_admin: boolean;
    is_active: boolean;
    email: string;
    display_name: string;
  }>(
    await tx.execute(sql`
      SELECT m.user_id, m.is_admin, u.is_active, u.email, u.display_name
        FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.organisation_id = ${organisationId}
       ORDER BY m.user_id
         FOR UPDATE OF m`),
  );
}

async function organisationFor(db: Db, actor: Actor, organisationId: number) {
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) throw new NotFound("Cette organisation n'existe pas.");
  authorize(actor, "organisation:manage-members", { organisationId });
  return organisation;
}

const LAST_ADMIN =
  "L'organisation doit garder au moins un administrateur ou une administratrice : nommez d'abord une autre personne administratrice.";

/**
 * An administrator (or the DAECT) makes a member administrator, or a plain member again.
 * An organisation with members always keeps an active administrator.
 */
export async function setMemberRole(
  db: Db,
  actor: Actor,
  organisationId: number,
  values: Record<string, unknown>,
  isAdmin: boolean,
) {
  const { userId } = parseInput(memberSchema, values);
  const organisation = await organisationFor(db, actor, organisationId);
  return db.transaction(async (tx) => {
    const members = await lockedMembers(tx, organisationId);
    const member = members.find((row) => row.user_id === userId);
    if (!member) throw new NotFound("Cette personne n'est pas membre de l'organisation.");
    if (member.is_admin === isAdmin) return member;
    const otherAdmins = members.filter(
      (row) => row.user_id !== userId && row.is_admin && row.is_active,
    );
    if (!isAdmin && otherAdmins.length === 0) throw new Conflict(LAST_ADMIN);
    await tx
      .update(memberships)
      .set({ isAdmin })
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
    await recordChange(tx, auditActorOf(actor), {
      operation: "update",
      entityType: "membership",
      entityId: `${userId}:${organisationId}`,
      before: { isAdmin: member.is_admin },
      after: { isAdmin, organisation: organisation.name, email: member.email },
    });
    return { ...member, is_admin: isAdmin };
  });
}

/**
 * The person who leaves is removed by an administrator or the DAECT: the membership goes,
 * the person's sessions end (what they could see changes at once) and they are told.
 * The last administrator is removed only with the last member: the organisation then
 * returns to having nobody, and its next access request goes to the DAECT again.
 */
export async function removeMember(
  db: Db,
  actor: Actor,
  organisationId: number,
  values: Record<string, unknown>,
) {
  const { userId } = parseInput(memberSchema, values);
  const organisation = await organisationFor(db, actor, organisationId);
  return db.transaction(async (tx) => {
    const members = await lockedMembers(tx, organisationId);
    const member = members.find((row) => row.user_id === userId);
    if (!member) throw new NotFound("Cette personne n'est pas membre de l'organisation.");
    const others = members.filter((row) => row.user_id !== userId);
    const adminLeft = others.some((row) => row.is_admin && row.is_active);
    if (member.is_admin && others.length > 0 && !adminLeft) throw new Conflict(LAST_ADMIN);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
    await closeAllSessionsOf(tx, userId);
    await enqueueMail(tx, {
      to: member.email,
      ...accountMails.membershipEnded({
        displayName: member.display_name,
        organisationName: organisation.name,
      }),
      template: "membership-ended",
      idempotencyKey: `membership-ended:${userId}:${organisationId}:${Date.now()}`,
    });
    await recordChange(tx, auditActorOf(actor), {
      operation: "delete",
      entityType: "membership",
      entityId: `${userId}:${organisationId}`,
      before: { email: member.email, isAdmin: member.is_admin, organisation: organisation.name },
    });
    return member;
  });
}
