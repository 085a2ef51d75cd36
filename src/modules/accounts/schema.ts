import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations, users } from "../../platform/auth/schema";
import { collectivites, foreignAuthorities } from "../register/schema";
import { organisationGroups } from "../register/codes";
import { accessRequestStatuses, personFunctions } from "./codes";

/** An organisation administrator's invitation of a colleague, accepted through a mailed link. */
export const invitations = pgTable(
  "invitations",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    asAdmin: boolean("as_admin").notNull().default(false),
    invitedBy: integer("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("invitations_organisation_idx").on(table.organisationId)],
);

/**
 * Someone asks for an account in an organisation: the portal's own organisation when it
 * has one, or a register entry (a collectivité or a foreign authority) whose organisation
 * is created on approval. The mailed link proves the address; an approver decides.
 */
export const accessRequests = pgTable(
  "access_requests",
  {
    id: serial("id").primaryKey(),
    status: text("status", { enum: accessRequestStatuses }).notNull().default("unconfirmed"),
    group: text("group", { enum: organisationGroups }).notNull(),
    organisationId: integer("organisation_id").references(() => organisations.id),
    collectiviteId: integer("collectivite_id").references(() => collectivites.id),
    authorityId: integer("authority_id").references(() => foreignAuthorities.id),
    /** Who is asked, as the person chose it: "collectivite:12", "organisation:3"… */
    target: text("target").notNull(),
    organisationName: text("organisation_name").notNull(),
    /** The région of a collectivité: its prefecture may approve too. */
    regionCode: text("region_code"),
    personFunction: text("person_function", { enum: personFunctions }).notNull(),
    functionOther: text("function_other").notNull().default(""),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    email: text("email").notNull(),
    confirmTokenHash: text("confirm_token_hash"),
    confirmExpiresAt: timestamp("confirm_expires_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedByLabel: text("decided_by_label"),
    refusalReason: text("refusal_reason").notNull().default(""),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    /**
     * A collectivité not yet in the register, as the person gave it ("commune:29019"); the
     * DAECT checks it against the reference data when approving.
     */
    proposedUnitId: text("proposed_unit_id"),
    /** A commune nouvelle: the former communes it replaces ("commune:29001"…). */
    formerUnitIds: text("former_unit_ids").array().notNull().default(sql`'{}'::text[]`),
    /** Asked after a ProConnect sign-in: the identity is linked to the account on approval. */
    federatedSubject: text("federated_subject"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One open request per address and organisation.
    uniqueIndex("access_requests_open_once")
      .on(table.email, table.target)
      .where(sql`status IN ('unconfirmed', 'pending')`),
    uniqueIndex("access_requests_token_key").on(table.confirmTokenHash),
    index("access_requests_status_idx").on(table.status),
  ],
);

/** A new address asked on "Mon compte", applied once the mailed link proves it. */
export const emailChanges = pgTable(
  "email_changes",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    newEmail: text("new_email").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("email_changes_user_idx").on(table.userId)],
);

/** A person's identity at an identity federation (ProConnect), linked to their account. */
export const federatedIdentities = pgTable(
  "federated_identities",
  {
    provider: text("provider").notNull(),
    /** The provider's stable identifier of the person (`sub`). */
    subject: text("subject").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.provider, table.subject] }),
    uniqueIndex("federated_identities_user_key").on(table.provider, table.userId),
  ],
);

/**
 * One sign-in through the federation, bound to the browser that started it by a cookie
 * (only its hash is kept): the checks of the callback (state, nonce, PKCE verifier), then
 * the identity asserted, while the person links an account or asks for one.
 */
export const federatedLogins = pgTable(
  "federated_logins",
  {
    id: serial("id").primaryKey(),
    bindingHash: text("binding_hash").notNull().unique(),
    state: text("state").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    returnPath: text("return_path").notNull().default("/mon-espace"),
    /** The callback was received: a second one is a replay. */
    calledBackAt: timestamp("called_back_at", { withTimezone: true }),
    subject: text("subject"),
    email: text("email"),
    givenName: text("given_name"),
    familyName: text("family_name"),
    siret: text("siret"),
    idToken: text("id_token"),
    /** The mailed link that links an existing account, when asked. */
    linkTokenHash: text("link_token_hash").unique(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("federated_logins_created_idx").on(table.createdAt)],
);
