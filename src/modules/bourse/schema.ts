import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations, users } from "../../platform/auth/schema";
import { tsvector } from "../../platform/db/types";
import { offerStatuses, requestStatuses } from "./codes";
import { collectivites, foreignAuthorities, foreignAuthorityKinds } from "../register/schema";

/**
 * A foreign local authority's partnership request for a precise local project. Written by
 * a signed-in account of the authority, or through the public form: then the author's
 * address is checked by a mailed link, which also serves as its private follow-up link.
 */
export const bourseRequests = pgTable(
  "bourse_requests",
  {
    id: serial("id").primaryKey(),
    status: text("status", { enum: requestStatuses }).notNull().default("draft"),
    /** The foreign authority's organisation when written from a signed-in account. */
    authorOrganisationId: integer("author_organisation_id").references(() => organisations.id),
    /** The Atlas authority the request comes from, when it is known there. */
    foreignAuthorityId: integer("foreign_authority_id").references(() => foreignAuthorities.id),
    authorityName: text("authority_name").notNull(),
    authorityKind: text("authority_kind", { enum: foreignAuthorityKinds }).notNull(),
    countryCode: text("country_code").notNull(),
    cityId: integer("city_id"),
    cityName: text("city_name").notNull(),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    contactName: text("contact_name").notNull(),
    contactFunction: text("contact_function").notNull().default(""),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone").notNull().default(""),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** Thématique codes (reference thématiques). */
    themes: text("themes").array().notNull().default([]),
    partnerKind: text("partner_kind").notNull().default("any"),
    partnerSize: text("partner_size").notNull().default("any"),
    expertise: text("expertise").notNull().default(""),
    budgetCents: bigint("budget_cents", { mode: "number" }),
    languages: text("languages").array().notNull().default([]),
    /** The language the author filled the form in (fr, en, es): its mails use it. */
    formLanguage: text("form_language").notNull().default("fr"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** What the embassy or the DAECT asked the author to complete. */
    infoRequest: text("info_request").notNull().default(""),
    declineReason: text("decline_reason").notNull().default(""),
    triagedByLabel: text("triaged_by_label"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** Set when the author was reminded of the expiry; cleared by a renewal. */
    expiryRemindedAt: timestamp("expiry_reminded_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedReason: text("closed_reason").notNull().default(""),
    matchedCollectiviteId: integer("matched_collectivite_id").references(() => collectivites.id),
    partnershipId: integer("partnership_id"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector('french_unaccent', coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(authority_name, '') || ' ' || coalesce(city_name, ''))`,
    ),
  },
  (table) => [
    index("bourse_requests_status_idx").on(table.status),
    index("bourse_requests_country_idx").on(table.countryCode),
    index("bourse_requests_author_idx").on(table.authorOrganisationId),
    index("bourse_requests_search_idx").using("gin", table.search),
  ],
);

/** A file joined to a request: checked by its content, kept outside the web root. */
export const bourseAttachments = pgTable(
  "bourse_attachments",
  {
    id: serial("id").primaryKey(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bourseRequests.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    /** Detected from the bytes, never taken from the upload. */
    mediaType: text("media_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    /** The file in the portal's file store (src/platform/files/stored-files.ts). */
    storageKey: text("storage_key").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("bourse_attachments_request_idx").on(table.requestId)],
);

/** A French collectivité's interest in a request: from then on both see each other's contact. */
export const bourseInterests = pgTable(
  "bourse_interests",
  {
    id: serial("id").primaryKey(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bourseRequests.id, { onDelete: "cascade" }),
    collectiviteId: integer("collectivite_id")
      .notNull()
      .references(() => collectivites.id),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    message: text("message").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("bourse_interests_once").on(table.requestId, table.collectiviteId)],
);

/** A French collectivité's offer of cooperation (fiche de présentation). */
export const bourseOffers = pgTable(
  "bourse_offers",
  {
    id: serial("id").primaryKey(),
    status: text("status", { enum: offerStatuses }).notNull().default("draft"),
    collectiviteId: integer("collectivite_id")
      .notNull()
      .references(() => collectivites.id),
    title: text("title").notNull(),
    /** What the collectivité offers. */
    summary: text("summary").notNull(),
    themes: text("themes").array().notNull().default([]),
    /** Countries the offer targets (ISO alpha-2). */
    countryCodes: text("country_codes").array().notNull().default([]),
    experience: text("experience").notNull().default(""),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** The date by which the prefecture and the embassies give their opinion. */
    opinionsDueOn: date("opinions_due_on"),
    decisionComment: text("decision_comment").notNull().default(""),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedByLabel: text("decided_by_label"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    expiryRemindedAt: timestamp("expiry_reminded_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("bourse_offers_status_idx").on(table.status),
    index("bourse_offers_collectivite_idx").on(table.collectiviteId),
  ],
);

/**
 * Private links of an author without an account: each mail to the author carries a new
 * one (only its SHA-256 is kept), which ends the older ones; a link also ends after a month,
 * and the author can ask for a new one by mail.
 */
export const bourseAuthorLinks = pgTable(
  "bourse_author_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    requestId: integer("request_id")
      .notNull()
      .references(() => bourseRequests.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** A link serves a month; a newer link mailed to the author ends the older ones. */
    expiresAt: timestamp("expires_at", { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '30 days'`),
  },
  (table) => [index("bourse_author_links_request_idx").on(table.requestId)],
);
