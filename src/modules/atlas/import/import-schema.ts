import { integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "../../../platform/auth/schema";
import { type ImportError, importKinds, importStatuses } from "./import-kinds";

export {
  type ImportError,
  type ImportKind,
  type ImportStatus,
  importKinds,
  importStatuses,
} from "./import-kinds";

/**
 * A bulk import of the Atlas: the rows read from the uploaded file, then checked all, then
 * written in one transaction, or refused with every bad line. Its progress is read by the
 * page the DAECT watches.
 */
export const atlasImports = pgTable("atlas_imports", {
  id: serial("id").primaryKey(),
  kind: text("kind", { enum: importKinds }).notNull(),
  filename: text("filename").notNull(),
  status: text("status", { enum: importStatuses }).notNull().default("validating"),
  version: integer("version").notNull().default(1),
  totalRows: integer("total_rows").notNull(),
  checkedRows: integer("checked_rows").notNull().default(0),
  importedRows: integer("imported_rows").notNull().default(0),
  /** The rows read from the file, kept until the import ends. */
  rows: jsonb("rows").$type<Record<string, string>[] | null>(),
  errors: jsonb("errors").$type<ImportError[]>().notNull().default([]),
  /** What was created, for the report: counts by kind of record. */
  summary: jsonb("summary").$type<Record<string, number>>(),
  createdByUserId: integer("created_by_user_id").references(() => users.id, {
    onDelete: "set null",
  }),
  createdByLabel: text("created_by_label").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});
