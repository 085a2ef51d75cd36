import { bigserial, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { bytea } from "../db/types";

/**
 * Files people upload (a request's attachments), kept in the database: every instance
 * of the portal reads the same ones, and a copy of the database is a copy of the files.
 */
export const storedFiles = pgTable("stored_files", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  key: text("key").notNull().unique(),
  mediaType: text("media_type").notNull(),
  byteSize: integer("byte_size").notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
