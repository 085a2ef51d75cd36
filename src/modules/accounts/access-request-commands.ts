import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { recordChange } from "../../platform/audit/audit";
import { changing } from "../../platform/changes";
import { type Actor, auditActorOf } from "../../platform/auth/actor";
import { memberships, organisations, passwordResetTokens, users } from "../../platform/auth/schema";
import { withinQuota } from "../../platform/auth/throttle";
import { hashToken, newToken } from "../../platform/auth/tokens";
import { type Db, type Tx, rowsOf } from "../../platform/db/client";
import { Invalid, NotFound, TooManyRequests } from "../../platform/errors";
import { enqueueMail } from "../../platform/mail/outbox";
import { emailField, parseInput, textField, whenFieldsParsed } from "../../platform/validation";
import { transition } from "../../platform/workflow/transition";
import { handOverToCommuneNouvelle } from "../atlas/index";
import {
  collectiviteFromReference,
  replaceByCommuneNouvelle,
  collectiviteKinds,
  collectiviteOfUnit,
  collectiviteOwner,
  foreignAuthorities,
  organisationGroups,
  organisationOfEntry,
} from "../register/index";
import { accessMails } from "./access-request-mails";
import { accessRequestWorkflow } from "./access-request-workflow";
import { functionStated, jobTitleOf, personFunctionFields } from "./validation";
import { accessRequests, federatedIdentities } from "./schema";
import { PROCONNECT } from "./proconnect-commands";

const CONFIRM_VALID_HOURS = 48;
/** The welcome mail's link to choose a first password. */
const FIRST_PASSWORD_VALID_DAYS = 7;
const REQUEST_QUOTA = { windowMs: 3_600_000, perSubject: 5, perClient: 20 };

const accessRequestSchema = z
  .object({
    group: z.enum(organisationGroups, {
      message: "Choisissez le type de votre organisation dans la liste.",
    }),
    organisation: z
      .string({ message: "Choisissez votre organisation dans la liste proposée." })
      .regex(
        /^(collectivite|authority|organisation):\d{1,9}$/,
        "Choisissez votre organisation dans la liste proposée.",
      ),
    ...personFunctionFields,
    givenName: textField("Le prénom", 80),
    familyName: textField("Le nom", 80),
    email: emailField("L'adresse électronique professionnelle"),
  })
  .refine(...functionStated);

/** What the person chose, found in the register or among the portal's organisations. */
async function targetOf(db: Db, group: string, ref: string) {
  const [kind, idText] = ref.split(":");
  const id = Number(idText);
  const unknown = new Invalid({
    organisation:
      "Cette organisation n'est pas dans la liste : choisissez-la parmi celles proposées.",
  });
  if (kind === "collectivite" && group === "collectivite") {
    const row = await collectiviteOwner(db, id);
    if (!row) throw unknown;
    return {
      collectiviteId: id,
      organisationId: row.organisationId,
      organisationName: row.name,
      regionCode: row.regionCode,
    };
  }
  if (kind === "authority" && group === "foreign_authority") {
    const [row] = rowsOf<{ name: string; organisation_id: number | null }>(
      await db.execute(sql`
        SELECT name, organisation_id FROM ${foreignAuthorities} WHERE id = ${id}`),
    );
    if (!row) throw unknown;
    return { authorityId: id, organisationId: row.organisation_id, organisationName: row.name };
  }
  if (kind === "organisation") {
    const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
    if (!row || row.kind !== group) throw unknown;
    return { organisationId: row.id, organisationName: row.name, regionCode: null };
  }
  throw unknown;
}

interface RequestOptions {
  publicUrl: string;
  clientAddress: string;
  /** The ProConnect identity the person just signed in with, linked on approval. */
  federatedSubject?: string | null;
  now?: Date;
}

type Person = Pick<
  z.infer<typeof accessRequestSchema>,
  "group" | "personFunction" | "functionOther" | "givenName" | "familyName" | "email"
>;

/**
 * Someone asks for an account in an organisation. The request waits until the mailed link
 * confirms the address. The answer never says whether the address has an account.
 */
export async function requestAccess(
  db: Db,
  values: Record<string, unknown>,
  options: RequestOptions,
) {
  const input = parseInput(accessRequestSchema, values);
  const target = await targetOf(db, input.group, input.organisation);
  return openRequest(db, input, { ...target, target: input.organisation }, options);
}

const missingSchema = z
  .object({
    kind: z.enum(collectiviteKinds, {
      message: "Choisissez le type de collectivité dans la liste.",
    }),
    code: z
      .string({ message: "Le code officiel est obligatoire." })
      .trim()
      .toUpperCase()
      .min(1, "Le code officiel est obligatoire."),
    name: textField("Le nom de la collectivité", 150),
    formerCodes: z
      .string()
      .trim()
      .max(500, "La liste des anciennes communes est trop longue.")
      .default("")
      .superRefine((text, context) => {
        for (const code of formerCodesOf(text))
          if (!OFFICIAL_CODE.commune.pattern.test(code))
            context.addIssue({
              code: "custom",
              message: `« ${code} » n'est pas un code INSEE de commune (5 caractères, par exemple 29019).`,
            });
      }),
    ...personFunctionFields,
    givenName: textField("Le prénom", 80),
    familyName: textField("Le nom", 80),
    email: emailField("L'adresse électronique professionnelle"),
  })
  .refine(...functionStated)
  .refine((input) => OFFICIAL_CODE[input.kind].pattern.test(input.code), {
    path: ["code"],
    message: "Le code ne correspond pas au type de collectivité choisi.",
    // Told with the other fields' messages, not after they are fixed.
    when: whenFieldsParsed("kind", "code"),
  })
  .refine((input) => !input.formerCodes || input.kind === "commune", {
    path: ["formerCodes"],
    message: "Seule une commune nouvelle remplace d'anciennes communes.",
    when: whenFieldsParsed("kind", "formerCodes"),
  });

/** The official code of each kind of collectivité, as the reference data keys it. */
const OFFICIAL_CODE = {
  commune: { pattern: /^(\d{5}|2[AB]\d{3})$/ },
  departement: { pattern: /^(\d{2,3}|2[AB])$/ },
  region: { pattern: /^\d{2}$/ },
  epci: { pattern: /^\d{9}$/ },
} as const;

const formerCodesOf = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean),
  ),
];

/**
 * "Mon organisation n'est pas dans la liste": a French collectivité given by its official
 * code (and, for a commune nouvelle, the codes of the communes it replaces). The DAECT
 * checks it against the reference data when approving; until then it is only a proposal.
 */
export async function requestMissingCollectivite(
  db: Db,
  values: Record<string, unknown>,
  options: RequestOptions,
) {
  const input = parseInput(missingSchema, values);
  const unitId = `${input.kind}:${input.code}`;
  const listed = await collectiviteOfUnit(db, unitId);
  if (listed)
    throw new Invalid({
      code: `${listed.name} est déjà dans la liste : revenez à la recherche et tapez ce code (${input.code}).`,
    });
  return openRequest(
    db,
    { ...input, group: "collectivite" },
    {
      target: `missing:${unitId}`,
      organisationId: null,
      organisationName: input.name,
      regionCode: null,
      proposedUnitId: unitId,
      formerUnitIds: formerCodesOf(input.formerCodes).map((code) => `commune:${code}`),
    },
    options,
  );
}

async function openRequest(
  db: Db,
  input: Person,
  target: {
    target: string;
    organisationId: number | null;
    organisationName: string;
    collectiviteId?: number;
    authorityId?: number;
    regionCode?: string | null;
    proposedUnitId?: string;
    formerUnitIds?: string[];
  },
  { publicUrl, clientAddress, federatedSubject = null, now = new Date() }: RequestOptions,
) {
  if (
    !(await withinQuota(
      db,
      { action: "access-request", subject: input.email, clientAddress },
      REQUEST_QUOTA,
    ))
  )
    throw new TooManyRequests(
      "Plusieurs demandes ont déjà été faites pour cette adresse ou depuis votre poste : réessayez dans une heure.",
      { email: "Trop de demandes : réessayez dans une heure." },
    );
  const token = newToken();
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(accessRequests)
      .values({
        group: input.group,
        target: target.target,
        organisationId: target.organisationId,
        collectiviteId: target.collectiviteId ?? null,
        authorityId: target.authorityId ?? null,
        organisationName: target.organisationName,
        regionCode: target.regionCode ?? null,
        proposedUnitId: target.proposedUnitId ?? null,
        formerUnitIds: target.formerUnitIds ?? [],
        personFunction: input.personFunction,
        functionOther: input.personFunction === "autre" ? input.functionOther : "",
        givenName: input.givenName,
        familyName: input.familyName,
        email: input.email,
        federatedSubject,
        confirmTokenHash: hashToken(token),
        confirmExpiresAt: new Date(now.getTime() + CONFIRM_VALID_HOURS * 3_600_000),
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!created)
      throw new Invalid({
        email:
          "Une demande d'accès est déjà en cours pour cette adresse auprès de cette organisation : suivez le lien du courriel reçu, ou attendez la réponse.",
      });
    await enqueueMail(tx, {
      to: input.email,
      ...accessMails.confirm({
        organisation: target.organisationName,
        url: `${publicUrl}/inscription/confirmer/${token}`,
        validHours: CONFIRM_VALID_HOURS,
      }),
      template: "access-request-confirm",
      idempotencyKey: `access-request:${created.id}:confirm`,
    });
    await recordChange(
      tx,
      { userId: null, label: input.email },
      {
        operation: "create",
        entityType: accessRequestWorkflow.name,
        entityId: created.id,
        after: { organisation: target.organisationName, email: input.email },
      },
    );
    return created;
  });
}

const EXPIRED =
  "Ce lien de confirmation n'est plus valable (expiré ou déjà utilisé) : refaites la demande d'accès.";

/** What the confirmation page shows of a request still to confirm; 404 for a dead link. */
export async function pendingConfirmation(db: Db, token: string, now = new Date()) {
  const [request] = await db
    .select()
    .from(accessRequests)
    .where(eq(accessRequests.confirmTokenHash, hashToken(token)));
  if (request?.status !== "unconfirmed" || (request.confirmExpiresAt ?? now) < now)
    throw new NotFound(EXPIRED);
  return {
    person: `${request.givenName} ${request.familyName}`,
    organisation: request.organisationName,
  };
}

/** The mailed link: the address is confirmed and the approvers are told. */
export async function confirmAccessRequest(
  db: Db,
  token: string,
  { publicUrl, now = new Date() }: { publicUrl: string; now?: Date },
) {
  return db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(accessRequests)
      .where(eq(accessRequests.confirmTokenHash, hashToken(token)))
      .for("update");
    const open = request?.status === "unconfirmed" && (request.confirmExpiresAt ?? now) >= now;
    if (!request || !open) throw new NotFound(EXPIRED);
    const { after } = await transition(tx, accessRequestWorkflow, {
      id: request.id,
      event: "confirm",
      by: { system: "confirmation-link" },
      expectedVersion: request.version,
      publicUrl,
      now,
      set: () => ({ confirmedAt: now, confirmTokenHash: null }),
    });
    return after;
  });
}

/**
 * An approver accepts: the organisation is created for a register entry that had none, the
 * account for an address that had none, and the person becomes a member — the first one
 * its administrator.
 */
export async function approveAccessRequest(
  db: Db,
  actor: Actor,
  requestId: number,
  version: string | undefined,
  publicUrl: string,
) {
  // A collectivité may enter the register and a commune nouvelle take over an Atlas.
  return changing(db, "atlas", async (tx) => {
    const { after } = await transition(tx, accessRequestWorkflow, {
      id: requestId,
      event: "approve",
      by: { actor },
      expectedVersion: version,
      publicUrl,
      set: (_request, now) => ({ decidedAt: now, decidedByLabel: auditActorOf(actor).label }),
    });
    const collectiviteId = after.collectiviteId ?? (await proposedCollectivite(tx, actor, after));
    const organisationId =
      after.organisationId ??
      (await organisationOfEntry(
        tx,
        collectiviteId !== null ? { collectiviteId } : { authorityId: after.authorityId! },
      ));
    const [existing] = await tx.select().from(users).where(eq(users.email, after.email));
    const jobTitle = jobTitleOf(after);
    const user =
      existing ??
      (
        await tx
          .insert(users)
          .values({
            email: after.email,
            displayName: `${after.givenName} ${after.familyName}`,
            jobTitle,
          })
          .returning()
      )[0];
    const [{ members }] = rowsOf<{ members: number }>(
      await tx.execute(sql`
        SELECT count(*)::int AS members FROM memberships WHERE organisation_id = ${organisationId}`),
    );
    await tx
      .insert(memberships)
      .values({ userId: user.id, organisationId, isAdmin: members === 0 })
      .onConflictDoNothing();
    await tx
      .update(accessRequests)
      .set({ userId: user.id, organisationId, collectiviteId })
      .where(eq(accessRequests.id, requestId));
    if (after.federatedSubject)
      await tx
        .insert(federatedIdentities)
        .values({
          provider: PROCONNECT,
          subject: after.federatedSubject,
          userId: user.id,
          email: after.email,
        })
        .onConflictDoNothing();
    // A new account chooses its password by a one-time link; an existing one signs in.
    const firstPassword = !user.passwordHash;
    const token = newToken();
    if (firstPassword)
      await tx.insert(passwordResetTokens).values({
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt: new Date(Date.now() + FIRST_PASSWORD_VALID_DAYS * 86_400_000),
      });
    await enqueueMail(tx, {
      to: after.email,
      ...accessMails.approved({
        organisation: after.organisationName,
        url: firstPassword
          ? `${publicUrl}/mot-de-passe/nouveau/${token}`
          : `${publicUrl}/connexion`,
        firstPassword,
        validDays: FIRST_PASSWORD_VALID_DAYS,
      }),
      template: "access-request-approved",
      idempotencyKey: `access-request:${after.id}:approve`,
    });
    await recordChange(tx, auditActorOf(actor), {
      operation: "create",
      entityType: "membership",
      entityId: `${user.id}:${organisationId}`,
      after: { email: after.email, organisationId, isAdmin: members === 0 },
    });
    return { ...after, userId: user.id, organisationId, isAdmin: members === 0 };
  });
}

/**
 * A collectivité asked for by its official code enters the register from the reference
 * data; a commune nouvelle then replaces its former communes, which hand over their Atlas.
 * A code the reference does not know is refused to the approver, who refuses the request
 * with a reason or asks the person.
 */
async function proposedCollectivite(
  tx: Tx,
  actor: Actor,
  request: { proposedUnitId: string | null; formerUnitIds: string[] },
) {
  if (!request.proposedUnitId) return null;
  const entry = await collectiviteFromReference(tx, request.proposedUnitId);
  if (!entry)
    throw new Invalid(
      {},
      `Le code ${request.proposedUnitId.split(":")[1]} ne correspond à aucune collectivité du référentiel officiel : vérifiez-le avec la personne, ou refusez la demande en indiquant le motif.`,
    );
  const formerIds = await replaceByCommuneNouvelle(tx, entry.id, request.formerUnitIds);
  await handOverToCommuneNouvelle(tx, auditActorOf(actor), {
    formerIds,
    communeNouvelleId: entry.id,
  });
  return entry.id;
}

/** An approver refuses, with a reason the person reads. */
export async function refuseAccessRequest(
  db: Db,
  actor: Actor,
  requestId: number,
  values: Record<string, unknown>,
  publicUrl: string,
) {
  const { reason } = parseInput(
    z.object({
      reason: textField("Le motif du refus", 1_000),
    }),
    { reason: values.reason },
  );
  return db.transaction(async (tx) => {
    const { after } = await transition(tx, accessRequestWorkflow, {
      id: requestId,
      event: "refuse",
      by: { actor },
      expectedVersion: values.version,
      reason,
      publicUrl,
      set: (_request, now) => ({
        decidedAt: now,
        decidedByLabel: auditActorOf(actor).label,
        refusalReason: reason,
      }),
    });
    return after;
  });
}
