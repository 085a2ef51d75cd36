import { boolean, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "../../platform/auth/schema";
import { bytea } from "../../platform/db/types";

/** A search of the Atlas kept by a person, with its map view, and its optional alert. */
export const savedSearches = pgTable(
  "saved_searches",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The search's URL parameters (filters, sort, map view `vue`). */
    query: text("query").notNull(),
    alert: boolean("alert").notNull().default(false),
    /** Projects with a greater id are "new" for the next alert. */
    alertAfterProjectId: integer("alert_after_project_id").notNull().default(0),
    lastAlertedAt: timestamp("last_alerted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("saved_searches_user_idx").on(table.userId)],
);

/** A file a person extracted from the Atlas (CSV, XLSX, PDF…), kept as it was produced. */
export const extractions = pgTable(
  "extractions",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    format: text("format").notNull(),
    query: text("query").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    content: bytea("content").notNull(),
    size: integer("size").notNull(),
    projects: integer("projects").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("extractions_user_idx").on(table.userId)],
);
