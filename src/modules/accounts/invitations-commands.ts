import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { recordChange } from "../../platform/audit/audit";
import { type Actor, auditActorOf } from "../../platform/auth/actor";
import { hashPassword } from "../../platform/auth/passwords";
import { memberships, organisations, users } from "../../platform/auth/schema";
import { openSession } from "../../platform/auth/sessions";
import { hashToken, newToken } from "../../platform/auth/tokens";
import type { Db } from "../../platform/db/client";
import { Invalid, NotFound } from "../../platform/errors";
import { enqueueMail } from "../../platform/mail/outbox";
import { authorize } from "../../platform/policy";
import { parseInput } from "../../platform/validation";
import { assertStrongPassword, verifyThrottledPassword } from "./auth-commands";
import { accountMails } from "./mails";
import { invitations } from "./schema";
import { acceptInvitationSchema, invitationSchema } from "./validation";
import { ofName } from "../../platform/french/place-names";

const INVITATION_VALID_DAYS = 14;

/** An organisation administrator (or the DAECT) invites a colleague by e-mail. */
export async function inviteMember(db: Db, actor: Actor, input: unknown, publicUrl: string) {
  const values = parseInput(invitationSchema, input);
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.id, values.organisationId));
  if (!organisation) throw new NotFound("Cette organisation n'existe pas.");
  authorize(actor, "organisation:manage-members", { organisationId: organisation.id });

  const [existing] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisation.id), eq(users.email, values.email)));
  if (existing) {
    throw new Invalid({
      email: `${values.email} est déjà membre ${ofName(organisation.name)}.`,
    });
  }

  const token = newToken();
  const tokenHash = hashToken(token);
  const invitedBy = actor.kind === "user" ? actor.displayName : "La DAECT";
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(invitations)
      .values({
        tokenHash,
        organisationId: organisation.id,
        email: values.email,
        asAdmin: values.asAdmin,
        invitedBy: actor.kind === "user" ? actor.userId : null,
        expiresAt: new Date(Date.now() + INVITATION_VALID_DAYS * 24 * 3600 * 1000),
      })
      .returning();
    await enqueueMail(tx, {
      idempotencyKey: `invitation:${tokenHash}`,
      template: "invitation",
      to: values.email,
      ...accountMails.invitation({
        organisationName: organisation.name,
        invitedBy,
        url: `${publicUrl}/invitation/${token}`,
        validDays: INVITATION_VALID_DAYS,
      }),
    });
    await recordChange(tx, auditActorOf(actor), {
      operation: "create",
      entityType: "invitation",
      entityId: invitation.id,
      after: { organisation: organisation.name, email: values.email, asAdmin: values.asAdmin },
    });
    return invitation;
  });
}

/** The pending invitation behind a link, with the invited address's account if it has one. */
async function pendingInvitation(db: Db, token: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      asAdmin: invitations.asAdmin,
      organisationId: organisations.id,
      organisationName: organisations.name,
      accountId: users.id,
      accountName: users.displayName,
      accountPasswordHash: users.passwordHash,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.email, invitations.email))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/** The pending invitation behind a mailed link, or null when unknown, used or expired. */
export async function findPendingInvitation(db: Db, token: string) {
  const row = await pendingInvitation(db, token);
  if (!row) return null;
  const { accountId, accountName: _name, accountPasswordHash: _hash, ...invitation } = row;
  return { ...invitation, hasAccount: accountId !== null };
}

const EXPIRED_INVITATION =
  "Cette invitation n'est plus valable (expirée ou déjà acceptée). Demandez une nouvelle invitation à l'administrateur de l'organisation.";

/**
 * Accepts an invitation: a new person chooses a name and password; a person who already
 * has an account confirms with their password. Returns a new session.
 */
export async function acceptInvitation(
  db: Db,
  input: Record<string, string>,
  clientAddress: string,
  device = "",
) {
  const invitation = await pendingInvitation(db, input.token ?? "");
  if (!invitation) throw new Invalid({ token: EXPIRED_INVITATION }, EXPIRED_INVITATION);

  let passwordHash: string | null = null;
  let displayName = invitation.accountName ?? "";
  if (invitation.accountId !== null) {
    const account = {
      email: invitation.email,
      passwordHash: invitation.accountPasswordHash,
      displayName: displayName,
      exists: true,
    };
    if (
      !(await verifyThrottledPassword(db, account, input.password ?? "", clientAddress, "password"))
    ) {
      throw new Invalid({ password: "Mot de passe incorrect pour ce compte existant." });
    }
  } else {
    const values = parseInput(acceptInvitationSchema, input);
    assertStrongPassword(values.password, [invitation.email, values.displayName]);
    passwordHash = await hashPassword(values.password);
    displayName = values.displayName;
  }

  return db.transaction(async (tx) => {
    const accepted = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning();
    if (accepted.length === 0) throw new Invalid({ token: EXPIRED_INVITATION }, EXPIRED_INVITATION);
    const userId =
      invitation.accountId ??
      (
        await tx
          .insert(users)
          .values({ email: invitation.email, displayName, passwordHash })
          .returning({ id: users.id })
      )[0].id;
    await tx
      .insert(memberships)
      .values({ userId, organisationId: invitation.organisationId, isAdmin: invitation.asAdmin })
      .onConflictDoNothing();
    const actor = { userId, label: `${displayName} <${invitation.email}>` };
    if (invitation.accountId === null) {
      await recordChange(tx, actor, {
        operation: "create",
        entityType: "user",
        entityId: userId,
        after: { email: invitation.email, displayName },
      });
    }
    await recordChange(tx, actor, {
      operation: "create",
      entityType: "membership",
      entityId: `${userId}:${invitation.organisationId}`,
      after: { organisation: invitation.organisationName, isAdmin: invitation.asAdmin },
    });
    return { userId, sessionToken: await openSession(tx, userId, device) };
  });
}

/** Invitations past their date and never accepted: their links open nothing, removed. */
export async function purgeExpiredInvitations(db: Db, now = new Date()) {
  const removed = await db
    .delete(invitations)
    .where(and(isNull(invitations.acceptedAt), lt(invitations.expiresAt, now)))
    .returning({ id: invitations.id });
  return removed.length;
}
