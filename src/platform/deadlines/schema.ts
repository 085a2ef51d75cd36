import { bigint, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Each time a deadline rule fired for a record: claimed in the transaction that does the
 * rule's work, so a rule fires once per (record, occurrence) across restarts and across
 * several portal processes sharing one database.
 */
export const deadlineFirings = pgTable(
  "deadline_firings",
  {
    rule: text("rule").notNull(),
    recordId: bigint("record_id", { mode: "number" }).notNull(),
    /** Which due date fired (a renewed publication has a new one, reminded again). */
    occurrence: text("occurrence").notNull(),
    /** What the firing did, counted (mails written, collectivités reminded…). */
    outcome: integer("outcome").notNull().default(0),
    firedAt: timestamp("fired_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.rule, table.recordId, table.occurrence] })],
);
