import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisations } from "../auth/schema";
import { opinionVerdicts, opinionVisibilities } from "./verdicts";

/**
 * One opinion (avis) asked of one organisation on one record of a module (a Bourse offer,
 * a dossier of a call for projects…): asked of the organisation, not of a person, so any
 * of its authorised members answers it. Unanswered, it can be revoked by the asker; when
 * the record moves on, the consultation closes and nobody answers any more.
 */
export const consultations = pgTable(
  "consultations",
  {
    id: serial("id").primaryKey(),
    /** The record's workflow name ("bourse_offer"). */
    subjectType: text("subject_type").notNull(),
    subjectId: integer("subject_id").notNull(),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** The organisation in whose name the opinion was asked (the DAECT). */
    askedByOrganisationId: integer("asked_by_organisation_id").references(() => organisations.id),
    visibility: text("visibility", { enum: opinionVisibilities }).notNull().default("confidential"),
    dueOn: date("due_on").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    verdict: text("verdict", { enum: opinionVerdicts }),
    reasoning: text("reasoning").notNull().default(""),
    attachmentKey: text("attachment_key"),
    attachmentName: text("attachment_name"),
    givenAt: timestamp("given_at", { withTimezone: true }),
    /** Who answered, with the organisation, for the asker and the journal. */
    givenByLabel: text("given_by_label"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason").notNull().default(""),
    /** When the record left its consultation step: no answer is taken after it. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (table) => [
    // One live request per organisation and record; a revoked one may be asked again.
    uniqueIndex("consultations_once")
      .on(table.subjectType, table.subjectId, table.organisationId)
      .where(sql`revoked_at IS NULL`),
    index("consultations_subject_idx").on(table.subjectType, table.subjectId),
    index("consultations_organisation_idx").on(table.organisationId),
  ],
);

export type ConsultationRow = typeof consultations.$inferSelect;
