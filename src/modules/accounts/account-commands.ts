import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { recordChange } from "../../platform/audit/audit";
import { type Actor, auditActorOf } from "../../platform/auth/actor";
import { hashPassword } from "../../platform/auth/passwords";
import { sessions, users } from "../../platform/auth/schema";
import { withinQuota } from "../../platform/auth/throttle";
import { hashToken, newToken } from "../../platform/auth/tokens";
import { type Db, rowsOf } from "../../platform/db/client";
import {
  Conflict,
  Invalid,
  NotFound,
  TooManyRequests,
  Unauthenticated,
} from "../../platform/errors";
import { enqueueMail } from "../../platform/mail/outbox";
import { authorize } from "../../platform/policy";
import type { PersonalDataProvider } from "../../platform/personal-data";
import { parseInput } from "../../platform/validation";
import { accountPasswordMatches, assertStrongPassword } from "./auth-commands";
import { accountMails } from "./mails";
import { accessRequests, emailChanges } from "./schema";
import {
  closeAccountSchema,
  emailChangeSchema,
  functionChoiceOf,
  jobTitleOf,
  passwordChangeSchema,
  profileSchema,
} from "./validation";
import { ofName } from "../../platform/french/place-names";
import { frenchOrder } from "../../platform/db/french-order";

const EMAIL_CHANGE_VALID_HOURS = 48;
const EMAIL_CHANGE_QUOTA = { windowMs: 3_600_000, perSubject: 3, perClient: 10 };
/** The part of a session's hash that names it on the page: enough to tell sessions apart. */
const HANDLE_LENGTH = 16;

/** The signed-in person's own account row; anyone else is asked to sign in. */
async function ownAccount(db: Db, actor: Actor) {
  authorize(actor, "account:read");
  if (actor.kind !== "user") throw new Unauthenticated();
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new Unauthenticated();
  return user;
}

/**
 * What "Mon compte" shows: the person, the address waiting for confirmation, the sessions
 * still open (not past their end, not idle longer than `idleMs`).
 */
export async function accountOf(
  db: Db,
  actor: Actor,
  sessionToken: string | undefined,
  idleMs: number,
) {
  const user = await ownAccount(db, actor);
  const current = sessionToken ? hashToken(sessionToken) : "";
  const now = Date.now();
  const open = await db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, user.id),
        gt(sessions.expiresAt, new Date(now)),
        gt(sessions.lastSeenAt, new Date(now - idleMs)),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  const [pendingEmail] = await db
    .select({ newEmail: emailChanges.newEmail, expiresAt: emailChanges.expiresAt })
    .from(emailChanges)
    .where(
      and(
        eq(emailChanges.userId, user.id),
        isNull(emailChanges.usedAt),
        gt(emailChanges.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(emailChanges.createdAt))
    .limit(1);
  return {
    displayName: user.displayName,
    email: user.email,
    jobTitle: user.jobTitle ?? "",
    ...functionChoiceOf(user.jobTitle),
    hasPassword: user.passwordHash !== null,
    pendingEmail: pendingEmail ?? null,
    sessions: open.map((session) => ({
      handle: session.idHash.slice(0, HANDLE_LENGTH),
      device: session.device || "Navigateur inconnu",
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      current: session.idHash === current,
    })),
  };
}

/** Name and function, as colleagues read them in the members list. */
export async function updateProfile(db: Db, actor: Actor, values: Record<string, unknown>) {
  const user = await ownAccount(db, actor);
  const input = parseInput(profileSchema, values);
  const after = { displayName: input.displayName, jobTitle: jobTitleOf(input) };
  await db.transaction(async (tx) => {
    await tx.update(users).set(after).where(eq(users.id, user.id));
    await recordChange(tx, auditActorOf(actor), {
      operation: "update",
      entityType: "user",
      entityId: user.id,
      before: { displayName: user.displayName, jobTitle: user.jobTitle },
      after,
    });
  });
  return after;
}

/**
 * The password the person types proves it is them (a session left open on a shared
 * computer is not enough to take the account over).
 */
async function confirmIdentity(
  db: Db,
  user: typeof users.$inferSelect,
  password: string,
  clientAddress: string,
  field: string,
) {
  // An account opened through ProConnect has no password: its session is the proof.
  if (user.passwordHash === null) return;
  const valid = await accountPasswordMatches(db, user, password, clientAddress, field);
  if (!valid) throw new Invalid({ [field]: "Le mot de passe actuel est incorrect." });
}

/** A new password; the person's other sessions end, this one stays open. */
export async function changePassword(
  db: Db,
  actor: Actor,
  values: Record<string, unknown>,
  { clientAddress, sessionToken }: { clientAddress: string; sessionToken: string | undefined },
) {
  const user = await ownAccount(db, actor);
  const input = parseInput(passwordChangeSchema, values);
  if (user.passwordHash !== null)
    await confirmIdentity(db, user, input.currentPassword, clientAddress, "currentPassword");
  assertStrongPassword(input.password, [user.email, user.displayName]);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.idHash, hashToken(sessionToken ?? ""))));
    await recordChange(tx, auditActorOf(actor), {
      operation: "update",
      entityType: "user",
      entityId: user.id,
      before: { password: "ancien" },
      after: { password: "changé depuis « Mon compte »" },
    });
  });
}

/**
 * A new address is used only once its mailed link is followed; the current address is told,
 * so that a taken-over session cannot quietly move the account elsewhere.
 */
export async function requestEmailChange(
  db: Db,
  actor: Actor,
  values: Record<string, unknown>,
  { publicUrl, clientAddress }: { publicUrl: string; clientAddress: string },
) {
  const user = await ownAccount(db, actor);
  const input = parseInput(emailChangeSchema, values);
  if (input.newEmail === user.email)
    throw new Invalid({ newEmail: "C'est déjà l'adresse de votre compte." });
  await confirmIdentity(db, user, input.currentPassword, clientAddress, "currentPassword");
  if (
    !(await withinQuota(
      db,
      { action: "email-change", subject: String(user.id), clientAddress },
      EMAIL_CHANGE_QUOTA,
    ))
  )
    throw new TooManyRequests(
      "Plusieurs changements d'adresse ont déjà été demandés : réessayez dans une heure.",
      { newEmail: "Trop de demandes : réessayez dans une heure." },
    );
  const token = newToken();
  const tokenHash = hashToken(token);
  await db.transaction(async (tx) => {
    // Only the last address asked is waiting.
    await tx
      .update(emailChanges)
      .set({ usedAt: new Date() })
      .where(and(eq(emailChanges.userId, user.id), isNull(emailChanges.usedAt)));
    await tx.insert(emailChanges).values({
      tokenHash,
      userId: user.id,
      newEmail: input.newEmail,
      expiresAt: new Date(Date.now() + EMAIL_CHANGE_VALID_HOURS * 3_600_000),
    });
    await enqueueMail(tx, {
      idempotencyKey: `email-change:${tokenHash}`,
      template: "email-change-confirm",
      to: input.newEmail,
      ...accountMails.emailChangeConfirm({
        displayName: user.displayName,
        url: `${publicUrl}/compte/adresse/${token}`,
        validHours: EMAIL_CHANGE_VALID_HOURS,
      }),
    });
    await enqueueMail(tx, {
      idempotencyKey: `email-change-notice:${tokenHash}`,
      template: "email-change-notice",
      to: user.email,
      ...accountMails.emailChangeNotice({
        displayName: user.displayName,
        newEmail: input.newEmail,
      }),
    });
  });
  return { newEmail: input.newEmail };
}

const EMAIL_LINK_EXPIRED =
  "Ce lien n'est plus valable (expiré, remplacé par une demande plus récente ou déjà utilisé) : refaites la demande depuis « Mon compte ».";

async function waitingChange(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(emailChanges)
    .where(
      and(
        eq(emailChanges.tokenHash, hashToken(token)),
        isNull(emailChanges.usedAt),
        gt(emailChanges.expiresAt, new Date()),
      ),
    );
  if (!row) throw new NotFound(EMAIL_LINK_EXPIRED);
  return row;
}

/** What the confirmation page shows; opening the link changes nothing (mail scanners open links). */
export async function emailChangeWaiting(db: Db, token: string) {
  const row = await waitingChange(db, token);
  return { newEmail: row.newEmail };
}

/** The mailed link's button: the account takes the new address. */
export async function confirmEmailChange(db: Db, token: string) {
  const row = await waitingChange(db, token);
  return db.transaction(async (tx) => {
    const used = await tx
      .update(emailChanges)
      .set({ usedAt: new Date() })
      .where(and(eq(emailChanges.tokenHash, row.tokenHash), isNull(emailChanges.usedAt)))
      .returning();
    if (used.length === 0) throw new NotFound(EMAIL_LINK_EXPIRED);
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, row.newEmail));
    if (taken && taken.id !== row.userId)
      throw new Conflict(
        "Cette adresse est déjà celle d'un autre compte du Portail AECT : elle ne peut pas être reprise. Adressez-vous à la DAECT pour réunir les deux comptes.",
      );
    const [before] = await tx.select().from(users).where(eq(users.id, row.userId));
    await tx.update(users).set({ email: row.newEmail }).where(eq(users.id, row.userId));
    await recordChange(
      tx,
      { userId: row.userId, label: before.displayName },
      {
        operation: "update",
        entityType: "user",
        entityId: row.userId,
        before: { email: before.email },
        after: { email: row.newEmail },
      },
    );
    return { newEmail: row.newEmail };
  });
}

/** Ends one of the person's own sessions (another browser, a computer left behind). */
export async function endSession(db: Db, actor: Actor, handle: unknown) {
  const user = await ownAccount(db, actor);
  if (typeof handle !== "string" || !/^[0-9a-f]{16}$/.test(handle))
    throw new Invalid({ session: "Choisissez une session de la liste." });
  const ended = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, user.id),
        sql`left(${sessions.idHash}, ${HANDLE_LENGTH}) = ${handle}`,
      ),
    )
    .returning({ idHash: sessions.idHash });
  if (ended.length === 0) throw new NotFound("Cette session est déjà fermée.");
}

/** Ends every session of the person but the one in use. */
export async function endOtherSessions(db: Db, actor: Actor, sessionToken: string | undefined) {
  const user = await ownAccount(db, actor);
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, user.id), ne(sessions.idHash, hashToken(sessionToken ?? ""))))
    .returning({ idHash: sessions.idHash });
  return ended.length;
}

/**
 * The account is closed and its personal data erased (RGPD art. 17): the row goes, and with
 * it memberships, sessions, saved searches and extractions; access requests lose the name
 * and address. The journal keeps who did what under the name of the time: acts of public
 * administration are kept as records. The last administrator of an organisation that has
 * other members hands over first.
 */
export async function closeAccount(
  db: Db,
  actor: Actor,
  values: Record<string, unknown>,
  clientAddress: string,
) {
  const user = await ownAccount(db, actor);
  const input = parseInput(closeAccountSchema, values);
  await confirmIdentity(db, user, input.currentPassword, clientAddress, "currentPassword");
  return db.transaction(async (tx) => {
    const alone = rowsOf<{ name: string }>(
      await tx.execute(sql`
        SELECT o.name FROM memberships m JOIN organisations o ON o.id = m.organisation_id
         WHERE m.user_id = ${user.id} AND m.is_admin
           AND NOT EXISTS (SELECT 1 FROM memberships a JOIN users u ON u.id = a.user_id AND u.is_active
                            WHERE a.organisation_id = m.organisation_id AND a.user_id <> ${user.id} AND a.is_admin)
           AND EXISTS (SELECT 1 FROM memberships other
                        WHERE other.organisation_id = m.organisation_id AND other.user_id <> ${user.id})
         ORDER BY ${frenchOrder("o.name")}`),
    );
    if (alone.length > 0)
      throw new Invalid({
        understood: `Vous êtes le seul administrateur ou la seule administratrice ${alone.map((row) => ofName(row.name)).join(", ")} : nommez d'abord une autre personne administratrice depuis la page des membres.`,
      });
    await tx
      .update(accessRequests)
      .set({
        givenName: "—",
        familyName: "—",
        email: `compte-ferme-${user.id}@invalid`,
        functionOther: "",
      })
      .where(eq(accessRequests.userId, user.id));
    await tx.delete(users).where(eq(users.id, user.id));
    await recordChange(tx, auditActorOf(actor), {
      operation: "delete",
      entityType: "user",
      entityId: user.id,
      before: { displayName: user.displayName },
    });
    await enqueueMail(tx, {
      idempotencyKey: `account-closed:${user.id}`,
      template: "account-closed",
      to: user.email,
      ...accountMails.accountClosed({ displayName: user.displayName }),
    });
  });
}

/** The accounts' share of a person's data (RGPD art. 15 and 20). */
export const accountPersonalData: PersonalDataProvider = async (db, userId) => {
  const [user] = await db
    .select({
      email: users.email,
      displayName: users.displayName,
      jobTitle: users.jobTitle,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  const organisations = rowsOf<{ organisation: string; administrator: boolean; since: string }>(
    await db.execute(sql`
      SELECT o.name AS organisation, m.is_admin AS administrator, m.created_at AS since
        FROM memberships m JOIN organisations o ON o.id = m.organisation_id
       WHERE m.user_id = ${userId} ORDER BY ${frenchOrder("o.name")}`),
  );
  const requests = await db
    .select({
      organisation: accessRequests.organisationName,
      status: accessRequests.status,
      givenName: accessRequests.givenName,
      familyName: accessRequests.familyName,
      email: accessRequests.email,
      askedAt: accessRequests.createdAt,
      decidedAt: accessRequests.decidedAt,
    })
    .from(accessRequests)
    .where(
      sql`${accessRequests.userId} = ${userId} OR ${accessRequests.email} = ${user?.email ?? ""}`,
    );
  const open = await db
    .select({
      device: sessions.device,
      openedAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  return { compte: user, organisations, demandesAcces: requests, sessions: open };
};
