import { and, eq, gt, isNull } from "drizzle-orm";
import { recordChange, systemActor } from "../../platform/audit/audit";
import { hashPassword, verifyPassword } from "../../platform/auth/passwords";
import { weakPasswordReason } from "../../platform/auth/password-strength";
import {
  ALERT_AT_FAILURES,
  clearSignInFailures,
  recordSignInFailure,
  signInState,
  waitInWords,
} from "../../platform/auth/rate-limit";
import { withinQuota } from "../../platform/auth/throttle";
import { passwordResetTokens, users } from "../../platform/auth/schema";
import { closeAllSessionsOf, openSession } from "../../platform/auth/sessions";
import { hashToken, newToken } from "../../platform/auth/tokens";
import type { Db } from "../../platform/db/client";
import { Invalid, TooManyRequests } from "../../platform/errors";
import { enqueueMail } from "../../platform/mail/outbox";
import { parseInput } from "../../platform/validation";
import { accountMails } from "./mails";
import { passwordResetRequestSchema, passwordResetSchema, signInSchema } from "./validation";

const RESET_VALID_HOURS = 1;

/**
 * Checks a password typed for an existing account, slowed as sign-in is: per (account,
 * client) with growing waits, so that a stranger's failures never lock the owner out. The
 * owner is mailed once an hour when the account sees many failures.
 */
export async function verifyThrottledPassword(
  db: Db,
  account: { email: string; passwordHash: string | null; displayName?: string; exists: boolean },
  password: string,
  clientAddress: string,
  field: string,
): Promise<boolean> {
  const { waitMs: wait, accountFailures } = await signInState(db, account.email, clientAddress);
  if (wait > 0)
    throw new TooManyRequests(
      `Trop de tentatives échouées depuis votre poste pour ce compte. Patientez ${waitInWords(wait)} avant de réessayer, ou réinitialisez votre mot de passe.`,
      { [field]: `Trop de tentatives : patientez ${waitInWords(wait)}.` },
    );
  if (await verifyPassword(account.passwordHash, password)) return true;
  await recordSignInFailure(db, account.email, clientAddress);
  const failures = accountFailures + 1;
  if (account.exists && failures === ALERT_AT_FAILURES) {
    const hour = new Date().toISOString().slice(0, 13);
    await enqueueMail(db, {
      idempotencyKey: `sign-in-alert:${account.email}:${hour}`,
      template: "sign-in-alert",
      to: account.email,
      ...accountMails.signInAlert({ displayName: account.displayName ?? "", failures }),
    });
  }
  return false;
}

/** The password of an existing account, checked with the same throttle as signing in. */
export function accountPasswordMatches(
  db: Db,
  user: { email: string; passwordHash: string | null; displayName: string },
  password: string,
  clientAddress: string,
  field: string,
): Promise<boolean> {
  const { email, passwordHash, displayName } = user;
  return verifyThrottledPassword(
    db,
    { email, passwordHash, displayName, exists: true },
    password,
    clientAddress,
    field,
  );
}

/** Checks credentials and opens a new session (a fresh id at every sign-in). */
export async function signIn(
  db: Db,
  input: unknown,
  clientAddress: string,
  device = "",
): Promise<{ sessionToken: string; userId: number }> {
  const { email, password } = parseInput(signInSchema, input);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyThrottledPassword(
    db,
    {
      email,
      passwordHash: user?.passwordHash ?? null,
      displayName: user?.displayName,
      exists: Boolean(user),
    },
    password,
    clientAddress,
    "email",
  );
  if (!user || !valid || !user.isActive) {
    throw new Invalid(
      { password: "Adresse électronique ou mot de passe incorrect." },
      "Connexion impossible : adresse électronique ou mot de passe incorrect.",
    );
  }
  return db.transaction(async (tx) => {
    await clearSignInFailures(tx, email, clientAddress);
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    return { sessionToken: await openSession(tx, user.id, device), userId: user.id };
  });
}

/** Reset links asked, per address and per client: a form cannot be used to flood a mailbox. */
const RESET_QUOTA = { windowMs: 60 * 60 * 1000, perSubject: 3, perClient: 10 };

/** A new password is refused, on its field, when it is easy to guess. */
export function assertStrongPassword(password: string, personalWords: string[]) {
  const reason = weakPasswordReason(password, personalWords);
  if (reason) throw new Invalid({ password: reason });
}

/**
 * Mails a one-time reset link. The answer is the same whether or not the address has an
 * account, so the form cannot be used to find out who is registered.
 */
export async function requestPasswordReset(
  db: Db,
  input: unknown,
  publicUrl: string,
  clientAddress: string,
): Promise<void> {
  const { email } = parseInput(passwordResetRequestSchema, input);
  if (
    !(await withinQuota(
      db,
      { action: "password-reset", subject: email, clientAddress },
      RESET_QUOTA,
    ))
  )
    throw new TooManyRequests(
      "Plusieurs liens ont déjà été demandés pour cette adresse ou depuis votre poste : consultez votre messagerie (et les indésirables) ou réessayez dans une heure.",
      { email: "Trop de demandes de lien : réessayez dans une heure." },
    );
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user?.isActive) return;
  const token = newToken();
  const tokenHash = hashToken(token);
  await db.transaction(async (tx) => {
    await tx.insert(passwordResetTokens).values({
      tokenHash,
      userId: user.id,
      expiresAt: new Date(Date.now() + RESET_VALID_HOURS * 3600 * 1000),
    });
    await enqueueMail(tx, {
      idempotencyKey: `password-reset:${tokenHash}`,
      template: "password-reset",
      to: user.email,
      ...accountMails.passwordReset({
        displayName: user.displayName,
        url: `${publicUrl}/mot-de-passe/nouveau/${token}`,
        validHours: RESET_VALID_HOURS,
      }),
    });
  });
}

const EXPIRED_LINK =
  "Ce lien de réinitialisation n'est plus valable (expiré ou déjà utilisé). Demandez un nouveau lien.";

export async function findValidResetToken(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/** Sets a new password from a reset link; every open session of the account is closed. */
export async function resetPassword(db: Db, input: unknown): Promise<void> {
  const values = parseInput(passwordResetSchema, input);
  const resetToken = await findValidResetToken(db, values.token);
  if (!resetToken) throw new Invalid({ token: EXPIRED_LINK }, EXPIRED_LINK);
  const [owner] = await db.select().from(users).where(eq(users.id, resetToken.userId));
  assertStrongPassword(values.password, [owner?.email ?? "", owner?.displayName ?? ""]);
  const passwordHash = await hashPassword(values.password);
  await db.transaction(async (tx) => {
    const used = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, resetToken.tokenHash),
          isNull(passwordResetTokens.usedAt),
        ),
      )
      .returning();
    if (used.length === 0) throw new Invalid({ token: EXPIRED_LINK }, EXPIRED_LINK);
    // The other links of the account, sent earlier, die with this one.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(
        and(eq(passwordResetTokens.userId, resetToken.userId), isNull(passwordResetTokens.usedAt)),
      );
    await tx.update(users).set({ passwordHash }).where(eq(users.id, resetToken.userId));
    await closeAllSessionsOf(tx, resetToken.userId);
    await recordChange(tx, systemActor, {
      operation: "update",
      entityType: "user",
      entityId: resetToken.userId,
      before: { password: "ancien" },
      after: { password: "réinitialisé par lien" },
    });
  });
}
