import { and, eq, gt, isNull } from "drizzle-orm";
import { recordChange, systemActor } from "../../platform/audit/audit";
import { hashPassword, verifyPassword } from "../../platform/auth/passwords";
import {
  clearSignInFailures,
  isSignInBlocked,
  recordSignInFailure,
} from "../../platform/auth/rate-limit";
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

/** Checks credentials and opens a new session (a fresh id at every sign-in). */
export async function signIn(
  db: Db,
  input: unknown,
  clientAddress: string,
): Promise<{ sessionToken: string; userId: number }> {
  const { email, password } = parseInput(signInSchema, input);
  if (await isSignInBlocked(db, email, clientAddress)) {
    throw new TooManyRequests(
      "Trop de tentatives de connexion échouées. Patientez 15 minutes avant de réessayer, ou réinitialisez votre mot de passe.",
      { email: "Trop de tentatives pour ce compte : patientez 15 minutes." },
    );
  }
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || !user.isActive) {
    await recordSignInFailure(db, email, clientAddress);
    throw new Invalid(
      { password: "Adresse électronique ou mot de passe incorrect." },
      "Connexion impossible : adresse électronique ou mot de passe incorrect.",
    );
  }
  return db.transaction(async (tx) => {
    await clearSignInFailures(tx, email);
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    return { sessionToken: await openSession(tx, user.id), userId: user.id };
  });
}

/**
 * Mails a one-time reset link. The answer is the same whether or not the address has an
 * account, so the form cannot be used to find out who is registered.
 */
export async function requestPasswordReset(
  db: Db,
  input: unknown,
  publicUrl: string,
): Promise<void> {
  const { email } = parseInput(passwordResetRequestSchema, input);
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
