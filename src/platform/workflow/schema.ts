import { bigint, bigserial, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every status change of every workflow, written by `transition()` in the transaction of
 * the change: a record's history page reads these rows.
 */
export const workflowEvents = pgTable(
  "workflow_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workflow: text("workflow").notNull(),
    recordId: bigint("record_id", { mode: "number" }).notNull(),
    event: text("event").notNull(),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    actorUserId: integer("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    /** The organisation through which the person acted (null for the system or a link). */
    organisationId: integer("organisation_id"),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("workflow_events_record_idx").on(table.workflow, table.recordId, table.at)],
);
