import { timingSafeEqual } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { recordChange } from "../../platform/audit/audit";
import type { OpenIdClient } from "../../platform/auth/openid";
import { users } from "../../platform/auth/schema";
import { openSession } from "../../platform/auth/sessions";
import { hashToken, newToken } from "../../platform/auth/tokens";
import type { Db, Queryable } from "../../platform/db/client";
import { Invalid, NotFound, Unavailable } from "../../platform/errors";
import { enqueueMail } from "../../platform/mail/outbox";
import { emailField, parseInput } from "../../platform/validation";
import { accountPasswordMatches } from "./auth-commands";
import { accountMails } from "./mails";
import { federatedIdentities, federatedLogins } from "./schema";

export const PROCONNECT = "proconnect";
/** From the button to the callback: the time to sign in at the provider. */
const CALLBACK_WITHIN_MINUTES = 10;
/** From the callback to a linked account or an access request. */
const FOLLOW_UP_WITHIN_MINUTES = 30;
const LINK_MAIL_VALID_MINUTES = 30;

const UNVERIFIED =
  "La connexion avec ProConnect n'a pas pu être vérifiée (lien déjà utilisé, expiré ou modifié) : recommencez depuis la page de connexion.";

/** The button: a sign-in bound to this browser, and the provider's page to go to. */
export async function startProConnect(
  db: Db,
  openId: OpenIdClient,
  { redirectUri, returnPath }: { redirectUri: string; returnPath: string },
) {
  const binding = newToken();
  const checks = openId.newChecks();
  const url = await openId.authorizationUrl(checks, redirectUri).catch(() => {
    throw new Unavailable(
      "ProConnect ne répond pas pour le moment : réessayez dans quelques minutes, ou connectez-vous avec votre adresse et votre mot de passe.",
    );
  });
  await db.insert(federatedLogins).values({
    bindingHash: hashToken(binding),
    ...checks,
    returnPath,
  });
  return { binding, url: url.href };
}

/**
 * The identity claims the portal relies on. A claim the provider sends malformed is refused
 * with its name, and nothing is created.
 */
const claimsSchema = z.object({
  email: emailField("L'adresse électronique transmise par ProConnect"),
  given_name: z
    .string({ message: "Le prénom transmis par ProConnect est absent." })
    .trim()
    .min(1, "Le prénom transmis par ProConnect est absent.")
    .max(80, "Le prénom transmis par ProConnect est trop long."),
  usual_name: z
    .string({ message: "Le nom transmis par ProConnect est absent." })
    .trim()
    .min(1, "Le nom transmis par ProConnect est absent.")
    .max(80, "Le nom transmis par ProConnect est trop long."),
  siret: z
    .string({ message: "Le numéro SIRET transmis par ProConnect n'est pas valide." })
    .regex(
      /^\d{14}$/,
      "Le numéro SIRET transmis par ProConnect n'est pas valide (14 chiffres attendus) : votre organisation ne peut pas être reconnue. Signalez-le à votre service informatique ou demandez votre accès sans ProConnect.",
    )
    .optional(),
});

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export type ProConnectOutcome =
  | { kind: "signed-in"; sessionToken: string; returnPath: string }
  /** An account has this address: the person proves it is theirs before it is linked. */
  | { kind: "link" }
  /** No account: the access request, the organisation found from the SIRET. */
  | { kind: "request"; siren: string | null };

/**
 * The provider's callback. It is accepted once, from the browser that started the sign-in,
 * with the state it was given; openid-client then checks the code (PKCE), the ID token and
 * its nonce. A known identity signs in; otherwise the claims wait for the next step.
 */
export async function finishProConnect(
  db: Db,
  openId: OpenIdClient,
  {
    binding,
    callbackUrl,
    device,
    now = new Date(),
  }: { binding: string | undefined; callbackUrl: URL; device: string; now?: Date },
): Promise<ProConnectOutcome> {
  const refused = new Invalid({}, UNVERIFIED);
  if (!binding) throw refused;
  // Taken once: a replayed callback finds it spent.
  const [login] = await db
    .update(federatedLogins)
    .set({ calledBackAt: now })
    .where(
      and(
        eq(federatedLogins.bindingHash, hashToken(binding)),
        isNull(federatedLogins.calledBackAt),
        gt(federatedLogins.createdAt, new Date(now.getTime() - CALLBACK_WITHIN_MINUTES * 60_000)),
      ),
    )
    .returning();
  if (!login) throw refused;
  if (callbackUrl.searchParams.get("error"))
    throw new Invalid(
      {},
      "La connexion avec ProConnect a été annulée ou refusée : vous pouvez recommencer, ou vous connecter avec votre mot de passe.",
    );
  if (!sameText(callbackUrl.searchParams.get("state") ?? "", login.state)) throw refused;
  let identity: Awaited<ReturnType<OpenIdClient["identityFrom"]>>;
  try {
    identity = await openId.identityFrom(callbackUrl, login);
  } catch {
    // A forged code, a wrong nonce, a bad signature: the same answer, nothing created.
    throw refused;
  }
  let claims: z.infer<typeof claimsSchema>;
  try {
    claims = parseInput(claimsSchema, identity.claims);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    throw new Invalid(
      error.fieldErrors,
      "L'identité transmise par ProConnect est incomplète ou invalide : votre compte ne peut pas être ouvert ni relié.",
    );
  }
  const [linked] = await db
    .select({ userId: federatedIdentities.userId, isActive: users.isActive })
    .from(federatedIdentities)
    .innerJoin(users, eq(users.id, federatedIdentities.userId))
    .where(
      and(
        eq(federatedIdentities.provider, PROCONNECT),
        eq(federatedIdentities.subject, identity.subject),
      ),
    );
  if (linked?.isActive) {
    const sessionToken = await db.transaction(async (tx) => {
      await tx
        .update(federatedLogins)
        .set({ subject: identity.subject, completedAt: now })
        .where(eq(federatedLogins.id, login.id));
      await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, linked.userId));
      return openSession(tx, linked.userId, device, identity.idToken);
    });
    return { kind: "signed-in", sessionToken, returnPath: login.returnPath };
  }
  await db
    .update(federatedLogins)
    .set({
      subject: identity.subject,
      email: claims.email,
      givenName: claims.given_name,
      familyName: claims.usual_name,
      siret: claims.siret ?? null,
      idToken: identity.idToken,
    })
    .where(eq(federatedLogins.id, login.id));
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, claims.email), eq(users.isActive, true)));
  if (account) return { kind: "link" };
  return { kind: "request", siren: claims.siret?.slice(0, 9) ?? null };
}

/** The identity waiting for a link or an access request, from this browser. */
export async function pendingProConnect(
  q: Queryable,
  binding: string | undefined,
  now = new Date(),
) {
  if (!binding) return null;
  const [login] = await q
    .select()
    .from(federatedLogins)
    .where(
      and(
        eq(federatedLogins.bindingHash, hashToken(binding)),
        isNull(federatedLogins.completedAt),
        sql`${federatedLogins.subject} IS NOT NULL AND ${federatedLogins.email} IS NOT NULL`,
        gt(
          federatedLogins.calledBackAt,
          new Date(now.getTime() - FOLLOW_UP_WITHIN_MINUTES * 60_000),
        ),
      ),
    );
  return login ?? null;
}

type PendingLogin = NonNullable<Awaited<ReturnType<typeof pendingProConnect>>>;

async function linkAndSignIn(db: Db, login: PendingLogin, device: string) {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, login.email!));
    if (!user?.isActive) throw new NotFound(UNVERIFIED);
    await tx
      .insert(federatedIdentities)
      .values({
        provider: PROCONNECT,
        subject: login.subject!,
        userId: user.id,
        email: login.email!,
      })
      .onConflictDoUpdate({
        target: [federatedIdentities.provider, federatedIdentities.userId],
        set: { subject: login.subject!, email: login.email!, linkedAt: new Date() },
      });
    await tx
      .update(federatedLogins)
      .set({ completedAt: new Date() })
      .where(eq(federatedLogins.id, login.id));
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await recordChange(
      tx,
      { userId: user.id, label: user.displayName },
      {
        operation: "create",
        entityType: "federated_identity",
        entityId: `${PROCONNECT}:${user.id}`,
        after: { provider: "ProConnect", email: login.email },
      },
    );
    return {
      sessionToken: await openSession(tx, user.id, device, login.idToken),
      returnPath: login.returnPath,
    };
  });
}

/** The account's password proves it is the person's: ProConnect is linked and they sign in. */
export async function linkWithPassword(
  db: Db,
  binding: string | undefined,
  values: Record<string, unknown>,
  { clientAddress, device }: { clientAddress: string; device: string },
) {
  const login = await pendingProConnect(db, binding);
  if (!login) throw new NotFound(UNVERIFIED);
  const password = typeof values.password === "string" ? values.password : "";
  if (!password) throw new Invalid({ password: "Le mot de passe est obligatoire." });
  const [user] = await db.select().from(users).where(eq(users.email, login.email!));
  const valid =
    user && (await accountPasswordMatches(db, user, password, clientAddress, "password"));
  if (!valid) throw new Invalid({ password: "Le mot de passe est incorrect." });
  return linkAndSignIn(db, login, device);
}

/** Or a one-time link mailed to the address: following it links and signs in. */
export async function mailLinkConfirmation(db: Db, binding: string | undefined, publicUrl: string) {
  const login = await pendingProConnect(db, binding);
  if (!login) throw new NotFound(UNVERIFIED);
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx
      .update(federatedLogins)
      .set({ linkTokenHash: hashToken(token) })
      .where(eq(federatedLogins.id, login.id));
    await enqueueMail(tx, {
      idempotencyKey: `proconnect-link:${login.id}:${hashToken(token)}`,
      template: "proconnect-link",
      to: login.email!,
      ...accountMails.proConnectLink({
        displayName: `${login.givenName} ${login.familyName}`,
        url: `${publicUrl}/connexion/proconnect/lier/${token}`,
        validMinutes: LINK_MAIL_VALID_MINUTES,
      }),
    });
  });
  return { email: login.email! };
}

async function loginOfMailedLink(q: Queryable, token: string) {
  const [login] = await q
    .select()
    .from(federatedLogins)
    .where(
      and(
        eq(federatedLogins.linkTokenHash, hashToken(token)),
        isNull(federatedLogins.completedAt),
        gt(federatedLogins.calledBackAt, new Date(Date.now() - LINK_MAIL_VALID_MINUTES * 60_000)),
      ),
    );
  if (!login)
    throw new NotFound(
      "Ce lien n'est plus valable (expiré ou déjà utilisé) : reconnectez-vous avec ProConnect.",
    );
  return login;
}

/** What the mailed link's page shows before its button is pressed. */
export async function mailedLinkWaiting(q: Queryable, token: string) {
  const login = await loginOfMailedLink(q, token);
  return { email: login.email! };
}

export async function linkByMailedToken(db: Db, token: string, device: string) {
  return linkAndSignIn(db, await loginOfMailedLink(db, token), device);
}

/** An access request asked right after a ProConnect sign-in carries the identity. */
export async function federatedSubjectFor(
  q: Queryable,
  binding: string | undefined,
  email: string,
) {
  const login = await pendingProConnect(q, binding);
  return login && login.email === email ? login.subject : null;
}
