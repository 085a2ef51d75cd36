import {
  bigserial,
  serial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

import { organisationKinds } from "./organisation-kinds";

export { organisationKinds, type OrganisationKind } from "./organisation-kinds";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    jobTitle: text("job_title"),
    passwordHash: text("password_hash"),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("users_email_key").on(table.email)],
);

/**
 * An organisation is what gives a user a scope: a French collectivité (its official
 * unit), a foreign authority, the embassy in one country, the prefecture of one région…
 */
export const organisations = pgTable(
  "organisations",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: organisationKinds }).notNull(),
    name: text("name").notNull(),
    /** French territorial unit (e.g. "commune:35238") for collectivités. */
    unitId: text("unit_id"),
    /** ISO 3166 alpha-2: the country of an embassy or of a foreign authority. */
    countryCode: text("country_code"),
    /** INSEE région code: the région of a prefecture, a regional network or a collectivité. */
    regionCode: text("region_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("organisations_unit_key").on(table.unitId),
    index("organisations_kind_idx").on(table.kind),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    isAdmin: boolean("is_admin").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.organisationId] }),
    index("memberships_organisation_idx").on(table.organisationId),
  ],
);

/** Server-side sessions: the cookie carries a random id, the table keeps only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** The browser and system it was opened from, as the person reads it on "Mon compte". */
    device: text("device").notNull().default(""),
    /** Opened through ProConnect: its ID token, so that signing out ends that session too. */
    providerIdToken: text("provider_id_token"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Refreshed as the person uses the portal: a session left idle too long ends. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("sessions_user_idx").on(table.userId),
    index("sessions_expires_idx").on(table.expiresAt),
  ],
);

/**
 * A form sent just after its author's session ended: what was typed (never a file), kept
 * an hour for the same browser (`browserHash`, from its CSRF cookie) and the same person,
 * so that it can be sent again once signed in.
 */
export const resumableSubmissions = pgTable(
  "resumable_submissions",
  {
    tokenHash: text("token_hash").primaryKey(),
    browserHash: text("browser_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The page the form was sent to, with its query. */
    path: text("path").notNull(),
    fields: jsonb("fields").$type<[name: string, value: string][]>().notNull(),
    /** The labels of the files that were attached and are not kept. */
    droppedFiles: jsonb("dropped_files").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("resumable_submissions_created_idx").on(table.createdAt)],
);

/** One-time links mailed to reset a forgotten password. */
export const passwordResetTokens = pgTable("password_reset_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What is throttled, one row per attempt: a failed sign-in, a reset requested, a form mailing
 * an address… `subject` is the account or address aimed at, `clientAddress` who asked, so
 * limits hold per subject, per client and per pair. Counted in the database so that every
 * instance of the portal sees the same attempts.
 */
export const throttleEvents = pgTable(
  "throttle_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    action: text("action").notNull(),
    subject: text("subject").notNull(),
    clientAddress: text("client_address").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("throttle_events_subject_idx").on(table.action, table.subject, table.at),
    index("throttle_events_client_idx").on(table.action, table.clientAddress, table.at),
    index("throttle_events_at_idx").on(table.at),
  ],
);
