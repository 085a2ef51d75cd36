import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { apdChannels, apdFlows, declarationStatuses } from "./codes";
import { collectivites } from "../register/schema";

/** A yearly campaign: collectivités declare the aid they spent in `year` during the window. */
export const apdCampaigns = pgTable("apd_campaigns", {
  id: serial("id").primaryKey(),
  /** The spending year declared (N-1 of the window's year). */
  year: integer("year").notNull().unique(),
  opensOn: date("opens_on").notNull(),
  /** The deadline: a first submission after it is accepted but marked late. */
  closesOn: date("closes_on").notNull(),
  /** Days before the deadline on which collectivités that have not declared are reminded. */
  reminderDays: integer("reminder_days").array().notNull().default([15, 3]),
  message: text("message").notNull().default(""),
  openedByLabel: text("opened_by_label").notNull(),
  openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
  /** Once closed, declarations of the year can no longer be submitted or amended. */
  closedAt: timestamp("closed_at", { withTimezone: true }),
});

/**
 * A collectivité's declaration for a year. Its lines (`apd_lines`) are the working copy the
 * agent edits; each submission freezes them into `apd_submission_lines`, and the statistics
 * read the current submission only, so an amendment in progress never shows in them.
 */
export const apdDeclarations = pgTable(
  "apd_declarations",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => apdCampaigns.id),
    year: integer("year").notNull(),
    collectiviteId: integer("collectivite_id")
      .notNull()
      .references(() => collectivites.id),
    status: text("status", { enum: declarationStatuses }).notNull().default("draft"),
    /** "Déclaration néant": nothing was spent this year. */
    isNil: boolean("is_nil").notNull().default(false),
    /** Bumped by every change of the working copy; a submission names the version it saw. */
    version: integer("version").notNull().default(1),
    /** The working copy differs from the current submission. */
    hasChanges: boolean("has_changes").notNull().default(true),
    late: boolean("late").notNull().default(false),
    firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
    reviewComment: text("review_comment"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewedByLabel: text("reviewed_by_label"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("apd_declarations_year_collectivite_key").on(table.year, table.collectiviteId),
    index("apd_declarations_campaign_idx").on(table.campaignId, table.status),
    index("apd_declarations_collectivite_idx").on(table.collectiviteId),
  ],
);

const lineColumns = () => ({
  /** ISO 3166 alpha-2 for a country, the DAC region code for "multi-pays". */
  recipientCode: text("recipient_code").notNull(),
  purposeCode: text("purpose_code").notNull(),
  amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
  flow: text("flow", { enum: apdFlows }).notNull(),
  channel: text("channel", { enum: apdChannels }).notNull(),
  projectId: integer("project_id"),
  description: text("description").notNull().default(""),
  /** OECD policy markers (codes.ts `policyMarkers`): 0 not targeted, 1 significant, 2 principal. */
  markerGender: smallint("marker_gender").notNull().default(0),
  markerEnvironment: smallint("marker_environment").notNull().default(0),
  markerBiodiversity: smallint("marker_biodiversity").notNull().default(0),
  markerClimateMitigation: smallint("marker_climate_mitigation").notNull().default(0),
  markerClimateAdaptation: smallint("marker_climate_adaptation").notNull().default(0),
  markerNutrition: smallint("marker_nutrition").notNull().default(0),
  markerDisability: smallint("marker_disability").notNull().default(0),
});

/** The working copy of a declaration's lines. */
export const apdLines = pgTable(
  "apd_lines",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    declarationId: integer("declaration_id")
      .notNull()
      .references(() => apdDeclarations.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    ...lineColumns(),
  },
  (table) => [index("apd_lines_declaration_idx").on(table.declarationId, table.position)],
);

/** A submission: a numbered, frozen version of a declaration, with its receipt. */
export const apdSubmissions = pgTable(
  "apd_submissions",
  {
    id: serial("id").primaryKey(),
    declarationId: integer("declaration_id")
      .notNull()
      .references(() => apdDeclarations.id, { onDelete: "cascade" }),
    number: smallint("number").notNull(),
    isCurrent: boolean("is_current").notNull().default(true),
    isNil: boolean("is_nil").notNull(),
    late: boolean("late").notNull(),
    lineCount: integer("line_count").notNull(),
    totalCents: bigint("total_cents", { mode: "number" }).notNull(),
    submittedByLabel: text("submitted_by_label").notNull(),
    /** Where the receipt went and where a request for correction goes. */
    submittedByEmail: text("submitted_by_email").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    /** Who and what the receipt names, as they were at submission. */
    receipt: jsonb("receipt").$type<{ collectivite: string; reference: string }>().notNull(),
  },
  (table) => [
    uniqueIndex("apd_submissions_number_key").on(table.declarationId, table.number),
    index("apd_submissions_current_idx").on(table.declarationId).where(sql`is_current`),
  ],
);

/**
 * The lines of each submission. Year, collectivité and the counted flag are copied here so
 * the statistics group half a million lines without a join; `counted` is true for the
 * current submission of a submitted or accepted declaration.
 */
export const apdSubmissionLines = pgTable(
  "apd_submission_lines",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    submissionId: integer("submission_id")
      .notNull()
      .references(() => apdSubmissions.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    collectiviteId: integer("collectivite_id").notNull(),
    counted: boolean("counted").notNull(),
    position: integer("position").notNull(),
    ...lineColumns(),
  },
  (table) => [
    index("apd_submission_lines_submission_idx").on(table.submissionId),
    index("apd_submission_lines_counted_idx")
      .on(table.year, table.recipientCode)
      .where(sql`counted`),
  ],
);

/**
 * The statistics, kept summed: one cell per year, grouping and key (a country, a sector, a
 * région…), moved by the commands that change which lines are counted. The public pages
 * and the API read a few hundred cells instead of half a million lines.
 */
export const apdTotalCells = pgTable(
  "apd_total_cells",
  {
    year: integer("year").notNull(),
    dimension: text("dimension").notNull(),
    key: text("key").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    lineCount: integer("line_count").notNull(),
  },
  (table) => [primaryKey({ columns: [table.year, table.dimension, table.key] })],
);
